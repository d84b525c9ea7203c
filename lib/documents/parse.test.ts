import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import {
  MAX_ARTICLE_CHARS,
  MAX_ARTICLES_PER_DOCUMENT,
  MAX_HEADLINE_CHARS,
  MAX_LINE_CHARS,
  MAX_LINES_PER_DOCUMENT,
  MAX_PARAGRAPH_CHARS,
  MAX_PROBLEMS_PER_DOCUMENT,
  MAX_SECTION_NAME_CHARS,
} from '@/lib/documents/limits';
import { parseListingDocument, readListingDocument, streamListingDocument } from '@/lib/documents/parse';
import type { ArticleDraft, DocumentProblem } from '@/lib/documents/types';
import { liveHeapBytes } from '@/test/support/heap';

const REFERENCE = fileURLToPath(new URL('../../prisma/seed/000_1ed80d33b717db69.txt', import.meta.url));

const doc = (...lines: string[]) => lines.join('\n');

function parsed(input: Uint8Array | string) {
  const result = parseListingDocument(input);
  if (!result.ok) throw new Error(`expected a valid document, got ${JSON.stringify(result.problems)}`);
  return result;
}

function articlesOf(input: Uint8Array | string): ArticleDraft[] {
  return parsed(input).articles;
}

function onlyArticle(input: Uint8Array | string): ArticleDraft {
  const articles = articlesOf(input);
  expect(articles).toHaveLength(1);
  return articles[0]!;
}

function problemsOf(input: Uint8Array | string): DocumentProblem[] {
  const result = parseListingDocument(input);
  if (result.ok) throw new Error('expected an invalid document');
  return result.problems;
}

const texts = (article: ArticleDraft) => article.body.map((block) => block.text);
const types = (article: ArticleDraft) => article.body.map((block) => block.type);

/** One article with the given body elements, in section World. */
const article = (...elements: string[]) =>
  doc('Headline', '', ...elements.flatMap((element) => [element, '']), '• Published in World');

describe('the reference document', () => {
  const result = parsed(readFileSync(REFERENCE));
  const [first, second, third] = result.articles;

  test('has three articles in document order', () => {
    expect(result.articles.map((a) => a.headline)).toEqual([
      'Terrorists Leave Strategically Important Syrian City as Army Regains Control',
      '‘UN’s inactivity is unacceptable’: Lavrov speaks out on Syrian opposition talks',
      'Mass Graves in Aleppo',
    ]);
    expect(result.articles.map((a) => a.position)).toEqual([0, 1, 2]);
  });

  test('has exactly one section, World', () => {
    const sections = new Set(result.articles.map((a) => `${a.sectionName}|${a.sectionSlug}`));
    expect([...sections]).toEqual(['World|world']);
  });

  test('gives each article the line of its headline', () => {
    expect(result.articles.map((a) => a.line)).toEqual([1, 45, 69]);
  });

  test('gives the second article a slug without the quotes around UN’s', () => {
    expect(second!.slug).toBe('uns-inactivity-is-unacceptable-lavrov-speaks-out-on-syrian-opposition-talks');
  });

  test('identifies the second article by its whole headline, normalised', () => {
    expect(second!.identity).toBe('uns inactivity is unacceptable lavrov speaks out on syrian opposition talks');
  });

  test('first article has 18 paragraphs', () => {
    expect(first!.body.filter((b) => b.type === 'paragraph')).toHaveLength(18);
  });

  test('first article has exactly the two subheadings, in order', () => {
    const subheadings = first!.body.filter((b) => b.type === 'subheading').map((b) => b.text);
    // The file writes them with a no-break space, which stored text keeps.
    expect(subheadings).toEqual(['Importance of\u00A0Homs', 'City of\u00A0revolution']);
  });

  test('first article has its subheadings between the right paragraphs', () => {
    const body = first!.body;
    expect(body[5]).toEqual({ type: 'subheading', text: 'Importance of\u00A0Homs' });
    expect(body[4]!.text).toMatch(/^The military experts/);
    expect(body[6]!.text).toMatch(/^Only a glance/);
    expect(body[12]).toEqual({ type: 'subheading', text: 'City of\u00A0revolution' });
    expect(body[11]!.text).toMatch(/^In addition/);
    expect(body[13]!.text).toMatch(/^Homs also has strong political significance/);
  });

  test('second article has only paragraphs and no dateline', () => {
    expect(new Set(types(second!))).toEqual(new Set(['paragraph']));
    expect(second!.dateline).toBeNull();
  });

  test('third article has the Moscow dateline split off its first paragraph', () => {
    expect(third!.dateline).toEqual({
      place: 'Moscow',
      dateText: 'Dec 27',
      source: 'Prensa Latina',
    });
    expect(third!.body[0]!.text).toMatch(/^The Russian Ministry of Defense/);
  });

  test('keeps the RSS link out of every article and counts it as one chrome line', () => {
    for (const a of result.articles) {
      expect(JSON.stringify(a)).not.toContain('Subscribe to this RSS feed');
    }
    expect(result.chromeLines).toBe(1);
  });

  test('parses the same from a string as from bytes', () => {
    expect(parseListingDocument(readFileSync(REFERENCE, 'utf8'))).toEqual(result);
  });
});

describe('blocks and elements', () => {
  test('joins the lines of an element with one space', () => {
    expect(texts(onlyArticle(article('One line\nand the next.')))).toEqual(['One line and the next.']);
  });

  test('keeps blank runs between elements from mattering', () => {
    const input = doc('Headline', '', '', 'First.', '', '', '', 'Second.', '', '• Published in World');
    expect(texts(onlyArticle(input))).toEqual(['First.', 'Second.']);
  });

  test('takes only the first line as headline when no blank line follows it', () => {
    const a = onlyArticle(doc('Headline', 'First line', 'second line.', '', '• Published in World'));
    expect(a.headline).toBe('Headline');
    expect(texts(a)).toEqual(['First line second line.']);
  });

  test('accepts a marker right under the last paragraph line', () => {
    expect(texts(onlyArticle(doc('Headline', '', 'Text.', '• Published in World')))).toEqual(['Text.']);
  });

  test('accepts a headline right under the previous marker', () => {
    const input = doc('One', '', 'A.', '• Published in World', 'Two', '', 'B.', '• Published in World');
    expect(articlesOf(input).map((a) => a.headline)).toEqual(['One', 'Two']);
  });

  test('accepts blank lines before the first headline and after a marker', () => {
    const input = doc('', '', 'One', '', 'A.', '• Published in World', '', '', 'Two', '', 'B.', '• Published in World');
    expect(articlesOf(input).map((a) => [a.headline, a.line])).toEqual([
      ['One', 3],
      ['Two', 9],
    ]);
  });

  test('numbers articles by their position in the document', () => {
    const input = doc('One', '', 'A.', '• Published in World', 'Two', '', 'B.', '• Published in World');
    expect(articlesOf(input).map((a) => a.position)).toEqual([0, 1]);
  });

  test('gives each article the section of its own marker', () => {
    const input = doc('One', '', 'A.', '• Published in Science & Tech', 'Two', '', 'B.', '• Published in Middle East');
    expect(articlesOf(input).map((a) => [a.sectionName, a.sectionSlug])).toEqual([
      ['Science & Tech', 'science-tech'],
      ['Middle East', 'middle-east'],
    ]);
  });

  test('slugs the headline', () => {
    expect(onlyArticle(doc('Déjà Vu in Zürich?', '', 'Text.', 'Published in World')).slug).toMatch(/^deja-vu-in-z/);
  });
});

describe('subheadings', () => {
  test('makes a short single line followed by more text a subheading', () => {
    expect(types(onlyArticle(article('Intro.', 'A subheading', 'More.')))).toEqual([
      'paragraph',
      'subheading',
      'paragraph',
    ]);
  });

  test('allows a subheading as the first element', () => {
    expect(types(onlyArticle(article('A subheading', 'Text.')))).toEqual(['subheading', 'paragraph']);
  });

  test.each(['.', '!', '?', ':', ';', ',', '”', '"', '’'])('makes a line ending in %s a paragraph', (ending) => {
    expect(types(onlyArticle(article(`Not a subheading${ending}`, 'More.')))).toEqual(['paragraph', 'paragraph']);
  });

  test('makes a line of 80 characters a subheading', () => {
    const line = `${'x'.repeat(79)}y`;
    expect(types(onlyArticle(article(line, 'More.')))[0]).toBe('subheading');
  });

  test('makes a line of 81 characters a paragraph', () => {
    const line = `${'x'.repeat(80)}y`;
    expect(types(onlyArticle(article(line, 'More.')))[0]).toBe('paragraph');
  });

  test('counts characters, not UTF-16 units', () => {
    const line = '𝔸'.repeat(80);
    expect(types(onlyArticle(article(line, 'More.')))[0]).toBe('subheading');
  });

  test('never makes the last element a subheading', () => {
    expect(types(onlyArticle(article('Intro.', 'Looks like a subheading')))).toEqual(['paragraph', 'paragraph']);
  });

  test('never makes an element of several lines a subheading', () => {
    const a = onlyArticle(article('Two short\nlines', 'More.'));
    expect(a.body[0]).toEqual({ type: 'paragraph', text: 'Two short lines' });
  });

  test('makes a one-element article a paragraph, whatever its shape', () => {
    expect(types(onlyArticle(article('Short')))).toEqual(['paragraph']);
  });
});

describe('markers', () => {
  test.each(['•', '·', '*', '-'])('accepts the bullet %s', (bullet) => {
    expect(onlyArticle(doc('Headline', '', 'Text.', '', `${bullet} Published in World`)).sectionName).toBe('World');
  });

  test('accepts a marker without a bullet', () => {
    expect(onlyArticle(doc('Headline', '', 'Text.', '', 'Published in World')).sectionName).toBe('World');
  });

  test('accepts a bullet with no space before "Published"', () => {
    expect(onlyArticle(doc('Headline', '', 'Text.', '', '•Published in World')).sectionName).toBe('World');
  });

  test('accepts spaces, tabs and no-break spaces around and inside a marker', () => {
    const marker = ' \t\u00A0•\t \u00A0Published in \t\u00A0World \t\u00A0';
    const a = onlyArticle(doc('Headline', '', 'Text.', '', marker));
    expect([a.sectionName, a.sectionSlug]).toEqual(['World', 'world']);
  });

  test('keeps the inner spaces of a section name', () => {
    expect(onlyArticle(doc('Headline', '', 'Text.', '', '• Published in Middle East')).sectionName).toBe('Middle East');
  });

  test('does not take "Published in" glued to the name as a marker', () => {
    expect(problemsOf(doc('Headline', '', 'Text.', '', '• Published inWorld'))).toEqual([
      { line: 1, message: 'no "Published in <Section>" line: not a listing document' },
    ]);
  });

  test('does not take a lower-case "published in" as a marker', () => {
    expect(problemsOf(doc('Headline', '', 'Text.', '', 'published in World'))[0]!.message).toMatch(
      /not a listing document/,
    );
  });

  test('does not take a marker with another bullet as a marker', () => {
    expect(problemsOf(doc('Headline', '', 'Text.', '', '+ Published in World'))[0]!.message).toMatch(
      /not a listing document/,
    );
  });
});

