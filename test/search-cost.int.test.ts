import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { MAX_ARTICLE_CHARS, MAX_PARAGRAPH_CHARS } from '@/lib/documents/limits';
import { importDocuments } from '@/lib/importer/import-documents';
import { loadSearchResults, SNIPPET_SOURCE_CHARS } from '@/lib/queries/search';
import { plainText } from '@/lib/search/highlight';
import { SEARCH_RESULT_CAP } from '@/lib/search/query';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';
import { listingDocument, uniqueWord, type DocumentArticle } from './support/listing';

// What a search costs is bounded whatever the archive holds (lib/queries/search.ts): passages
// come from the first SNIPPET_SOURCE_CHARS characters of a body, and a phrase is checked only on
// the newest SEARCH_RESULT_CAP + 1 articles holding its words. These tests show both bounds from
// what a reader sees; the bench (`npm run bench -- --parts search`) prints what they cost.
const kinds = await availableDatabaseKinds();

describe.each(kinds)('search cost on the %s database', (kind) => {
  let db: TestDatabase;
  const word = uniqueWord().toLowerCase();
  const search = (query: string, page = 1) => loadSearchResults(db.prisma, query, page);

  // Newest first: SEARCH_RESULT_CAP + 100 notes that hold "minister", "said" and "government",
  // but never "said government minister"; then, oldest, the one article with "government minister said".
  const notes: DocumentArticle[] = Array.from({ length: SEARCH_RESULT_CAP + 100 }, (_, i) => ({
    headline: `Budget note ${i} ${word}`,
    section: 'Politics',
    paragraphs: [`The minister said the government would decide on item ${i}.`],
  }));
  const OLDEST = `Archive note ${word}`;
  // Paragraphs of sentences whose words are all in every note, the last near the end of the article.
  const LONG = `Long report ${word}`;
  const filler = 'The minister said the budget would wait for the committee. ';
  const longParagraph = (n: number) => filler.repeat(Math.floor(n / filler.length)).trim();
  const longArticle: DocumentArticle = {
    headline: LONG,
    section: 'Politics',
    paragraphs: [
      'Opening lines of the long report.',
      longParagraph(MAX_PARAGRAPH_CHARS - 100),
      longParagraph(MAX_ARTICLE_CHARS - MAX_PARAGRAPH_CHARS - 2_000),
      `At the very end the tidewater ${word} motion was tabled.`,
    ],
  };

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const articles = [
      longArticle,
      ...notes,
      {
        headline: OLDEST,
        section: 'Politics',
        paragraphs: ['The government minister said nothing.'],
      },
    ];
    const report = await importDocuments(db.pool, [
      { file: 'cost.txt', bytes: new TextEncoder().encode(listingDocument(articles)) },
    ]);
    expect(report.totals.invalid).toBe(0);
  }, 120_000);
  afterAll(async () => db?.drop());

  test('an article of 200,000 characters is found by a word at its end, and its passages come from its first 10,000 characters', async () => {
    const results = await search(`tidewater ${word}`);
    expect(results.hits.map((hit) => hit.headline)).toEqual([LONG]);
    const [hit] = results.hits;
    const passages = hit!.snippet.map(plainText);
    expect(passages.length).toBeGreaterThan(0);
    // The match is 190,000 characters in: beyond the part passages are taken from, so none shows it.
    expect(passages.join(' ')).not.toContain('tidewater');
    expect(passages[0]).toContain('Opening lines of the long report.');
    for (const passage of passages) expect(passage.length).toBeLessThan(SNIPPET_SOURCE_CHARS / 10);
  });

  test('a phrase of common words that no article holds finds nothing, and says so', async () => {
    const results = await search(`"said government minister" ${word}`);
    expect(results).toMatchObject({ hits: [], total: 0, more: false, nothingToSearch: false });
  });

  test('a phrase the articles hold is still found, and counted as other queries are', async () => {
    const results = await search(`"government would decide" ${word}`);
    expect(results.hits).toHaveLength(20);
    expect(results.hits[0]!.headline).toBe(`Budget note 0 ${word}`);
    expect(results).toMatchObject({ total: SEARCH_RESULT_CAP, more: true });
    const past = await search(`"government would decide" ${word}`, 51);
    expect(past).toMatchObject({ hits: [], total: SEARCH_RESULT_CAP, more: true });
  });

  test('a phrase only an article older than the newest 1,001 holding its words has is not found (the cap on candidates)', async () => {
    // Every note holds "government", "minister" and "said": the oldest article is not among the candidates.
    expect((await search(`"government minister said" ${word}`)).hits).toEqual([]);
    // Found when its words are fewer: "nothing" is in no note.
    expect((await search(`"minister said nothing" ${word}`)).hits.map((hit) => hit.headline)).toEqual([OLDEST]);
  });
});
