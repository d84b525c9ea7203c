import { words } from '@/lib/i18n';
import { bylinePieces, noteParts } from '@/lib/article-lines';
import { languageAttributes } from '@/lib/language-tags';
import type { BodyBlock, Dateline } from '@/lib/documents/types';
import type { Article, ArticleRevision } from '@/lib/queries/types';
import { absoluteUrl, articlePath, authorPagePath, sectionPath, tagPagePath } from '@/lib/site';
import { formatPublishedDate, isoInZone } from '@/lib/time-zone';

// Characters with a meaning anywhere in a line (CommonMark emphasis, code, links, raw
// HTML, entities; GFM strikethrough and tables). CommonMark lets any ASCII punctuation
// be backslash-escaped, so escaping them always leaves the text as it was.
const INLINE_SPECIALS = /[\\`*_[\]<>&~|]/gu;
// Only at the start of a line: headings, block quotes, list markers, thematic breaks.
const LINE_START_SPECIALS = /^(\s*)(?:([#>+=-])|(\d+)([.)]))/u;

/** Text as Markdown that renders back to exactly that text: no markup, no raw HTML. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/gu, ' ')
    .replace(INLINE_SPECIALS, (char) => `\\${char}`)
    .replace(LINE_START_SPECIALS, (_match, indent: string, marker?: string, digits?: string, delimiter?: string) =>
      marker ? `${indent}\\${marker}` : `${indent}${digits}\\${delimiter}`,
    );
}

/** A Markdown link whose text is escaped and whose target is one of the site's own absolute URLs. */
export const markdownLink = (text: string, url: string) => `[${escapeMarkdown(text)}](${url})`;

/** The language of an article's Markdown copy (its `Language:` line and Content-Language), or null when undetermined. */
export const markdownLanguage = (article: Pick<Article, 'language'>): string | null =>
  languageAttributes(article.language).lang ?? null;

/** An article's text as Markdown lines, each block after an empty line, the dateline opening the first paragraph. */
export function bodyMarkdown({ body, dateline }: { body: readonly BodyBlock[]; dateline: Dateline | null }): string[] {
  const lines: string[] = [];
  let datelinePending = dateline !== null;
  for (const block of body) {
    lines.push('');
    if (block.type === 'subheading') {
      lines.push(`## ${escapeMarkdown(block.text)}`);
      continue;
    }
    let prefix = '';
    if (datelinePending && dateline) {
      const { place, dateText, source } = dateline;
      prefix = `**${escapeMarkdown(`${place}, ${dateText} (${source})`)}** `;
      datelinePending = false;
    }
    lines.push(prefix + escapeMarkdown(block.text));
  }
  return lines;
}

/** The article as a Markdown document: what readers' tools and assistants fetch at `/<section>/<article>.md`. */
export function articleMarkdown(article: Article & { revisions?: readonly ArticleRevision[] }): string {
  const url = absoluteUrl(articlePath(article.section.slug, article.slug));
  const { authors, tags } = article;
  const byline = bylinePieces(authors.length)
    .map((piece) =>
      'text' in piece
        ? piece.text
        : markdownLink(authors[piece.name]!.name, absoluteUrl(authorPagePath(authors[piece.name]!.slug))),
    )
    .join('');
  const language = markdownLanguage(article);
  const tagLinks = tags.map((tag) => markdownLink(tag.name, absoluteUrl(tagPagePath(tag.slug)))).join(', ');
  const said = words().markdown;
  const lines = [
    `# ${escapeMarkdown(article.headline)}`,
    '',
    ...(authors.length > 0 ? [`${words().by(authors.length)} ${byline}  `] : []),
    `${said.section}: ${markdownLink(article.section.name, absoluteUrl(sectionPath(article.section.slug)))}  `,
    ...(tags.length > 0 ? [`${words().article.tags}: ${tagLinks}  `] : []),
    `${said.published}: ${isoInZone(new Date(article.publishedAt))}  `,
    `${said.updated}: ${isoInZone(new Date(article.updatedAt))}  `,
    `${said.words}: ${article.wordCount}  `,
    // Its language, as its page's `lang` says (none when undetermined): the response's Content-Language too.
    ...(language ? [`${said.language}: ${language}  `] : []),
    `${said.source}: <${url}>`,
  ];
  // The notes first, once, each a block quote: "Correction, 3 December 2026: …".
  for (const note of article.notes) {
    const { label, text } = noteParts(note);
    lines.push(
      '',
      `> **${escapeMarkdown(`${label}, ${formatPublishedDate(new Date(note.datedAt))}:`)}** ${escapeMarkdown(text)}`,
    );
  }
  lines.push(...bodyMarkdown(article));
  const revisions = article.revisions ?? [];
  if (revisions.length > 0) {
    // A thematic break, then the corrections: a document's own subheadings stay the only h2s above it.
    lines.push('', '---', '', said.revisions, '');
    for (const revision of revisions) {
      lines.push(`- ${revision.revisedAt}: ${revision.changes.map(escapeMarkdown).join('; ')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