describe('chrome', () => {
  test('counts no chrome when the document ends with a marker', () => {
    expect(parsed(doc('Headline', '', 'Text.', '• Published in World', '')).chromeLines).toBe(0);
  });

  test('counts the non-blank lines after the last marker', () => {
    const input = doc('Headline', '', 'Text.', '• Published in World', '', 'Subscribe', '', 'Share', 'Print', '');
    expect(parsed(input).chromeLines).toBe(3);
  });

  test('keeps chrome that looks like an article out of the articles', () => {
    const input = doc('Headline', '', 'Text.', '• Published in World', 'Next headline', '', 'Its text.');
    const result = parsed(input);
    expect(result.articles).toHaveLength(1);
    expect(result.chromeLines).toBe(2);
  });
});

describe('encoding and whitespace', () => {
  const encode = (text: string) => new TextEncoder().encode(text);

  test('drops a byte-order mark from bytes', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode(article('Text.'))]);
    expect(onlyArticle(bytes).headline).toBe('Headline');
  });

  test('drops a byte-order mark from a string', () => {
    expect(onlyArticle(`\uFEFF${article('Text.')}`).headline).toBe('Headline');
  });

  test('reads CRLF line endings like LF', () => {
    const lf = article('First line\nsecond line.', 'Sub', 'Last.');
    expect(parseListingDocument(lf.replaceAll('\n', '\r\n'))).toEqual(parseListingDocument(lf));
  });

  test('leaves no carriage return in text read with CRLF', () => {
    const a = onlyArticle(article('Text.').replaceAll('\n', '\r\n'));
    expect(JSON.stringify(a)).not.toContain('\\r');
  });

  test('trims spaces, tabs and no-break spaces at both ends of a line', () => {
    const a = onlyArticle(doc('\u00A0\t Headline \t\u00A0', '', '\u00A0 Text. \u00A0', '• Published in World'));
    expect([a.headline, texts(a)]).toEqual(['Headline', ['Text.']]);
  });

  test('keeps a no-break space inside a line', () => {
    const a = onlyArticle(doc('Mass\u00A0Graves', '', 'Said\u00A0he.', '• Published in World'));
    expect([a.headline, texts(a)]).toEqual(['Mass\u00A0Graves', ['Said\u00A0he.']]);
  });

  test('treats a line of only no-break spaces as blank', () => {
    const input = doc('Headline', '\u00A0\u00A0', 'First.', '\u00A0', 'Second.', '• Published in World');
    expect(texts(onlyArticle(input))).toEqual(['First.', 'Second.']);
  });

  test('reports bytes that are not UTF-8 with their line', () => {
    const bytes = new Uint8Array([
      ...encode('Headline\n\nGood text\nBad '),
      0xff,
      ...encode(' text.\n• Published in World'),
    ]);
    expect(problemsOf(bytes)).toEqual([{ line: 4, message: 'bytes that are not UTF-8' }]);
  });

  test('reports a Latin-1 byte as not UTF-8', () => {
    const bytes = new Uint8Array([...encode('Headline\n\nCaf'), 0xe9, ...encode('.\n• Published in World')]);
    expect(problemsOf(bytes)).toEqual([{ line: 3, message: 'bytes that are not UTF-8' }]);
  });

  test('reports an overlong UTF-8 sequence as not UTF-8', () => {
    const bytes = new Uint8Array([...encode('Headline\n'), 0xc0, 0xaf]);
    expect(problemsOf(bytes)).toEqual([{ line: 2, message: 'bytes that are not UTF-8' }]);
  });

  test('reports a sequence cut off at the end of the file on the last line', () => {
    const bytes = new Uint8Array([...encode(`${article('Text.')}\nEnd `), 0xe2, 0x80]);
    expect(problemsOf(bytes)).toEqual([{ line: 6, message: 'bytes that are not UTF-8' }]);
  });
});

describe('datelines', () => {
  const firstParagraph = (text: string, ...more: string[]) => onlyArticle(article(text, ...more));

  test('splits the dateline off the first paragraph', () => {
    const a = firstParagraph('Moscow, Dec 27 (Prensa Latina) The Russian Ministry said so.');
    expect(a.dateline).toEqual({ place: 'Moscow', dateText: 'Dec 27', source: 'Prensa Latina' });
    expect(texts(a)).toEqual(['The Russian Ministry said so.']);
  });

  test.each(['Port-au-Prince', 'São Paulo', 'Rio de Janeiro', 'Zürich', 'St. Petersburg'])(
    'accepts the place %s',
    (place) => {
      expect(firstParagraph(`${place}, Jan 5 (AFP) Text.`).dateline).toEqual({
        place,
        dateText: 'Jan 5',
        source: 'AFP',
      });
    },
  );

  test.each(['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'])(
    'accepts the month %s',
    (month) => {
      expect(firstParagraph(`Paris, ${month} 1 (AFP) Text.`).dateline?.dateText).toBe(`${month} 1`);
    },
  );

  test.each([
    ['a month that is not English', 'Moscú, Dic 27 (Prensa Latina) Text.'],
    ['a month written in full', 'Moscow, December 27 (Prensa Latina) Text.'],
    ['a month in lower case', 'Moscow, dec 27 (Prensa Latina) Text.'],
    ['a day that does not exist', 'Moscow, Dec 32 (Prensa Latina) Text.'],
    ['day zero', 'Moscow, Dec 0 (Prensa Latina) Text.'],
    ['no source in brackets', 'Moscow, Dec 27 Prensa Latina Text.'],
    ['nothing after the source', 'Moscow, Dec 27 (Prensa Latina)'],
    ['a place with a comma', 'Damascus, Syria, Dec 27 (SANA) Text.'],
  ])('finds no dateline with %s', (_, text) => {
    const a = firstParagraph(text);
    expect(a.dateline).toBeNull();
    expect(texts(a)).toEqual([text]);
  });

  test('finds no dateline in the second paragraph', () => {
    const a = firstParagraph('Intro.', 'Moscow, Dec 27 (Prensa Latina) Text.');
    expect(a.dateline).toBeNull();
    expect(texts(a)[1]).toBe('Moscow, Dec 27 (Prensa Latina) Text.');
  });

  test('looks for the dateline in the first paragraph after a leading subheading', () => {
    const a = firstParagraph('Sub', 'Paris, Mar 3 (AFP) Text.');
    expect(a.dateline).toEqual({ place: 'Paris', dateText: 'Mar 3', source: 'AFP' });
    expect(texts(a)).toEqual(['Sub', 'Text.']);
  });

  test('finds a dateline in a first paragraph of several lines', () => {
    const a = firstParagraph('Paris, Mar 3 (AFP)\nText goes on.');
    expect(a.dateline?.place).toBe('Paris');
    expect(texts(a)).toEqual(['Text goes on.']);
  });
});

