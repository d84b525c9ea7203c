import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { readDocuments } from '@/lib/documents/read';
import { formatReport } from '@/lib/importer/format-report';
import { importDocuments, type ImportOptions } from '@/lib/importer/import-documents';
import { loadArticle, loadFrontPage, loadLatestArticles, loadSectionPage, loadSections } from '@/lib/queries/loaders';
import { availableDatabaseKinds, createTestDatabase, emptyDatabase, type TestDatabase } from './support/database';
import {
  listingDocument,
  REFERENCE_DIR,
  REFERENCE_HEADLINES,
  referenceText,
  uniqueWord,
  writeDocuments,
} from './support/documents';

const kinds = await availableDatabaseKinds();

const FIRST_IMPORT = new Date('2026-11-25T08:00:00.000Z');
const LATER = new Date('2026-11-25T09:30:00.000Z');

/** Long headlines that differ only after their slug's 80 characters: two articles asking for one slug. */
const BRIDGE =
  'Regional council confirms the new harbour bridge will open to traffic next spring, with tolls for lorries only,';
const COSTS_HEADLINE = `${BRIDGE} after years of delays and rising costs`;
const PROTESTS_HEADLINE = `${BRIDGE} after years of delays and protests`;
const STRIKE_HEADLINE = `${BRIDGE} after years of delays and a dock strike`;
const BRIDGE_SLUG = 'regional-council-confirms-the-new-harbour-bridge-will-open-to-traffic-next';

/** The reference document with `edit` applied, under its own name in a fresh folder. */
function editedReference(edit: (text: string) => string): string {
  return writeDocuments({ '000_1ed80d33b717db69.txt': edit(referenceText()) });
}

function replaceLast(text: string, search: string, replacement: string): string {
  const at = text.lastIndexOf(search);
  if (at < 0) throw new Error(`"${search}" is not in the text`);
  return text.slice(0, at) + replacement + text.slice(at + search.length);
}

/** Each invalid-document case of document-format.md, with the line and message an editor must be shown. */
const INVALID_DOCUMENTS: Array<{ problem: string; content: string | Uint8Array; line: number; message: string }> = [
  { problem: 'an empty file', content: '', line: 1, message: 'the file is empty' },
  {
    problem: 'no marker at all',
    content: 'A headline\n\nA paragraph of text.\n',
    line: 1,
    message: 'no "Published in <Section>" line: not a listing document',
  },
  {
    problem: 'bytes that are not UTF-8',
    content: Buffer.concat([
      Buffer.from('A headline\n\nA paragraph that '),
      Buffer.from([0xe9, 0x74, 0xe9]),
      Buffer.from(' is Latin-1.\n\n  • Published in World\n'),
    ]),
    line: 3,
    message: 'bytes that are not UTF-8',
  },
  {
    problem: 'a marker with an empty section name',
    content: 'A headline\n\nA paragraph of text.\n\n  • Published in   \n',
    line: 5,
    message: 'marker has no section name',
  },
  {
    problem: 'a headline without a paragraph',
    content:
      'A headline\n\nA paragraph of text.\n\n  • Published in World\n\nA lonely headline\n\n  • Published in World\n',
    line: 7,
    message: 'article "A lonely headline" has a headline but no paragraph',
  },
  {
    problem: 'a section whose slug is a route of the site',
    content: 'A headline\n\nA paragraph of text.\n\n  • Published in Search\n',
    line: 5,
    message: 'section "Search" would take the URL /search, which the site uses',
  },
];

