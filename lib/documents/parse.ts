import { RESERVED_ARTICLE_SLUGS, RESERVED_SLUGS } from '@/lib/routes';
import { slugify } from '@/lib/slug';
import type { ArticleDraft, BodyBlock, Dateline, DocumentProblem, ParsedDocument } from '@/lib/documents/types';

const EDGE_WHITESPACE = /^[ \t\u00A0]+|[ \t\u00A0]+$/g;
const MARKER = /^(?:[•·*-][ \t\u00A0]*)?Published in(?:[ \t\u00A0]+(.*))?$/;
const SUBHEADING_MAX_CHARS = 80;
const SENTENCE_END = /[.!?:;,”"’]$/;
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
// `Place, Mon DD (Source) rest`; a place is words of letters, with spaces,
// hyphens, apostrophes or dots between them ("Port-au-Prince", "St. Petersburg").
const DATELINE = new RegExp(
  `^(\\p{L}(?:[\\p{L}\\p{M}.'’ \\u00A0-]*[\\p{L}\\p{M}.])?),[ \\u00A0]+` +
    `(${MONTH}[ \\u00A0]+${DAY})[ \\u00A0]+\\([ \\u00A0]*([^()]*[^()\\s])[ \\u00A0]*\\)[ \\u00A0]+(\\S.*)$`,
  'u',
);

interface Element {
  text: string;
  lineCount: number;
}

interface Block {
  headline: string;
  line: number;
  elements: Element[];
}

/**
 * Reads one listing document (see docs/document-format.md) into article drafts,
 * or into every problem found, each with its 1-based line. Pure: no I/O.
 */
export function parseListingDocument(input: Uint8Array | string): ParsedDocument {
  const text = typeof input === 'string' ? input.replace(/^\uFEFF/, '') : decodeUtf8(input);
  if (typeof text !== 'string') {
    return { ok: false, problems: [{ line: text.badLine, message: 'bytes that are not UTF-8' }] };
  }

  const lines = text.split('\n').map((raw) => raw.replace(/\r$/, '').replace(EDGE_WHITESPACE, ''));
  if (lines.every((line) => line === '')) {
    return { ok: false, problems: [{ line: 1, message: 'the file is empty' }] };
  }

  const problems: DocumentProblem[] = [];
  const articles: ArticleDraft[] = [];
  const headlineLineBySlug = new Map<string, number>();
  let block: Block | null = null;
  let element: Element | null = null;
  let lastMarkerIndex = -1;

  for (const [index, line] of lines.entries()) {
    const lineNumber = index + 1;
    const marker = MARKER.exec(line);
    if (marker) {
      lastMarkerIndex = index;
      const sectionName = (marker[1] ?? '').replace(EDGE_WHITESPACE, '');
      const sectionSlug = checkSection(sectionName, lineNumber, problems);
      if (!block) {
        problems.push({ line: lineNumber, message: 'marker has no article above it' });
      } else {
        const article = finishBlock(block, articles.length, sectionName, sectionSlug, problems);
        if (article) {
          const earlier = headlineLineBySlug.get(article.slug);
          if (earlier === undefined) {
            headlineLineBySlug.set(article.slug, article.line);
          } else {
            problems.push({
              line: article.line,
              message: `duplicate headline: same URL as the article at line ${earlier}`,
            });
          }
          articles.push(article);
        }
      }
      block = null;
      element = null;
    } else if (line === '') {
      element = null;
    } else if (!block) {
      // The grammar wants a blank line after the headline. Without one, the
      // headline is still this line alone and the lines under it start the first
      // element: a headline never spans lines.
      block = { headline: line, line: lineNumber, elements: [] };
    } else if (element) {
      element.text += ` ${line}`;
      element.lineCount += 1;
    } else {
      element = { text: line, lineCount: 1 };
      block.elements.push(element);
    }
  }

  if (lastMarkerIndex < 0) {
    return {
      ok: false,
      problems: [{ line: 1, message: 'no "Published in <Section>" line: not a listing document' }],
    };
  }
  if (problems.length > 0) {
    return { ok: false, problems: problems.sort((a, b) => a.line - b.line) };
  }
  const chromeLines = lines.slice(lastMarkerIndex + 1).filter((line) => line !== '').length;
  return { ok: true, articles, chromeLines };
}

/** The decoded text, or the 1-based line of the first byte that is not UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | { badLine: number } {
  try {
    // A fatal decoder rejects rather than turning bad bytes into U+FFFD; it drops a BOM.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // No UTF-8 sequence contains 0x0A, so each line can be checked on its own.
    let start = 0;
    for (let line = 1; ; line++) {
      const newline = bytes.indexOf(0x0a, start);
      const end = newline < 0 ? bytes.length : newline;
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, end));
      } catch {
        return { badLine: line };
      }
      if (newline < 0) return { badLine: line };
      start = newline + 1;
    }
  }
}

function checkSection(name: string, line: number, problems: DocumentProblem[]): string {
  if (name === '') {
    problems.push({ line, message: 'marker has no section name' });
    return '';
  }
  const slug = slugify(name);
  if (slug === '') {
    problems.push({
      line,
      message: `section "${name}" has no letters or digits to make a URL from`,
    });
  } else if (RESERVED_SLUGS.has(slug)) {
    problems.push({
      line,
      message: `section "${name}" would take the URL /${slug}, which the site uses`,
    });
  }
  return slug;
}

function finishBlock(
  block: Block,
  position: number,
  sectionName: string,
  sectionSlug: string,
  problems: DocumentProblem[],
): ArticleDraft | null {
  const { headline, line, elements } = block;
  if (elements.length === 0) {
    problems.push({ line, message: `article "${headline}" has a headline but no paragraph` });
    return null;
  }
  const slug = slugify(headline);
  if (slug === '') {
    problems.push({
      line,
      message: `headline "${headline}" has no letters or digits to make a URL from`,
    });
    return null;
  }
  if (RESERVED_ARTICLE_SLUGS.has(slug)) {
    problems.push({ line, message: `headline "${headline}" would take the URL …/${slug}, which the site uses` });
    return null;
  }
  const body: BodyBlock[] = elements.map((element, index) =>
    isSubheading(element, index === elements.length - 1)
      ? { type: 'subheading', text: element.text }
      : { type: 'paragraph', text: element.text },
  );
  const dateline = splitDateline(body);
  return { headline, slug, sectionName, sectionSlug, dateline, body, line, position };
}

function isSubheading(element: Element, isLast: boolean): boolean {
  return (
    !isLast &&
    element.lineCount === 1 &&
    [...element.text].length <= SUBHEADING_MAX_CHARS &&
    !SENTENCE_END.test(element.text)
  );
}

/** Removes the dateline from the first paragraph (mutating it) and returns it. */
function splitDateline(body: BodyBlock[]): Dateline | null {
  const first = body.find((block) => block.type === 'paragraph');
  const match = first && DATELINE.exec(first.text);
  if (!first || !match) return null;
  const [, place = '', dateText = '', source = '', rest = ''] = match;
  first.text = rest;
  return { place, dateText, source };
}