describe('problems', () => {
  test('reports an empty file', () => {
    expect(problemsOf('')).toEqual([{ line: 1, message: 'the file is empty' }]);
  });

  test('reports empty bytes as an empty file', () => {
    expect(problemsOf(new Uint8Array())).toEqual([{ line: 1, message: 'the file is empty' }]);
  });

  test('reports a file of only whitespace as empty', () => {
    expect(problemsOf('\uFEFF \n\t\r\n\u00A0\n\n')).toEqual([{ line: 1, message: 'the file is empty' }]);
  });

  test('reports a file without any marker', () => {
    expect(problemsOf(doc('Headline', '', 'Text.'))).toEqual([
      { line: 1, message: 'no "Published in <Section>" line: not a listing document' },
    ]);
  });

  test.each(['• Published in', 'Published in   ', '- Published in \u00A0\t'])(
    'reports the marker "%s" as having no section name',
    (marker) => {
      expect(problemsOf(doc('Headline', '', 'Text.', '', marker))).toEqual([
        { line: 5, message: 'marker has no section name' },
      ]);
    },
  );

  test('reports a headline followed by a blank line and a marker', () => {
    expect(problemsOf(doc('Headline', '', '• Published in World'))).toEqual([
      { line: 1, message: 'article "Headline" has a headline but no paragraph' },
    ]);
  });

  test('reports a headline directly followed by a marker', () => {
    const input = doc('One', '', 'A.', '• Published in World', '', 'Two', '• Published in World');
    expect(problemsOf(input)).toEqual([{ line: 6, message: 'article "Two" has a headline but no paragraph' }]);
  });

  test('reports a section that would take a URL of the site', () => {
    expect(problemsOf(doc('Headline', '', 'Text.', '• Published in Search'))).toEqual([
      { line: 4, message: 'section "Search" would take the URL /search, which the site uses' },
    ]);
  });

  test('reports a section whose slug, not its name, is a URL of the site', () => {
    expect(problemsOf(doc('Headline', '', 'Text.', '• Published in About!'))).toEqual([
      { line: 4, message: 'section "About!" would take the URL /about, which the site uses' },
    ]);
  });

  test('reports a headline whose URL the site uses under every section', () => {
    expect(problemsOf(doc('Opengraph Image', '', 'Text.', '• Published in World'))).toEqual([
      { line: 1, message: 'headline "Opengraph Image" would take the URL …/opengraph-image, which the site uses' },
    ]);
  });

  test('a section named in a script that does not transliterate gets a stable u- address from its own letters', () => {
    const [world, again] = articlesOf(
      doc(
        '阿斯塔纳谈判结束',
        '',
        '阿斯塔纳谈判结束。',
        '• Published in 国际',
        '',
        'שיחות',
        '',
        'טקסט.',
        '• Published in  国际 ',
      ),
    );
    expect(world?.sectionSlug).toMatch(/^u-[0-9a-f]{12}$/u);
    expect(again?.sectionSlug).toBe(world?.sectionSlug);
    expect(world?.sectionName).toBe('国际');
  });

  test('reports a section name with no letters or digits', () => {
    expect(problemsOf(doc('Headline', '', 'Text.', '• Published in ???'))).toEqual([
      { line: 4, message: 'section "???" has no letters or digits to make a URL from' },
    ]);
  });

  test('reports a headline with no letters or digits', () => {
    expect(problemsOf(doc('🎉 !!!', '', 'Text.', '• Published in World'))).toEqual([
      {
        line: 1,
        message:
          'headline "🎉 !!!" has no letter or digit in any script: a headline of only punctuation, symbols or emoji is not publishable',
      },
    ]);
  });

  test('publishes headlines of every script, each at a valid address', () => {
    const headlines = [
      '阿斯塔纳谈判结束',
      '東京で会議が始まる',
      'שיחות השלום חודשו',
      'สวัสดีครับ',
      'Мэры уходят',
      'صَيْفٌ حَارٌّ',
    ];
    const articles = articlesOf(
      doc(...headlines.flatMap((headline) => [headline, '', 'Text.', '• Published in World'])),
    );
    expect(articles.map((a) => a.headline)).toEqual(headlines);
    expect(articles.map((a) => a.slug)).toEqual([
      expect.stringMatching(/^u-[0-9a-f]{12}$/u),
      expect.stringMatching(/^u-[0-9a-f]{12}$/u),
      expect.stringMatching(/^u-[0-9a-f]{12}$/u),
      expect.stringMatching(/^u-[0-9a-f]{12}$/u),
      'mery-ukhodyat',
      'syf-har',
    ]);
    expect(articles.map((a) => a.identity)).toEqual([
      '阿斯塔纳谈判结束',
      '東京で会議が始まる',
      'שיחות השלום חודשו',
      'สวัสดีครับ',
      'мэры уходят',
      'صيف حار',
    ]);
  });

  test('gives a mixed-script headline the slug of what transliterates, and keeps all its letters as its identity', () => {
    const [mixed] = articlesOf(doc('🎉 Путин meets 习近平!', '', 'Text.', '• Published in World'));
    expect(mixed).toMatchObject({ slug: 'putin-meets', identity: 'путин meets习近平' });
  });

  test('keeps apart two headlines whose letters differ though their transliterations are one', () => {
    const articles = articlesOf(doc('صيف', '', 'A.', '• Published in World', 'سيف', '', 'B.', '• Published in World'));
    expect(articles.map((a) => a.slug)).toEqual(['syf', 'syf']);
    expect(articles[0]!.identity).not.toBe(articles[1]!.identity);
  });

  test.each([
    ['Arabic with and without its vowel signs', 'صَيْفٌ حَارٌّ', 'صيف حار'],
    ['Hebrew with and without niqqud', 'שָׁלוֹם עוֹלָם', 'שלום, עולם!'],
    ['NFD and NFC', 'Café in Ōsaka'.normalize('NFD'), 'café in ōsaka'],
    ['Chinese re-punctuated', '阿斯塔纳谈判结束。', '“阿斯塔纳谈判结束”'],
  ])('reads %s as one article: a duplicate in one document', (_, first, second) => {
    expect(problemsOf(doc(first, '', 'A.', '• Published in World', second, '', 'B.', '• Published in World'))).toEqual([
      { line: 5, message: 'duplicate headline: same article as the one at line 1' },
    ]);
  });

  test('reports the same article twice (headlines that differ only in case and punctuation) at the second one', () => {
    const input = doc('Same Title', '', 'A.', '• Published in World', 'Same title!', '', 'B.', '• Published in Sport');
    expect(problemsOf(input)).toEqual([{ line: 5, message: 'duplicate headline: same article as the one at line 1' }]);
  });

  test('keeps two different articles whose slugs would be the same, both asking for that slug', () => {
    const start =
      'Regional council confirms the new harbour bridge will open to traffic next spring, with tolls for lorries only,';
    const input = doc(
      `${start} after years of delays and rising costs`,
      '',
      'A.',
      '• Published in World',
      `${start} after years of delays and protests`,
      '',
      'B.',
      '• Published in World',
    );
    const articles = articlesOf(input);
    expect(articles.map((a) => a.slug)).toEqual([
      'regional-council-confirms-the-new-harbour-bridge-will-open-to-traffic-next',
      'regional-council-confirms-the-new-harbour-bridge-will-open-to-traffic-next',
    ]);
    expect(articles[0]!.identity).not.toBe(articles[1]!.identity);
  });

  test('reports a marker with no article above it', () => {
    const input = doc('One', '', 'A.', '• Published in World', '', '• Published in World');
    expect(problemsOf(input)).toEqual([{ line: 6, message: 'marker has no article above it' }]);
  });

  test('reports every problem of a document together, in line order', () => {
    const input = doc(
      'Lonely headline', // 1
      '', // 2
      '• Published in', // 3
      'Good', // 4
      '', // 5
      'Text.', // 6
      '• Published in Search', // 7
      'Good', // 8
      '', // 9
      'Text.', // 10
      '• Published in World', // 11
    );
    expect(problemsOf(input)).toEqual([
      { line: 1, message: 'article "Lonely headline" has a headline but no paragraph' },
      { line: 3, message: 'marker has no section name' },
      { line: 7, message: 'section "Search" would take the URL /search, which the site uses' },
      { line: 8, message: 'duplicate headline: same article as the one at line 4' },
    ]);
  });
});

describe('characters a document may not hold', () => {
  test('reports a NUL with its line and column', () => {
    expect(problemsOf(article('Some\u0000text.'))).toEqual([
      { line: 3, message: 'control character U+0000 (NUL) at column 5' },
    ]);
  });

  test.each([
    ['\u0001', 'U+0001 (SOH)'],
    ['\u0008', 'U+0008 (BS)'],
    ['\u000B', 'U+000B (VT)'],
    ['\u000C', 'U+000C (FF)'],
    ['\u001B', 'U+001B (ESC)'],
    ['\u001F', 'U+001F (US)'],
    ['\u007F', 'U+007F (DEL)'],
    ['\u0080', 'U+0080 (PAD)'],
    ['\u0085', 'U+0085 (NEL)'],
    ['\u009F', 'U+009F (APC)'],
  ])('reports the control character %j by its code and name', (char, named) => {
    expect(problemsOf(article(`Text${char}.`))).toEqual([
      { line: 3, message: `control character ${named} at column 5` },
    ]);
  });

  test.each(['\uFFFE', '\uFFFF'])('reports the noncharacter %j', (char) => {
    const code = char.charCodeAt(0).toString(16).toUpperCase();
    expect(problemsOf(article(`Text${char}.`))).toEqual([{ line: 3, message: `noncharacter U+${code} at column 5` }]);
  });

  test('reports a lone surrogate in a string', () => {
    expect(problemsOf(article('Text\uD800.'))).toEqual([
      { line: 3, message: 'lone surrogate U+D800 at column 5: the text is not valid Unicode' },
    ]);
  });

  test('reports a control character found in bytes', () => {
    const bytes = new TextEncoder().encode(doc('Head\u0007line', '', 'Text.', '• Published in World'));
    expect(problemsOf(bytes)).toEqual([{ line: 1, message: 'control character U+0007 (BEL) at column 5' }]);
  });

  test('counts the column in characters, spaces included', () => {
    expect(problemsOf(article('  𝔸𝔸\u0000'))).toEqual([
      { line: 3, message: 'control character U+0000 (NUL) at column 5' },
    ]);
  });

  test('reports the first bad character of each line, on every line', () => {
    expect(problemsOf(article('One\u0000\u0001', 'Two.', 'Three\u001B'))).toEqual([
      { line: 3, message: 'control character U+0000 (NUL) at column 4' },
      { line: 7, message: 'control character U+001B (ESC) at column 6' },
    ]);
  });

  test('reports control characters in the chrome after the last marker too', () => {
    expect(problemsOf(`${article('Text.')}\nSubscribe\u0000`)).toEqual([
      { line: 6, message: 'control character U+0000 (NUL) at column 10' },
    ]);
  });

  test('reports control characters together with the other problems, in line order', () => {
    expect(
      problemsOf(doc('Head\u0000', '', '• Published in World', 'Good', '', 'Te\u0000xt.', '• Published in')),
    ).toEqual([
      { line: 1, message: 'control character U+0000 (NUL) at column 5' },
      { line: 1, message: 'article "Head\\u0000" has a headline but no paragraph' },
      { line: 6, message: 'control character U+0000 (NUL) at column 3' },
      { line: 7, message: 'marker has no section name' },
    ]);
  });

  test('spells a control character in a quoted headline as an escape, so a terminal prints it harmlessly', () => {
    expect(problemsOf(doc('Red\u001B[31m', '', '• Published in World'))).toEqual([
      { line: 1, message: 'control character U+001B (ESC) at column 4' },
      { line: 1, message: 'article "Red\\u001B[31m" has a headline but no paragraph' },
    ]);
  });

  test('keeps a tab inside a line', () => {
    expect(texts(onlyArticle(article('Tab\there.')))).toEqual(['Tab\there.']);
  });
});

describe('line endings and encodings', () => {
  test('reports a carriage return inside a line and says how to fix it', () => {
    expect(problemsOf(article('Text.\rMore.'))).toEqual([
      {
        line: 3,
        message:
          'carriage return (U+000D) with no line feed after it at column 6: save the file with LF or CRLF line endings',
      },
    ]);
  });

  test('reports a file with old Mac OS line endings once, at line 1', () => {
    expect(problemsOf(article('Text.').replaceAll('\n', '\r'))).toEqual([
      {
        line: 1,
        message: 'the file has old Mac OS line endings (CR only): save the file with LF or CRLF line endings',
      },
    ]);
  });

  test('accepts a carriage return as the last character of the file', () => {
    expect(texts(onlyArticle(`${article('Text.')}\r`))).toEqual(['Text.']);
  });

  test.each([
    ['little-endian', 'FF FE', (text: string) => [0xff, 0xfe, ...Buffer.from(text, 'utf16le')]],
    ['big-endian', 'FE FF', (text: string) => [0xfe, 0xff, ...Buffer.from(text, 'utf16le').swap16()]],
  ])('reports a %s UTF-16 file once and asks for UTF-8', (endianness, mark, encode) => {
    expect(problemsOf(new Uint8Array(encode(article('Text.'))))).toEqual([
      { line: 1, message: `the file is UTF-16 (${endianness}, byte-order mark ${mark}): save it as UTF-8` },
    ]);
  });

  test('reports a UTF-32 file once and asks for UTF-8', () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x48, 0x00, 0x00, 0x00]);
    expect(problemsOf(bytes)).toEqual([
      { line: 1, message: 'the file is UTF-32 (little-endian, byte-order mark FF FE 00 00): save it as UTF-8' },
    ]);
  });

  test('finds the line of bytes that are not UTF-8 deep in a large file', () => {
    const lines = Array.from({ length: 200_000 }, (_, i) => `Line ${i} of filler text.`);
    const good = new TextEncoder().encode(`${lines.join('\n')}\nBad `);
    const bytes = new Uint8Array(good.length + 1);
    bytes.set(good);
    bytes[good.length] = 0xff;
    expect(problemsOf(bytes)).toEqual([{ line: 200_001, message: 'bytes that are not UTF-8' }]);
  });
});