describe.each(kinds)('importing documents into the %s database', (kind) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => db?.drop());
  beforeEach(async () => emptyDatabase(db));

  async function importPaths(paths: string[], options: ImportOptions = {}) {
    return importDocuments(db.pool, await readDocuments(paths), { now: FIRST_IMPORT, ...options });
  }

  /** Every stored row, to prove that a run changed nothing. */
  async function storedRows() {
    return {
      sections: await db.prisma.$queryRawUnsafe<unknown[]>('SELECT * FROM sections ORDER BY id'),
      // The search column as text: Prisma reads no tsvector.
      articles: await db.prisma.$queryRawUnsafe<unknown[]>(
        `SELECT to_jsonb(a) - 'search' || jsonb_build_object('search', a.search::text) AS row FROM articles a ORDER BY id`,
      ),
    };
  }

  async function referenceSlugs(): Promise<string[]> {
    return (await loadLatestArticles(db.prisma, 50)).map((article) => article.slug);
  }

  describe('the reference document', () => {
    test('makes exactly one section, World', async () => {
      await importPaths([REFERENCE_DIR]);

      expect(await loadSections(db.prisma)).toEqual([{ slug: 'world', name: 'World' }]);
    });

    test('shows its three articles in the order of the document, newest first', async () => {
      await importPaths([REFERENCE_DIR]);

      const front = await loadFrontPage(db.prisma);
      expect([front.lead?.headline, ...front.latest.map((a) => a.headline)]).toEqual(REFERENCE_HEADLINES);
      expect(front.sections.map((block) => [block.section.slug, block.articles.map((a) => a.headline)])).toEqual([
        ['world', REFERENCE_HEADLINES],
      ]);
      const section = await loadSectionPage(db.prisma, 'world', 1);
      expect(section?.articles.map((a) => a.headline)).toEqual(REFERENCE_HEADLINES);
      expect(section?.total).toBe(3);
      const times = (await loadLatestArticles(db.prisma, 50)).map((a) => Date.parse(a.publishedAt));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      expect(new Set(times).size).toBe(3);
    });

    test('gives the first article 18 paragraphs around the subheadings "Importance of Homs" and "City of revolution"', async () => {
      await importPaths([REFERENCE_DIR]);
      const [first] = await referenceSlugs();

      const article = await loadArticle(db.prisma, first ?? '');
      expect(article?.headline).toBe(REFERENCE_HEADLINES[0]);
      const shape = article?.body.map((block) => (block.type === 'paragraph' ? 'p' : block.text)) ?? [];
      expect(shape).toEqual([
        ...Array<string>(5).fill('p'),
        'Importance of\u00A0Homs',
        ...Array<string>(6).fill('p'),
        'City of\u00A0revolution',
        ...Array<string>(7).fill('p'),
      ]);
    });

    test('gives the third article the dateline Moscow, Dec 27 (Prensa Latina) and the rest of its first paragraph', async () => {
      await importPaths([REFERENCE_DIR]);
      const [, , third] = await referenceSlugs();

      const article = await loadArticle(db.prisma, third ?? '');
      expect(article?.headline).toBe('Mass Graves in Aleppo');
      expect(article?.dateline).toEqual({ place: 'Moscow', dateText: 'Dec 27', source: 'Prensa Latina' });
      expect(article?.body[0]?.type).toBe('paragraph');
      expect(article?.body[0]?.text).toMatch(/^The Russian Ministry of Defense denounced/);
    });

    test('leaves the page furniture "Subscribe to this RSS feed" out of every article and counts it as skipped', async () => {
      const report = await importPaths([REFERENCE_DIR]);

      expect(report.totals.chromeLines).toBe(1);
      const articles = await loadLatestArticles(db.prisma, 50);
      expect(articles).toHaveLength(3);
      for (const article of articles) {
        expect(JSON.stringify(article)).not.toContain('Subscribe to this RSS feed');
      }
    });
  });

  test('a second import of the same document reports 3 unchanged and changes no row', async () => {
    await importPaths([REFERENCE_DIR]);
    const before = await storedRows();

    const report = await importPaths([REFERENCE_DIR], { now: LATER });

    expect(report.totals).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
    expect(report.changed).toEqual([]);
    expect(await storedRows()).toEqual(before);
  });

  test('an article whose text changed is updated in place: same URL and publication time, new change time', async () => {
    await importPaths([REFERENCE_DIR]);
    const [, , third] = await referenceSlugs();
    const before = await loadArticle(db.prisma, third ?? '');

    const edited = editedReference((text) =>
      text.replace('Mines and traps were placed', 'Mines and booby traps were placed'),
    );
    const report = await importPaths([edited], { now: LATER });

    expect(report.totals).toMatchObject({ created: 0, updated: 1, unchanged: 2 });
    const after = await loadArticle(db.prisma, third ?? '');
    expect(after?.slug).toBe(before?.slug);
    expect(after?.body.map((block) => block.text)).toContain(
      'Mines and booby traps were placed in a lot of places: floor, doors, walls, rooms and even streets, said the spokesman of the Russian Ministry of Defense.',
    );
    expect(after?.publishedAt).toBe(before?.publishedAt);
    expect(after?.firstImportedAt).toBe(FIRST_IMPORT.toISOString());
    expect(after?.updatedAt).toBe(LATER.toISOString());
    const others = (await loadLatestArticles(db.prisma, 50)).filter((a) => a.slug !== third);
    expect(others.map((a) => a.updatedAt)).toEqual([FIRST_IMPORT.toISOString(), FIRST_IMPORT.toISOString()]);
  });

  test('an article whose section changed moves to the new section and leaves the old one', async () => {
    await importPaths([REFERENCE_DIR]);
    const [, , third] = await referenceSlugs();

    const moved = editedReference((text) => replaceLast(text, 'Published in World', 'Published in Middle East'));
    const report = await importPaths([moved], { now: LATER });

    expect(report.changed).toEqual([
      { slug: third, sectionSlug: 'middle-east', created: false, previousSectionSlug: 'world' },
    ]);
    expect((await loadArticle(db.prisma, third ?? ''))?.section).toEqual({ slug: 'middle-east', name: 'Middle East' });
    const world = await loadSectionPage(db.prisma, 'world', 1);
    expect(world?.articles.map((a) => a.headline)).toEqual(REFERENCE_HEADLINES.slice(0, 2));
    const middleEast = await loadSectionPage(db.prisma, 'middle-east', 1);
    expect(middleEast?.articles.map((a) => a.headline)).toEqual([REFERENCE_HEADLINES[2]]);
  });

  describe.each(INVALID_DOCUMENTS)('a run with an invalid document: $problem', ({ content, line, message }) => {
    /** Stored data from an earlier run, then a run of one valid and one invalid document. */
    async function setUp() {
      const word = uniqueWord();
      const earlier = writeDocuments({
        'earlier.txt': listingDocument([{ headline: `Earlier news ${word}`, section: `Earlier ${word}` }]),
      });
      await importPaths([earlier]);
      const run = writeDocuments({
        '1-valid.txt': listingDocument([
          { headline: `Fresh news ${word}`, section: `Fresh ${word}` },
          { headline: `Earlier news ${word}`, section: `Earlier ${word}`, paragraphs: ['Rewritten.'] },
        ]),
        '2-invalid.txt': content,
      });
      return { run, invalidFile: path.join(run, '2-invalid.txt'), freshSection: `fresh-${word.toLowerCase()}` };
    }

    test('writes nothing from any document and names the file and line of the problem', async () => {
      const { run, invalidFile, freshSection } = await setUp();
      const before = await storedRows();

      const report = await importPaths([run], { now: LATER });

      expect(formatReport(report).split('\n')).toContain(`${invalidFile}:${line}: ${message}`);
      expect(report.documents.map((doc) => doc.status)).toEqual(['not loaded', 'invalid']);
      expect(await storedRows()).toEqual(before);
      expect(await loadSectionPage(db.prisma, freshSection, 1)).toBeNull();
    });

    test('with skipInvalid loads the valid document and still reports the invalid one', async () => {
      const { run, invalidFile, freshSection } = await setUp();

      const report = await importPaths([run], { now: LATER, skipInvalid: true });

      expect(formatReport(report).split('\n')).toContain(`${invalidFile}:${line}: ${message}`);
      expect(report.totals).toMatchObject({ created: 1, updated: 1, invalid: 1 });
      const fresh = await loadSectionPage(db.prisma, freshSection, 1);
      expect(fresh?.articles.map((a) => a.headline)).toEqual([expect.stringMatching(/^Fresh news /)]);
    });
  });

  test('an invalid document leaves earlier stored data untouched even with skipInvalid', async () => {
    await importPaths([REFERENCE_DIR]);
    const before = await storedRows();
    const run = writeDocuments({ 'broken.txt': 'A headline\n\nA paragraph.\n\n  • Published in\n' });

    const report = await importPaths([run, REFERENCE_DIR], { now: LATER, skipInvalid: true });

    expect(report.totals).toMatchObject({ created: 0, updated: 0, unchanged: 3, invalid: 1 });
    expect(await storedRows()).toEqual(before);
  });

  describe('articles told apart by their whole headline', () => {
    const bridgeDocument = (headline: string, paragraph: string) =>
      listingDocument([{ headline, section: 'Local', paragraphs: [paragraph] }]);
    const costs = () =>
      writeDocuments({ 'costs.txt': bridgeDocument(COSTS_HEADLINE, 'The bridge cost twice its budget.') });
    const protests = () =>
      writeDocuments({ 'protests.txt': bridgeDocument(PROTESTS_HEADLINE, 'Residents marched against the tolls.') });
    const strike = () =>
      writeDocuments({ 'strike.txt': bridgeDocument(STRIKE_HEADLINE, 'Dock workers stopped the cranes for a week.') });

    /** What a reader finds at an article's URL: its headline and its text. */
    async function atUrl(slug: string) {
      const article = await loadArticle(db.prisma, slug);
      return article && { headline: article.headline, text: article.body.map((block) => block.text) };
    }

    test('two long headlines whose slugs would be the same keep two articles; the second import says so', async () => {
      const first = await importPaths([costs()]);
      const protestsDir = protests();
      const second = await importPaths([protestsDir], { now: LATER });

      expect(formatReport(first)).toContain(': 1 created, 0 updated, 0 unchanged, 1 chrome line skipped');
      expect(second.totals).toMatchObject({ created: 1, updated: 0, unchanged: 0, keptApart: 1 });
      expect(formatReport(second).split('\n')).toEqual([
        `${path.join(protestsDir, 'protests.txt')}: 1 created (slug taken: saved as ${BRIDGE_SLUG}-2), 0 updated, 0 unchanged, 1 chrome line skipped`,
        `Total: 1 created (slug taken: saved as ${BRIDGE_SLUG}-2), 0 updated, 0 unchanged, 1 chrome line skipped, 0 problems in 1 document`,
      ]);
      expect(second.changed).toEqual([{ slug: `${BRIDGE_SLUG}-2`, sectionSlug: 'local', created: true }]);
      expect(await atUrl(BRIDGE_SLUG)).toEqual({
        headline: COSTS_HEADLINE,
        text: ['The bridge cost twice its budget.'],
      });
      expect(await atUrl(`${BRIDGE_SLUG}-2`)).toEqual({
        headline: PROTESTS_HEADLINE,
        text: ['Residents marched against the tolls.'],
      });
      const local = await loadSectionPage(db.prisma, 'local', 1);
      expect(local?.articles.map((a) => [a.slug, a.headline])).toEqual([
        [`${BRIDGE_SLUG}-2`, PROTESTS_HEADLINE],
        [BRIDGE_SLUG, COSTS_HEADLINE],
      ]);
    });

    test('re-importing either document changes nothing', async () => {
      const [costsDir, protestsDir] = [costs(), protests()];
      await importPaths([costsDir]);
      await importPaths([protestsDir]);
      const before = await storedRows();

      const again = [await importPaths([protestsDir], { now: LATER }), await importPaths([costsDir], { now: LATER })];

      expect(again.map((report) => report.totals)).toEqual([
        expect.objectContaining({ created: 0, updated: 0, unchanged: 1, keptApart: 0 }),
        expect.objectContaining({ created: 0, updated: 0, unchanged: 1, keptApart: 0 }),
      ]);
      expect(again.flatMap((report) => report.changed)).toEqual([]);
      expect(await storedRows()).toEqual(before);
    });

    test('a third headline asking for the same slug gets -3', async () => {
      await importPaths([costs()]);
      await importPaths([protests()]);

      const third = await importPaths([strike()], { now: LATER });

      expect(formatReport(third)).toContain(`Total: 1 created (slug taken: saved as ${BRIDGE_SLUG}-3), 0 updated`);
      expect(await atUrl(`${BRIDGE_SLUG}-3`)).toEqual({
        headline: STRIKE_HEADLINE,
        text: ['Dock workers stopped the cranes for a week.'],
      });
      expect((await atUrl(BRIDGE_SLUG))?.headline).toBe(COSTS_HEADLINE);
      expect((await atUrl(`${BRIDGE_SLUG}-2`))?.headline).toBe(PROTESTS_HEADLINE);
    });

    test('the same slug asked for twice in one document or one run: each later article gets the next suffix', async () => {
      const run = writeDocuments({
        '1-both.txt': listingDocument([
          { headline: COSTS_HEADLINE, section: 'Local' },
          { headline: PROTESTS_HEADLINE, section: 'Local' },
        ]),
        '2-strike.txt': listingDocument([{ headline: STRIKE_HEADLINE, section: 'Local' }]),
      });

      const report = await importPaths([run]);

      expect(formatReport(report).split('\n')).toEqual([
        `${path.join(run, '1-both.txt')}: 2 created (slug taken: saved as ${BRIDGE_SLUG}-2), 0 updated, 0 unchanged, 1 chrome line skipped`,
        `${path.join(run, '2-strike.txt')}: 1 created (slug taken: saved as ${BRIDGE_SLUG}-3), 0 updated, 0 unchanged, 1 chrome line skipped`,
        `Total: 3 created (2 slugs taken: saved as ${BRIDGE_SLUG}-2, ${BRIDGE_SLUG}-3), 0 updated, 0 unchanged, 2 chrome lines skipped, 0 problems in 2 documents`,
      ]);
      expect(
        [BRIDGE_SLUG, `${BRIDGE_SLUG}-2`, `${BRIDGE_SLUG}-3`].map(
          (slug) => report.changed.find((a) => a.slug === slug)?.created,
        ),
      ).toEqual([true, true, true]);
      expect((await atUrl(BRIDGE_SLUG))?.headline).toBe(COSTS_HEADLINE);
      expect((await atUrl(`${BRIDGE_SLUG}-2`))?.headline).toBe(PROTESTS_HEADLINE);
      expect((await atUrl(`${BRIDGE_SLUG}-3`))?.headline).toBe(STRIKE_HEADLINE);
    });

    test('a re-punctuated, re-cased headline is the same article: updated in place, at the same URL', async () => {
      await importPaths([
        writeDocuments({
          'plan.txt': listingDocument([
            { headline: 'Trump’s Plan!', section: 'World', paragraphs: ['The plan has three parts.'] },
          ]),
        }),
      ]);
      const before = await loadArticle(db.prisma, 'trumps-plan');

      const report = await importPaths(
        [
          writeDocuments({
            'plan.txt': listingDocument([
              { headline: 'trumps plan', section: 'World', paragraphs: ['The plan has four parts now.'] },
            ]),
          }),
        ],
        { now: LATER },
      );

      expect(report.totals).toMatchObject({ created: 0, updated: 1, unchanged: 0, keptApart: 0 });
      expect(report.changed).toEqual([{ slug: 'trumps-plan', sectionSlug: 'world', created: false }]);
      expect(await atUrl('trumps-plan')).toEqual({ headline: 'trumps plan', text: ['The plan has four parts now.'] });
      const after = await loadArticle(db.prisma, 'trumps-plan');
      expect(after?.publishedAt).toBe(before?.publishedAt);
      expect(after?.updatedAt).toBe(LATER.toISOString());
      expect(await loadLatestArticles(db.prisma, 50)).toHaveLength(1);
    });

    test('a kept-apart article whose text changed is updated in place at its suffixed URL', async () => {
      await importPaths([costs()]);
      await importPaths([protests()]);

      const report = await importPaths(
        [writeDocuments({ 'protests.txt': bridgeDocument(PROTESTS_HEADLINE, 'Residents marched twice.') })],
        { now: LATER },
      );

      expect(report.totals).toMatchObject({ created: 0, updated: 1, unchanged: 0, keptApart: 0 });
      expect(report.changed).toEqual([{ slug: `${BRIDGE_SLUG}-2`, sectionSlug: 'local', created: false }]);
      expect(await atUrl(`${BRIDGE_SLUG}-2`)).toEqual({
        headline: PROTESTS_HEADLINE,
        text: ['Residents marched twice.'],
      });
      expect((await atUrl(BRIDGE_SLUG))?.text).toEqual(['The bridge cost twice its budget.']);
    });

    test('a dry run reports the slugs a real run then gives, and writes nothing', async () => {
      await importPaths([costs()]);
      const run = writeDocuments({
        '1-protests.txt': bridgeDocument(PROTESTS_HEADLINE, 'Residents marched against the tolls.'),
        '2-strike-and-costs.txt': listingDocument([
          { headline: STRIKE_HEADLINE, section: 'Local' },
          { headline: COSTS_HEADLINE.toUpperCase(), section: 'Local' },
        ]),
      });
      const before = await storedRows();

      const dry = await importPaths([run], { now: LATER, dryRun: true });
      expect(await storedRows()).toEqual(before);
      const real = await importPaths([run], { now: LATER });

      expect(dry.totals).toEqual(real.totals);
      expect(dry.changed).toEqual(real.changed);
      expect(real.totals).toMatchObject({ created: 2, updated: 1, unchanged: 0, keptApart: 2 });
      expect(formatReport(dry)).toBe(`Dry run: nothing is written.\n${formatReport(real)}`);
      expect(formatReport(real)).toContain(
        `Total: 2 created (2 slugs taken: saved as ${BRIDGE_SLUG}-2, ${BRIDGE_SLUG}-3), 1 updated`,
      );
    });
  });

  test('a dry run reports the counts that the real run then reports, and writes nothing', async () => {
    await importPaths([REFERENCE_DIR]);
    const word = uniqueWord();
    const edited = editedReference((text) => text.replace('Mines and traps', 'Mines and booby traps'));
    const more = writeDocuments({
      '1-new.txt': listingDocument([
        { headline: `Brand new ${word}`, section: `New ${word}` },
        { headline: `Told twice ${word}`, section: `New ${word}` },
      ]),
      '2-again.txt': listingDocument([
        { headline: `Told twice ${word}`, section: `New ${word}`, paragraphs: ['The second telling.'] },
      ]),
    });
    const before = await storedRows();

    const dry = await importPaths([edited, more], { now: LATER, dryRun: true });
    expect(await storedRows()).toEqual(before);
    const real = await importPaths([edited, more], { now: LATER });

    const counts = (report: typeof dry) =>
      report.documents.map(({ file, created, updated, unchanged, chromeLines }) => ({
        file,
        created,
        updated,
        unchanged,
        chromeLines,
      }));
    expect(counts(dry)).toEqual(counts(real));
    expect(dry.totals).toEqual(real.totals);
    expect(real.totals).toMatchObject({ created: 2, updated: 2, unchanged: 2 });
    expect(formatReport(dry)).toBe(`Dry run: nothing is written.\n${formatReport(real)}`);
  });
});