describe('limits', () => {
  const chars = (n: number, char = 'x') => char.repeat(n);

  test(`accepts a headline of ${MAX_HEADLINE_CHARS} characters`, () => {
    const headline = `${chars(MAX_HEADLINE_CHARS - 1)}y`;
    expect(onlyArticle(doc(headline, '', 'Text.', '• Published in World')).headline).toBe(headline);
  });

  test('counts a headline in characters, not UTF-16 units', () => {
    const headline = chars(MAX_HEADLINE_CHARS, '𝔸');
    expect(onlyArticle(doc(headline, '', 'Text.', '• Published in World')).headline).toBe(headline);
  });

  test(`reports a headline of ${MAX_HEADLINE_CHARS + 1} characters`, () => {
    expect(problemsOf(doc(chars(MAX_HEADLINE_CHARS + 1), '', 'Text.', '• Published in World'))).toEqual([
      { line: 1, message: 'headline is 301 characters long; the limit is 300' },
    ]);
  });

  test('reports a headline of a million characters as a line over the limit, once', () => {
    expect(problemsOf(doc('', chars(1_000_000), '', 'Text.', '• Published in World'))).toEqual([
      { line: 2, message: 'line is 1,000,000 characters long; the limit is 100,000' },
    ]);
  });

  test(`accepts a section name of ${MAX_SECTION_NAME_CHARS} characters`, () => {
    const name = chars(MAX_SECTION_NAME_CHARS);
    expect(onlyArticle(doc('Headline', '', 'Text.', `• Published in ${name}`)).sectionName).toBe(name);
  });

  test(`reports a section name of ${MAX_SECTION_NAME_CHARS + 1} characters`, () => {
    expect(problemsOf(doc('Headline', '', 'Text.', `• Published in ${chars(MAX_SECTION_NAME_CHARS + 1)}`))).toEqual([
      { line: 4, message: 'section name is 61 characters long; the limit is 60' },
    ]);
  });

  test('reports a section name of a million characters, once', () => {
    expect(problemsOf(doc('Headline', '', 'Text.', `• Published in ${chars(1_000_000)}`))).toEqual([
      { line: 4, message: 'section name is 1,000,000 characters long; the limit is 60' },
    ]);
  });

  test(`accepts a line of ${MAX_LINE_CHARS} characters`, () => {
    const line = `${chars(MAX_LINE_CHARS - 1)}.`;
    expect(texts(onlyArticle(article(line)))).toEqual([line]);
  });

  test(`reports a line of ${MAX_LINE_CHARS + 1} characters`, () => {
    expect(problemsOf(article(`${chars(MAX_LINE_CHARS)}.`))).toEqual([
      { line: 3, message: 'line is 100,001 characters long; the limit is 100,000' },
    ]);
  });

  test('counts the spaces around a line towards its length', () => {
    expect(problemsOf(article(`${chars(MAX_LINE_CHARS, ' ')}Text.`))).toEqual([
      { line: 3, message: 'line is 100,005 characters long; the limit is 100,000' },
    ]);
  });

  test(`reports a paragraph of more than ${MAX_PARAGRAPH_CHARS} characters at its first line`, () => {
    const half = chars(MAX_PARAGRAPH_CHARS / 2);
    expect(problemsOf(article('Intro.', `${half}\n${half}`))).toEqual([
      { line: 5, message: 'paragraph is 100,001 characters long; the limit is 100,000' },
    ]);
  });

  test('reports a paragraph of many short lines with its whole length', () => {
    const lines = Array.from({ length: 150_000 }, () => 'ab');
    expect(problemsOf(article('Intro.', lines.join('\n')))).toEqual([
      { line: 5, message: 'paragraph is 449,999 characters long; the limit is 100,000' },
    ]);
  });

  describe(`an article of at most ${MAX_ARTICLE_CHARS.toLocaleString('en-US')} characters`, () => {
    // Headline "Headline" (8 characters), a first paragraph of 60,000 that starts with a
    // dateline, then paragraphs of 70,000 and 69,992: 200,000 in all.
    const headline = 'Headline';
    const dateline = 'Oslo, Dec 27 (Reuters) ';
    const paragraph = (n: number) => `${chars(n - 1)}.`;
    const atLimit = [`${dateline}${paragraph(60_000 - dateline.length)}`, paragraph(70_000), paragraph(69_992)];
    const overBy1 = 'article is 200,001 characters long (headline, body and dateline); the limit is 200,000';
    const block = (title: string, body: string[]) =>
      doc(title, '', ...body.flatMap((element) => [element, '']), '• Published in World');

    test('loads an article of exactly the limit, its headline, dateline and body counted together', () => {
      const loaded = onlyArticle(block(headline, atLimit));
      expect(loaded.dateline).toEqual({ place: 'Oslo', dateText: 'Dec 27', source: 'Reuters' });
      const bodyChars = loaded.body.reduce((total, part) => total + [...part.text].length, 0);
      expect(headline.length + dateline.length + bodyChars).toBe(MAX_ARTICLE_CHARS);
    });

    test("reports one character over the limit at the article's headline line", () => {
      const input = doc('First', '', 'Fine.', '• Published in World', block(headline, [...atLimit, 'y']));
      expect(problemsOf(input)).toEqual([{ line: 5, message: overBy1 }]);
    });

    test.each([
      ['headline', () => block(`${headline}!`, atLimit)],
      ['dateline', () => block(headline, [atLimit[0]!.replace('Oslo', 'Osloo'), ...atLimit.slice(1)])],
      ['body', () => block(headline, [...atLimit.slice(0, 2), `y${atLimit[2]!}`])],
    ])('counts the %s: one more character of it is over the limit', (_part, input) => {
      expect(problemsOf(input())).toEqual([{ line: 1, message: overBy1 }]);
    });

    test('counts characters, not UTF-16 units', () => {
      const wide = (n: number) => `${chars(n - 1, '𝔸')}.`;
      const loaded = onlyArticle(block(headline, [wide(60_000), wide(70_000), wide(69_992)]));
      expect(texts(loaded)).toHaveLength(3);
    });

    test('counts the lines of a paragraph joined by a space', () => {
      const half = chars(34_999);
      // 34,999 + 1 + 35,000: the second paragraph is 70,000 characters, joined.
      const joined = [atLimit[0]!, `${half}\n${half}.`, atLimit[2]!];
      expect(texts(onlyArticle(block(headline, joined)))).toHaveLength(3);
      expect(problemsOf(block(headline, [...joined.slice(0, 2), `y${atLimit[2]!}`]))).toEqual([
        { line: 1, message: overBy1 },
      ]);
    });
  });

  test(`reports a document of more than ${MAX_LINES_PER_DOCUMENT.toLocaleString('en-US')} lines at the first line too many`, () => {
    const input = `${article('Text.')}${'\n'.repeat(MAX_LINES_PER_DOCUMENT - 4)}`;
    expect(problemsOf(input)).toEqual([
      {
        line: MAX_LINES_PER_DOCUMENT + 1,
        message: 'more than 10,000,000 lines in one document: split it into smaller documents',
      },
    ]);
  });

  test(`reports a document of more than ${MAX_ARTICLES_PER_DOCUMENT.toLocaleString('en-US')} articles at the first article too many`, () => {
    const blocks = Array.from({ length: MAX_ARTICLES_PER_DOCUMENT + 1 }, (_, i) => `A${i}\n\nT.\nPublished in W`);
    expect(problemsOf(blocks.join('\n'))).toEqual([
      {
        line: 4 * MAX_ARTICLES_PER_DOCUMENT + 1,
        message: 'more than 200,000 articles in one document: split it into smaller documents',
      },
    ]);
  }, 60_000);

  test(`lists at most ${MAX_PROBLEMS_PER_DOCUMENT} problems, then says it stopped`, () => {
    const lines = Array.from({ length: MAX_PROBLEMS_PER_DOCUMENT + 500 }, () => 'Bad\u0000');
    const problems = problemsOf(article(lines.join('\n')));
    expect(problems).toHaveLength(MAX_PROBLEMS_PER_DOCUMENT + 1);
    expect(problems[0]).toEqual({ line: 3, message: 'control character U+0000 (NUL) at column 4' });
    expect(problems.at(-1)).toEqual({
      line: MAX_PROBLEMS_PER_DOCUMENT + 3,
      message: 'too many problems: stopped after 1,000',
    });
  });

  test('stops reading a document that holds nothing but problems', () => {
    const markers = Array.from({ length: 1_000_000 }, () => 'Published in');
    const problems = problemsOf(markers.join('\n'));
    expect(problems).toHaveLength(MAX_PROBLEMS_PER_DOCUMENT + 1);
    expect(problems.at(-1)?.message).toBe('too many problems: stopped after 1,000');
  });
});

// Each of these ran in seconds, or for ever, when lines were trimmed and matched by
// regular expressions that backtrack; now they take milliseconds.
describe('long lines take linear time', () => {
  test('trims a line of a, a million spaces and b, and reports its length', () => {
    expect(problemsOf(article(`a${' '.repeat(1_000_000)}b`))).toEqual([
      { line: 3, message: 'line is 1,000,002 characters long; the limit is 100,000' },
    ]);
  });

  test('reports a blank line of a million spaces', () => {
    expect(problemsOf(article('First.', `${' '.repeat(1_000_000)}\nSecond.`))).toEqual([
      { line: 5, message: 'line is 1,000,000 characters long; the limit is 100,000' },
    ]);
  });

  test('trims a line padded with spaces up to the limit', () => {
    const padding = ' \u00A0\t'.repeat((MAX_LINE_CHARS - 10) / 6);
    expect(texts(onlyArticle(article(`${padding}Text.${padding}`)))).toEqual(['Text.']);
  });

  test('finds no dateline in a long first paragraph of letters', () => {
    const a = onlyArticle(article(`${'Moscow'.repeat(16_000)} Dec 27 (Prensa Latina) Text.`));
    expect(a.dateline).toBeNull();
  });

  test('finds no dateline in a long first paragraph of spaces and brackets', () => {
    const text = `Moscow, Dec 27 (${' '.repeat(MAX_LINE_CHARS - 30)}x`;
    expect(onlyArticle(article(text)).dateline).toBeNull();
  });

  test('splits the dateline off a long first paragraph', () => {
    const rest = `${'word '.repeat(15_000)}end.`;
    const a = onlyArticle(article(`Moscow, Dec 27 (Prensa Latina) ${rest}`));
    expect(a.dateline).toEqual({ place: 'Moscow', dateText: 'Dec 27', source: 'Prensa Latina' });
    expect(texts(a)).toEqual([rest]);
  });

  test('takes a dateline only from the first 200 characters of a paragraph', () => {
    const place = `A${'a'.repeat(200)}`;
    expect(onlyArticle(article(`${place}, Dec 27 (AFP) Text.`)).dateline).toBeNull();
  });
});

describe('reading a document a few articles at a time', () => {
  const articles = (count: number, at = -1, extra = '') =>
    Array.from({ length: count }, (_, i) =>
      doc(`Harbour report ${i}${i === at ? extra : ''}`, '', `Paragraph ${i}.`, '', '  • Published in World', ''),
    ).join('\n') + 'Subscribe to this RSS feed\n';

  test('gives the articles of the whole document, in order, then none; finish gives what a whole parse gives', () => {
    const text = articles(7);
    const reader = readListingDocument(new TextEncoder().encode(text));
    const pieces = [reader.read(3), reader.read(3), reader.read(3), reader.read(3)];
    expect(pieces.map((piece) => piece.length)).toEqual([3, 3, 1, 0]);
    expect(pieces.flat()).toEqual(articlesOf(text));
    expect(reader.faulty).toBe(false);
    expect(reader.finish()).toEqual(parseListingDocument(text));
  });

  test('says it is faulty from the read that meets the first problem, and finish lists every problem', () => {
    // Article 4 repeats article 1's headline; article 6 has no paragraph.
    const text = articles(8)
      .replace('Harbour report 4\n', 'Harbour report 1\n')
      .replace('Harbour report 6\n\nParagraph 6.\n', 'Harbour report 6\n');
    const reader = readListingDocument(text);
    reader.read(3);
    expect(reader.faulty).toBe(false);
    reader.read(3);
    expect(reader.faulty).toBe(true);
    const result = reader.finish();
    expect(result).toEqual(parseListingDocument(text));
    expect(result.ok ? [] : result.problems.map((problem) => problem.message)).toEqual([
      'duplicate headline: same article as the one at line 7',
      'article "Harbour report 6" has a headline but no paragraph',
    ]);
  });

  test('streamed, it gives the same articles; finish says how the document ended, with their count', () => {
    const text = articles(7);
    const reader = streamListingDocument(text);
    const pieces = [reader.read(3), reader.read(3), reader.read(3)];
    expect(pieces.map((piece) => piece.length)).toEqual([3, 3, 1]);
    expect(pieces.flat()).toEqual(articlesOf(text));
    expect(reader.finish()).toEqual({ ok: true, articleCount: 7, chromeLines: 1 });
    // Read through by finish alone, and with problems: the same problems as a whole parse.
    expect(streamListingDocument(text).finish()).toEqual({ ok: true, articleCount: 7, chromeLines: 1 });
    const faulty = articles(8).replace('Harbour report 4\n', 'Harbour report 1\n');
    const streamed = streamListingDocument(faulty);
    streamed.read(2);
    expect(streamed.finish()).toEqual(parseListingDocument(faulty));
  });

  test('streamed, it keeps no article it has handed out; read whole, it keeps them all for finish', async () => {
    const handedOut = async (open: (text: string) => { read(count: number): ArticleDraft[]; finish(): unknown }) => {
      const reader = open(articles(50));
      const first = reader.read(10).map((article) => new WeakRef(article));
      for (let piece = reader.read(10); piece.length > 0; piece = reader.read(10));
      await liveHeapBytes();
      const alive = first.filter((ref) => ref.deref() !== undefined).length;
      reader.finish();
      return alive;
    };
    expect(await handedOut(streamListingDocument)).toBe(0);
    expect(await handedOut(readListingDocument)).toBe(10);
  });

  test('a document that cannot be decoded is faulty before any article, and finish says why', () => {
    const reader = readListingDocument(new Uint8Array([0x48, 0xff, 0x0a]));
    expect(reader.faulty).toBe(true);
    expect(reader.read(10)).toEqual([]);
    expect(reader.finish()).toEqual(parseListingDocument(new Uint8Array([0x48, 0xff, 0x0a])));
  });
});

// Newsroom lines (document-format.md): a date line above the headline, a byline as the first
// element, a tag line right after the marker, and notes anywhere in the body.
describe('newsroom lines: date lines', () => {
  /** One article under a date line, in section World. */
  const dated = (date: string, ...elements: string[]) =>
    doc(
      date,
      'Headline',
      '',
      ...(elements.length > 0 ? elements : ['Text.']).flatMap((e) => [e, '']),
      '• Published in World',
    );
  const dateOf = (input: string, timeZone?: string) => {
    const result = parseListingDocument(input, { timeZone });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.articles).toHaveLength(1);
    return result.articles[0]!.date;
  };

  test('a date line above the headline dates the article; the headline is the next line', () => {
    const only = onlyArticle(dated('Monday, 27 March 2017 10:48'));
    expect(only.headline).toBe('Headline');
    expect(only.line).toBe(2);
    expect(only.date).toEqual({ at: new Date('2017-03-27T10:48:00Z'), day: '2017-03-27', line: 1 });
    expect(texts(only)).toEqual(['Text.']);
  });

  test('blank lines may stand between the date line and the headline, and before the date line', () => {
    const only = onlyArticle(doc('', '27 March 2017', '', '', 'Headline', '', 'Text.', '• Published in World'));
    expect(only.headline).toBe('Headline');
    expect(only.date).toEqual({ at: new Date('2017-03-27T00:00:00Z'), day: '2017-03-27', line: 2 });
  });

  test.each([
    ['Monday, 27 March 2017 10:48', '2017-03-27T10:48:00Z'],
    ['Mon, 27 Mar 2017 10:48', '2017-03-27T10:48:00Z'],
    ['Tue, 7 Mar 2017', '2017-03-07T00:00:00Z'],
    ['Tuesday, 07 March 2017', '2017-03-07T00:00:00Z'],
    ['Monday 27 March 2017', '2017-03-27T00:00:00Z'],
    ['27 March 2017', '2017-03-27T00:00:00Z'],
    ['7 Mar 2017 9:05', '2017-03-07T09:05:00Z'],
    ['Wednesday, 27 September 2017 23:59', '2017-09-27T23:59:00Z'],
    ['1 May 2017', '2017-05-01T00:00:00Z'],
    ['MONDAY, 27 MARCH 2017', '2017-03-27T00:00:00Z'],
    ['Monday,\u00A027\tMarch 2017', '2017-03-27T00:00:00Z'],
    ['2017-03-27', '2017-03-27T00:00:00Z'],
    ['2017-03-27 10:48', '2017-03-27T10:48:00Z'],
    ['2017-03-27T10:48', '2017-03-27T10:48:00Z'],
    ['2017-03-27T10:48:30', '2017-03-27T10:48:30Z'],
    ['2017-03-27T10:48:00Z', '2017-03-27T10:48:00Z'],
    ['2017-03-27T10:48:00+03:00', '2017-03-27T07:48:00Z'],
    ['2017-03-27T10:48:00+0300', '2017-03-27T07:48:00Z'],
    ['2017-03-27T10:48+03', '2017-03-27T07:48:00Z'],
    ['2017-03-27 10:48:00-05:30', '2017-03-27T16:18:00Z'],
    ['2017-03-27T10:48:00.250Z', '2017-03-27T10:48:00.250Z'],
  ])('"%s" is a date line, %s in UTC', (line, instant) => {
    expect(dateOf(dated(line))?.at).toEqual(new Date(instant));
  });

  test('a date without an offset is read in the time zone given, and its day is that zone’s', () => {
    expect(dateOf(dated('Monday, 27 March 2017 10:48'), 'Europe/London')).toEqual({
      at: new Date('2017-03-27T09:48:00Z'),
      day: '2017-03-27',
      line: 1,
    });
    expect(dateOf(dated('27 March 2017'), 'Asia/Kolkata')).toEqual({
      at: new Date('2017-03-26T18:30:00Z'),
      day: '2017-03-27',
      line: 1,
    });
    expect(dateOf(dated('2017-01-09 09:00'), 'America/New_York')?.at).toEqual(new Date('2017-01-09T14:00:00Z'));
  });

  test('a date with an offset is that instant whatever the zone; its day is the zone’s', () => {
    expect(dateOf(dated('2017-03-27T23:30:00Z'), 'Europe/London')).toEqual({
      at: new Date('2017-03-27T23:30:00Z'),
      day: '2017-03-28',
      line: 1,
    });
    expect(dateOf(dated('2017-03-27T23:30:00Z'), 'America/New_York')?.day).toBe('2017-03-27');
  });

  test('is read in UTC when no time zone is given', () => {
    expect(onlyArticle(dated('2017-03-27 23:30')).date?.day).toBe('2017-03-27');
  });

  test('a local time repeated by a daylight-saving change is its earlier instant', () => {
    expect(dateOf(dated('2017-10-29 01:30'), 'Europe/London')?.at).toEqual(new Date('2017-10-29T00:30:00Z'));
    expect(dateOf(dated('Sun, 5 Nov 2017 01:30'), 'America/New_York')?.at).toEqual(new Date('2017-11-05T05:30:00Z'));
  });

  test('a document without date lines has undated articles', () => {
    expect(articlesOf(readFileSync(REFERENCE)).map((a) => a.date)).toEqual([null, null, null]);
  });

  test.each([
    ['31 February 2017', 'date "31 February 2017" does not exist'],
    ['2017-02-30', 'date "2017-02-30" does not exist'],
    ['29 Feb 2017', 'date "29 Feb 2017" does not exist'],
    ['0 March 2017', 'date "0 March 2017" does not exist'],
    ['2017-13-01', 'date "2017-13-01" does not exist'],
    ['2017-03-27 25:00', 'date "2017-03-27 25:00" does not exist'],
    ['27 March 2017 24:00', 'date "27 March 2017 24:00" does not exist'],
    ['2017-03-27T10:61Z', 'date "2017-03-27T10:61Z" does not exist'],
    ['2017-03-27T10:48:00+24:00', 'date "2017-03-27T10:48:00+24:00" has an offset that does not exist'],
    ['Tuesday, 27 March 2017', 'date "Tuesday, 27 March 2017" says Tuesday, but 27 March 2017 is a Monday'],
    ['Sun, 7 Mar 2017', 'date "Sun, 7 Mar 2017" says Sunday, but 7 March 2017 is a Tuesday'],
  ])('"%s" is a problem at its line', (line, message) => {
    expect(problemsOf(dated(line))).toEqual([{ line: 1, message }]);
  });

  test('a local time the clocks skip is a problem at its line, naming the zone', () => {
    const result = parseListingDocument(dated('2017-03-26 01:30'), { timeZone: 'Europe/London' });
    expect(result).toEqual({
      ok: false,
      problems: [
        {
          line: 1,
          message:
            'date "2017-03-26 01:30" is a local time that does not exist in Europe/London: the clocks skip it (a daylight-saving change)',
        },
      ],
    });
    expect(parseListingDocument(dated('2017-03-26 01:30'), { timeZone: 'UTC' }).ok).toBe(true);
    expect(parseListingDocument(dated('2017-03-26T01:30+00:00'), { timeZone: 'Europe/London' }).ok).toBe(true);
  });

  test('a date without a time whose midnight the clocks skip is the start of that day; with that time, a problem', () => {
    expect(dateOf(dated('15 October 2017'), 'America/Sao_Paulo')).toEqual({
      at: new Date('2017-10-15T03:00:00Z'),
      day: '2017-10-15',
      line: 1,
    });
    expect(dateOf(dated('2017-10-15'), 'America/Sao_Paulo')?.at).toEqual(new Date('2017-10-15T03:00:00Z'));
    expect(parseListingDocument(dated('2017-10-15 00:00'), { timeZone: 'America/Sao_Paulo' }).ok).toBe(false);
  });

  test('a date line with no headline after it (the marker next) is a problem at the date line', () => {
    expect(
      problemsOf(doc('One', '', 'A.', '• Published in World', '27 March 2017', '', '• Published in World')),
    ).toEqual([
      {
        line: 5,
        message:
          'date line "27 March 2017" has no headline and paragraph after it (a headline that is only a date needs a word more)',
      },
    ]);
  });

  test('a date line with a headline and no paragraph: the headline has no paragraph', () => {
    expect(problemsOf(doc('27 March 2017', 'Headline', '', '• Published in World'))).toEqual([
      { line: 2, message: 'article "Headline" has a headline but no paragraph' },
    ]);
  });

  test('an old document whose headline is only a date now reads its first paragraph as the headline', () => {
    const only = onlyArticle(doc('27 March 2017', '', 'What happened that day', '', 'Text.', '• Published in World'));
    expect(only.headline).toBe('What happened that day');
    expect(only.date?.day).toBe('2017-03-27');
  });

  test.each([
    '27 March 2017 Budget',
    'Budget 27 March 2017',
    'Monday,27 March 2017',
    '27 March',
    'March 27, 2017',
    '27/03/2017',
    '2017-03-27 at noon',
    '2017-3-27',
    '27 Marc 2017',
    'Monday, March 27',
  ])('the headline "%s" is not a date line: it stays the headline', (headline) => {
    const only = onlyArticle(doc(headline, '', 'Text.', '• Published in World'));
    expect(only.headline).toBe(headline);
    expect(only.date).toBeNull();
  });

  test('only the first line of a block is a date line: a date as the first element is a paragraph', () => {
    const only = onlyArticle(article('27 March 2017', 'Text.'));
    expect(only.date).toBeNull();
    expect(texts(only)).toEqual(['27 March 2017', 'Text.']);
  });

  test('a paragraph that begins with a weekday is text', () => {
    const only = onlyArticle(article('Monday, 27 March 2017 was the day the talks began.'));
    expect(texts(only)).toEqual(['Monday, 27 March 2017 was the day the talks began.']);
    expect(only.date).toBeNull();
  });

  test('two dated articles with one headline on two days are two articles; on one day, a duplicate', () => {
    const briefing = (date: string) => [date, 'Morning briefing', '', 'Text.', '• Published in World'];
    const two = articlesOf(doc(...briefing('2017-03-27 07:00'), ...briefing('2017-03-28 07:00')));
    expect(two.map((a) => [a.identity, a.date?.day])).toEqual([
      ['morning briefing', '2017-03-27'],
      ['morning briefing', '2017-03-28'],
    ]);
    expect(problemsOf(doc(...briefing('2017-03-27 07:00'), ...briefing('2017-03-27 19:00')))).toEqual([
      { line: 7, message: 'duplicate headline on 2017-03-27: same article as the one at line 2' },
    ]);
  });

  test('the calendar day that makes a dated article is the zone’s: 23:30Z and 00:30+01:00 are one day in London', () => {
    const input = doc(
      '2017-03-27T23:30:00Z',
      'Night desk',
      '',
      'A.',
      '• Published in World',
      '2017-03-28T06:00:00+01:00',
      'Night desk',
      '',
      'B.',
      '• Published in World',
    );
    expect(parseListingDocument(input, { timeZone: 'UTC' }).ok).toBe(true);
    expect(parseListingDocument(input, { timeZone: 'Europe/London' })).toEqual({
      ok: false,
      problems: [{ line: 7, message: 'duplicate headline on 2017-03-28: same article as the one at line 2' }],
    });
  });

  test('a date line in the chrome after the last marker is chrome', () => {
    const result = parsed(doc('Headline', '', 'Text.', '• Published in World', '', '27 March 2017', 'Subscribe'));
    expect(result.chromeLines).toBe(2);
  });

  test('a time zone that is not one is the caller’s mistake: it throws, naming the setting', () => {
    expect(() => parseListingDocument(dated('27 March 2017'), { timeZone: 'Mars/Olympus_Mons' })).toThrow(
      'SITE_TIME_ZONE "Mars/Olympus_Mons" is not an IANA time zone name',
    );
  });
});

describe('newsroom lines: bylines', () => {
  test('a first element "Written by …" is the byline: its names are the authors, out of the body', () => {
    const only = onlyArticle(article('Written by Jane Doe', 'Text.'));
    expect(only.authors).toEqual(['Jane Doe']);
    expect(texts(only)).toEqual(['Text.']);
    expect(types(only)).toEqual(['paragraph']);
  });

  test.each([
    ['Written by Jane Doe, John Roe', ['Jane Doe', 'John Roe']],
    ['Written by Jane Doe,John Roe', ['Jane Doe', 'John Roe']],
    ['Written by Jane Doe and John Roe', ['Jane Doe', 'John Roe']],
    ['Written by Jane Doe & John Roe', ['Jane Doe', 'John Roe']],
    ['Written by Jane Doe&John Roe', ['Jane Doe', 'John Roe']],
    ['Written by Jane Doe, John Roe, and Ann Poe', ['Jane Doe', 'John Roe', 'Ann Poe']],
    ['Written by Jane Doe, John Roe and Ann Poe', ['Jane Doe', 'John Roe', 'Ann Poe']],
    ['Written by Alexandra Andreyeva', ['Alexandra Andreyeva']],
    ['Written by Анна Петрова and 王小明', ['Анна Петрова', '王小明']],
    ['Written by  Jane Doe ', ['Jane Doe']],
    ['Written by Jane Doe, JANE DOE and jane doe', ['Jane Doe']],
    ['Written by Anna Petrova, Анна Петрова', ['Anna Petrova']],
    ['Written by 王小明 & 王小明', ['王小明']],
    ['Written by Ｊａｎｅ and 王小明, 李华', ['Ｊａｎｅ', '王小明', '李华']],
    ['Written by Andersen', ['Andersen']],
    ['Written by Sandra Brand', ['Sandra Brand']],
  ])('"%s" names %j', (byline, names) => {
    expect(onlyArticle(article(byline, 'Text.')).authors).toEqual(names);
  });

  test('a byline may stand right under the headline, and a subheading may follow it', () => {
    const only = onlyArticle(
      doc('Headline', 'Written by Jane Doe', '', 'A subheading', '', 'Text.', '• Published in World'),
    );
    expect(only.authors).toEqual(['Jane Doe']);
    expect(only.body).toEqual([
      { type: 'subheading', text: 'A subheading' },
      { type: 'paragraph', text: 'Text.' },
    ]);
  });

  test('the dateline is split off the first paragraph after the byline', () => {
    const only = onlyArticle(article('Written by Jane Doe', 'Moscow, Dec 27 (Prensa Latina) The talks began.'));
    expect(only.authors).toEqual(['Jane Doe']);
    expect(only.dateline).toEqual({ place: 'Moscow', dateText: 'Dec 27', source: 'Prensa Latina' });
    expect(texts(only)).toEqual(['The talks began.']);
  });

  test('a "Written by" element that is the only element is a paragraph, as before', () => {
    const only = onlyArticle(article('Written by Jane Doe'));
    expect(only.authors).toEqual([]);
    expect(only.body).toEqual([{ type: 'paragraph', text: 'Written by Jane Doe' }]);
  });

  test('a "Written by" element with only notes after it is a paragraph: notes are not paragraphs', () => {
    const only = onlyArticle(article('Written by Jane Doe', 'Correction: The name was misspelt.'));
    expect(only.authors).toEqual([]);
    expect(only.body).toEqual([{ type: 'paragraph', text: 'Written by Jane Doe' }]);
    expect(only.notes).toEqual([{ kind: 'correction', text: 'Correction: The name was misspelt.' }]);
  });

  test.each([
    'Written by hand, the letters reached Moscow.',
    'Written by Jane Doe.',
    'Written by Jane Doe!',
    'Written by whom?',
    'Written by the following:',
    'Written by Jane Doe;',
  ])('"%s" ends like a sentence: it is body text', (text) => {
    const only = onlyArticle(article(text, 'Text.'));
    expect(only.authors).toEqual([]);
    expect(texts(only)).toEqual([text, 'Text.']);
  });

  test.each([
    'By the end of the week the talks had stalled',
    'By Jane Doe',
    'written by Jane Doe',
    'Written byJane Doe',
    'Written by',
    'Rewritten by Jane Doe',
  ])('"%s" is not a byline: it stays in the body', (text) => {
    const only = onlyArticle(article(text, 'Text.'));
    expect(only.authors).toEqual([]);
    expect(texts(only)).toEqual([text, 'Text.']);
  });

  test('a "Written by" line over 200 characters is body text', () => {
    const long = `Written by ${'A'.repeat(190)}`;
    expect(long.length).toBe(201);
    const only = onlyArticle(article(long, 'Text.'));
    expect(only.authors).toEqual([]);
    expect(texts(only)).toEqual([long, 'Text.']);
  });

  test('a "Written by" element of two lines is body text', () => {
    const only = onlyArticle(
      doc('Headline', '', 'Written by Jane Doe', 'and John Roe', '', 'Text.', '• Published in World'),
    );
    expect(only.authors).toEqual([]);
    expect(texts(only)).toEqual(['Written by Jane Doe and John Roe', 'Text.']);
  });

  test('a "Written by" element that is not the first element is body text', () => {
    const only = onlyArticle(article('Text.', 'Written by Jane Doe', 'More text.'));
    expect(only.authors).toEqual([]);
    expect(texts(only)).toEqual(['Text.', 'Written by Jane Doe', 'More text.']);
  });

  test.each([
    ['Written by Jane Doe, , John Roe'],
    ['Written by Jane Doe,'],
    ['Written by Jane Doe and'],
    ['Written by & Jane Doe'],
  ])('"%s" has an empty name: a problem at its line', (byline) => {
    expect(problemsOf(article(byline, 'Text.'))).toEqual([
      { line: 3, message: `byline "${byline}" has an empty name (a separator with no name before or after it)` },
    ]);
  });

  test('a name over 80 characters is a problem at its line; 80 is allowed', () => {
    const name80 = `Jane ${'D'.repeat(75)}`;
    expect(onlyArticle(article(`Written by ${name80}`, 'Text.')).authors).toEqual([name80]);
    const name81 = `${name80}e`;
    expect(problemsOf(article(`Written by ${name81}`, 'Text.'))).toEqual([
      { line: 3, message: `author name "${name81}" is 81 characters long; the limit is 80` },
    ]);
  });

  test('a name with no letters or digits is a problem at its line', () => {
    expect(problemsOf(article('Written by *** and Jane Doe', 'Text.'))).toEqual([
      { line: 3, message: 'author name "***" has no letters or digits' },
    ]);
  });
});

describe('newsroom lines: tag lines', () => {
  const tagged = (tagLine: string) => doc('Headline', '', 'Text.', '• Published in World', tagLine);

  test('the line right after the marker, "Tagged under …", gives the article its tags', () => {
    const result = parsed(
      doc(
        'Headline',
        '',
        'Text.',
        '• Published in World',
        'Tagged under Syria, Aleppo',
        'Next',
        '',
        'B.',
        '• Published in World',
      ),
    );
    expect(result.articles.map((a) => [a.headline, a.tags])).toEqual([
      ['Headline', ['Syria', 'Aleppo']],
      ['Next', []],
    ]);
    expect(result.articles[1]!.line).toBe(6);
    expect(result.chromeLines).toBe(0);
  });

  test.each([
    ['Tagged under Syria', ['Syria']],
    ['Tagged under Syria,Aleppo ,  Homs', ['Syria', 'Aleppo', 'Homs']],
    ['Tagged under Syria, syria, SYRIA!, Aleppo', ['Syria', 'Aleppo']],
    ['Tagged under\tRussia, Россия, 中国', ['Russia', 'Россия', '中国']],
    ['Tagged under Middle East and North Africa', ['Middle East and North Africa']],
  ])('"%s" tags %j', (line, tags) => {
    expect(onlyArticle(tagged(line)).tags).toEqual(tags);
  });

  test('the tag line after the last marker is not chrome', () => {
    const result = parsed(doc('Headline', '', 'Text.', '• Published in World', 'Tagged under Syria', '', 'Subscribe'));
    expect(result.articles[0]!.tags).toEqual(['Syria']);
    expect(result.chromeLines).toBe(1);
  });

  test('"Tagged under" after a blank line is the next block’s headline', () => {
    const result = parsed(
      doc('Headline', '', 'Text.', '• Published in World', '', 'Tagged under Syria', '', 'B.', '• Published in World'),
    );
    expect(result.articles.map((a) => [a.headline, a.tags])).toEqual([
      ['Headline', []],
      ['Tagged under Syria', []],
    ]);
  });

  test('a line right after the marker that does not start with "Tagged under" is the next headline, as before', () => {
    const result = parsed(
      doc('Headline', '', 'Text.', '• Published in World', 'Tagged: Syria', '', 'B.', '• Published in World'),
    );
    expect(result.articles.map((a) => a.headline)).toEqual(['Headline', 'Tagged: Syria']);
  });

  test('"Tagged under" elsewhere in a block is text', () => {
    const only = onlyArticle(article('Tagged under Syria', 'Text.'));
    expect(only.tags).toEqual([]);
    expect(texts(only)).toEqual(['Tagged under Syria', 'Text.']);
  });

  test('20 tags are allowed; 21 are a problem at the line', () => {
    const names = (n: number) => Array.from({ length: n }, (_, i) => `Tag ${i + 1}`).join(', ');
    expect(onlyArticle(tagged(`Tagged under ${names(20)}`)).tags).toHaveLength(20);
    expect(problemsOf(tagged(`Tagged under ${names(21)}`))).toEqual([
      { line: 5, message: '"Tagged under" line has 21 tags; the limit is 20' },
    ]);
  });

  test('a tag of 60 characters is allowed; 61 is a problem at the line', () => {
    expect(onlyArticle(tagged(`Tagged under ${'t'.repeat(60)}`)).tags).toEqual(['t'.repeat(60)]);
    expect(problemsOf(tagged(`Tagged under Syria, ${'t'.repeat(61)}`))).toEqual([
      { line: 5, message: `tag "${'t'.repeat(61)}" is 61 characters long; the limit is 60` },
    ]);
  });

  test.each([
    ['Tagged under', '"Tagged under" has no tags after it'],
    ['Tagged under   ', '"Tagged under" has no tags after it'],
    ['Tagged under Syria,', '"Tagged under" line has an empty tag (a comma with no tag before or after it)'],
    ['Tagged under a,,b', '"Tagged under" line has an empty tag (a comma with no tag before or after it)'],
    ['Tagged under , Syria', '"Tagged under" line has an empty tag (a comma with no tag before or after it)'],
    ['Tagged under Syria, ???', 'tag "???" has no letters or digits'],
  ])('"%s" is a problem at its line', (line, message) => {
    expect(problemsOf(tagged(line))).toEqual([{ line: 5, message }]);
  });

  test('"Tagged underwater" right after a marker is the next headline', () => {
    const result = parsed(
      doc('Headline', '', 'Text.', '• Published in World', 'Tagged underwater', '', 'B.', '• Published in World'),
    );
    expect(result.articles.map((a) => a.headline)).toEqual(['Headline', 'Tagged underwater']);
  });

  test('a streamed article comes out with its tags: the reader waits for the line after its marker', () => {
    const text = doc(
      'One',
      '',
      'A.',
      '• Published in World',
      'Tagged under Syria',
      'Two',
      '',
      'B.',
      '• Published in World',
      'Tagged under Homs',
    );
    const reader = readListingDocument(text);
    expect(reader.read(1).map((a) => [a.headline, a.tags])).toEqual([['One', ['Syria']]]);
    expect(reader.read(1).map((a) => [a.headline, a.tags])).toEqual([['Two', ['Homs']]]);
    expect(reader.read(1)).toEqual([]);
    expect(reader.finish()).toEqual(parseListingDocument(text));
  });
});

describe('newsroom lines: notes', () => {
  test.each([
    ['Correction: An earlier version misspelt the minister’s name.', 'correction'],
    ['Clarification: The figures are for 2016.', 'correction'],
    ['CORRECTION: The vote was on Tuesday.', 'correction'],
    ['correction:the vote was on Tuesday', 'correction'],
    ["Editor's note: This article was updated.", 'editor'],
    ['Editor’s note: This article was updated.', 'editor'],
    ["EDITOR'S NOTE: names have been changed", 'editor'],
  ])('"%s" is a note (%s), taken out of the body', (text, kind) => {
    const only = onlyArticle(article('Text.', text));
    expect(only.notes).toEqual([{ kind, text }]);
    expect(texts(only)).toEqual(['Text.']);
  });

  test('notes anywhere in the body come out in document order, and the body closes up around them', () => {
    const only = onlyArticle(
      article(
        'Correction: First.',
        'Importance of Homs',
        "Editor's note: Second",
        'Text.',
        'Clarification: Third.',
        'More.',
      ),
    );
    expect(only.notes).toEqual([
      { kind: 'correction', text: 'Correction: First.' },
      { kind: 'editor', text: "Editor's note: Second" },
      { kind: 'correction', text: 'Clarification: Third.' },
    ]);
    expect(only.body).toEqual([
      { type: 'subheading', text: 'Importance of Homs' },
      { type: 'paragraph', text: 'Text.' },
      { type: 'paragraph', text: 'More.' },
    ]);
  });

  test('a short note is never a subheading, and a note of several lines is one note', () => {
    const only = onlyArticle(
      doc(
        'Headline',
        '',
        'Correction: Updated',
        '',
        'Correction: The minister',
        'resigned on Monday.',
        '',
        'Text.',
        '• Published in World',
      ),
    );
    expect(only.notes.map((note) => note.text)).toEqual([
      'Correction: Updated',
      'Correction: The minister resigned on Monday.',
    ]);
    expect(only.body).toEqual([{ type: 'paragraph', text: 'Text.' }]);
  });

  test('the element before a note that was last is the last paragraph: it is no subheading', () => {
    const only = onlyArticle(article('Text.', 'The last words', 'Correction: Fixed.'));
    expect(only.body).toEqual([
      { type: 'paragraph', text: 'Text.' },
      { type: 'paragraph', text: 'The last words' },
    ]);
  });

  test('a note first, then the dateline paragraph: the dateline is split off the first paragraph that remains', () => {
    const only = onlyArticle(article("Editor's note: Updated.", 'Moscow, Dec 27 (Prensa Latina) The talks began.'));
    expect(only.dateline).toEqual({ place: 'Moscow', dateText: 'Dec 27', source: 'Prensa Latina' });
    expect(texts(only)).toEqual(['The talks began.']);
  });

  test('a byline, then a note, then text: the byline still has a paragraph after it', () => {
    const only = onlyArticle(article('Written by Jane Doe', 'Correction: Fixed.', 'Text.'));
    expect(only.authors).toEqual(['Jane Doe']);
    expect(only.notes).toEqual([{ kind: 'correction', text: 'Correction: Fixed.' }]);
    expect(texts(only)).toEqual(['Text.']);
  });

  test('a note first: a "Written by" element after it is not the first element, so it is text', () => {
    const only = onlyArticle(article('Correction: Fixed.', 'Written by Jane Doe', 'Text.'));
    expect(only.authors).toEqual([]);
    expect(texts(only)).toEqual(['Written by Jane Doe', 'Text.']);
  });

  test.each([
    'Corrections: see below',
    'Correction of the record',
    "Editors' note: x",
    'Editor note: x',
    'The correction: x',
  ])('"%s" is text', (text) => {
    const only = onlyArticle(article(text, 'Text.'));
    expect(only.notes).toEqual([]);
    expect(texts(only)).toEqual([text, 'Text.']);
  });

  test('a block whose only elements are notes has no paragraph: a problem at its headline', () => {
    expect(problemsOf(article('Correction: Fixed.', "Editor's note: Updated."))).toEqual([
      { line: 1, message: 'article "Headline" has a headline but no paragraph (a note is not a paragraph)' },
    ]);
  });

  test('a note with nothing after its label is a problem at its line', () => {
    expect(problemsOf(article('Text.', 'Correction:'))).toEqual([
      { line: 5, message: 'note "Correction:" has no text after its label' },
    ]);
  });
});

describe('newsroom lines together', () => {
  test('a block with every newsroom line', () => {
    const result = parseListingDocument(
      doc(
        'Monday, 27 March 2017 10:48', // 1
        'Talks resume in Geneva', // 2
        '', // 3
        'Written by Anna Petrova and Li Wei', // 4
        '', // 5
        'Geneva, Mar 27 (Reuters) The talks resumed.', // 6
        '', // 7
        'Correction: An earlier version gave the wrong day.', // 8
        '• Published in World', // 9
        'Tagged under Syria, Geneva', // 10
      ),
      { timeZone: 'Europe/London' },
    );
    expect(result).toEqual({
      ok: true,
      chromeLines: 0,
      articles: [
        {
          headline: 'Talks resume in Geneva',
          identity: 'talks resume in geneva',
          slug: 'talks-resume-in-geneva',
          sectionName: 'World',
          sectionSlug: 'world',
          dateline: { place: 'Geneva', dateText: 'Mar 27', source: 'Reuters' },
          body: [{ type: 'paragraph', text: 'The talks resumed.' }],
          date: { at: new Date('2017-03-27T09:48:00Z'), day: '2017-03-27', line: 1 },
          authors: ['Anna Petrova', 'Li Wei'],
          tags: ['Syria', 'Geneva'],
          notes: [{ kind: 'correction', text: 'Correction: An earlier version gave the wrong day.' }],
          language: 'en',
          languageGiven: false,
          line: 2,
          position: 0,
        },
      ],
    });
  });

  test('every problem of the newsroom lines together, in line order', () => {
    const input = doc(
      '31 February 2017', // 1
      'One', // 2
      '', // 3
      'Written by Jane, , Joe', // 4
      '', // 5
      'Text.', // 6
      '• Published in World', // 7
      'Tagged under a,,b', // 8
      '2017-03-27', // 9
      '• Published in World', // 10
    );
    expect(problemsOf(input)).toEqual([
      { line: 1, message: 'date "31 February 2017" does not exist' },
      {
        line: 4,
        message: 'byline "Written by Jane, , Joe" has an empty name (a separator with no name before or after it)',
      },
      { line: 8, message: '"Tagged under" line has an empty tag (a comma with no tag before or after it)' },
      {
        line: 9,
        message:
          'date line "2017-03-27" has no headline and paragraph after it (a headline that is only a date needs a word more)',
      },
    ]);
  });

  test('the article’s length counts its byline and notes', () => {
    const note = `Correction: ${'x'.repeat(MAX_PARAGRAPH_CHARS - 20)}`;
    const notes = Array.from({ length: Math.ceil(MAX_ARTICLE_CHARS / note.length) }, () => note);
    const problems = problemsOf(article(...notes, 'Text.'));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toMatch(/^article is [\d,]+ characters long/);
  });

  test('the example document for others’ tests (test/fixtures/newsroom-lines.txt) reads as it says', () => {
    const example = fileURLToPath(new URL('../../test/fixtures/newsroom-lines.txt', import.meta.url));
    const result = parseListingDocument(readFileSync(example), { timeZone: 'Europe/London' });
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    expect(result.chromeLines).toBe(1);
    expect(
      result.articles.map((a) => ({
        headline: a.headline,
        section: a.sectionName,
        at: a.date?.at.toISOString() ?? null,
        day: a.date?.day ?? null,
        authors: a.authors,
        tags: a.tags,
        notes: a.notes.map((note) => note.kind),
      })),
    ).toEqual([
      {
        headline: 'Talks on Syria resume in Geneva',
        section: 'World',
        at: '2017-03-27T09:48:00.000Z',
        day: '2017-03-27',
        authors: ['Анна Петрова', 'James Whitfield'],
        tags: ['Syria', 'Geneva', 'Diplomacy'],
        notes: ['correction'],
      },
      {
        headline: 'Shanghai opens its new science museum',
        section: 'Science & Tech',
        at: '2017-03-26T10:30:00.000Z',
        day: '2017-03-26',
        authors: ['王小明'],
        tags: ['China', 'Museums', 'Astronomy'],
        notes: [],
      },
      {
        headline: 'Harbour bridge plans approved',
        section: 'World',
        at: '2017-03-25T00:00:00.000Z',
        day: '2017-03-25',
        authors: [],
        tags: ['Transport', 'syria', 'Diplomacy'],
        notes: ['editor'],
      },
      {
        headline: 'Morning briefing',
        section: 'World',
        at: '2017-03-24T09:15:00.000Z',
        day: '2017-03-24',
        authors: ['James Whitfield', "Sarah O'Connor"],
        tags: [],
        notes: ['correction'],
      },
      {
        headline: 'Notes from the archive',
        section: 'Science & Tech',
        at: null,
        day: null,
        authors: [],
        tags: [],
        notes: [],
      },
    ]);
    // The look-alikes stay text.
    expect(texts(result.articles[3]!)).toEqual([
      'Written by hand, the letters reached Moscow a week later.',
      'By the end of the week, the first replies had come back.',
    ]);
  });
});

describe('newsroom lines, streamed', () => {
  test('the example document read one article at a time gives what it gives read whole', () => {
    const example = readFileSync(fileURLToPath(new URL('../../test/fixtures/newsroom-lines.txt', import.meta.url)));
    const reader = readListingDocument(example, { timeZone: 'Europe/London' });
    const pieces: ArticleDraft[][] = [];
    for (let piece = reader.read(1); piece.length > 0; piece = reader.read(1)) pieces.push(piece);
    expect(pieces.map((piece) => piece.length)).toEqual([1, 1, 1, 1, 1]);
    const whole = parseListingDocument(example, { timeZone: 'Europe/London' });
    expect(whole.ok && whole.articles).toEqual(pieces.flat());
    expect(reader.finish()).toEqual(whole);
  });

  test('a document that ends on a tag line, with or without a line ending, gives the last article its tags', () => {
    for (const end of ['', '\n', '\r\n']) {
      const text = `One\n\nA.\n• Published in World\nTagged under Syria${end}`;
      expect(articlesOf(text).map((a) => a.tags)).toEqual([['Syria']]);
      expect(
        readListingDocument(text)
          .read(1)
          .map((a) => a.tags),
      ).toEqual([['Syria']]);
    }
  });
});

describe('moved sections', () => {
  test('a section whose slug the site uses is a problem, unless the import says where it moved', () => {
    const input = doc('Headline', '', 'Text.', '• Published in Search');
    expect(problemsOf(input)).toEqual([
      { line: 4, message: 'section "Search" would take the URL /search, which the site uses' },
    ]);
    const moved = parseListingDocument(input, { movedSections: new Map([['search', 'search-section']]) });
    expect(moved.ok && moved.articles.map((a) => [a.sectionName, a.sectionSlug])).toEqual([
      ['Search', 'search-section'],
    ]);
  });

  test('a moved section that is not reserved keeps its own slug', () => {
    const moved = parseListingDocument(doc('Headline', '', 'Text.', '• Published in World'), {
      movedSections: new Map([['world', 'elsewhere']]),
    });
    expect(moved.ok && moved.articles[0]!.sectionSlug).toBe('world');
  });
});

describe('languages', () => {
  const RUSSIAN = doc(
    'Переговоры в Астане завершились',
    '',
    'Министр иностранных дел заявил, что встреча была полезной для всех сторон.',
    '',
    '  • Published in World',
  );
  const SPANISH = doc(
    'Las conversaciones continuarán',
    '',
    'Las conversaciones en Astana continuarán la próxima semana, según el ministro.',
    '',
    '  • Published in Mundo',
  );

  test("each article's language is found from its own text, in one document mixing them", () => {
    const [russian, spanish] = articlesOf(`${RUSSIAN}\n\n${SPANISH}\n`);
    expect(russian).toMatchObject({ language: 'ru', languageGiven: false });
    expect(spanish).toMatchObject({ language: 'es', languageGiven: false });
  });

  test("a language given for the run is every article's, and marked as given", () => {
    const result = parseListingDocument(`${RUSSIAN}\n\n${SPANISH}\n`, { language: 'uk' });
    expect(result.ok && result.articles.map((article) => [article.language, article.languageGiven])).toEqual([
      ['uk', true],
      ['uk', true],
    ]);
  });

  test('an article too short to tell is undetermined (und)', () => {
    expect(onlyArticle(doc('Ok', '', 'Ok.', '', '  • Published in World'))).toMatchObject({ language: 'und' });
  });
});
