import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importDocuments } from '@/lib/importer/import-documents';
import { loadSearchResults } from '@/lib/queries/search';
import type { SearchResults } from '@/lib/queries/types';
import { plainText } from '@/lib/search/highlight';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';
import { listingDocument, type DocumentArticle } from './support/listing';

const kinds = await availableDatabaseKinds();

// A small newsroom written for these tests, newest first: what readers search for, and what
// they must not find. The article that only mentions Vardø is newer than the one about it.
const BARENTS = 'Fishing quotas agreed for the Barents Sea';
const VARDO = 'Ferry service to Vardø resumes after the winter storms';
const ZURICH = 'Zürich votes on a new tram line';
const HARBOUR_BRIDGE = 'Harbour bridge opens to traffic';
const OVER_THE_HARBOUR = 'Bridge over the harbour closed for repairs';
const PORT = 'Port authority names a new director';
const MARKUP = `<script>alert('headline')</script> Gala at the <b>opera</b> house`;
const WEAVERS = 'Weavers guild meets in the old mill';
const MUSEUM = 'Museum reopens its doors';
const SNOW = 'Snow\u00a0storm closes the mountain pass';
const BULLETINS = Array.from({ length: 23 }, (_, i) => `Bulletin number ${i + 1} from the observatory`);

const ARTICLES: DocumentArticle[] = [
  {
    headline: BARENTS,
    section: 'World',
    paragraphs: [
      'Boats from Vardø, Vadsø and Kirkenes will share the quota.',
      'Vardø harbour expects more trawlers this year, and the mayor of Vardø welcomed the news.',
    ],
  },
  {
    headline: VARDO,
    section: 'World',
    paragraphs: ['Vardø, Mar 3 (Arctic Wire) The ferry sailed again on Monday.', 'Fishermen welcomed it.'],
  },
  { headline: ZURICH, section: 'Europe', paragraphs: ['Voters in Zürich approved the tram line to the airport.'] },
  { headline: HARBOUR_BRIDGE, section: 'Cities', paragraphs: ['The new harbour bridge carries four lanes.'] },
  { headline: OVER_THE_HARBOUR, section: 'Cities', paragraphs: ['The old bridge over the harbour is shut.'] },
  { headline: PORT, section: 'Cities', paragraphs: ['The port authority chose a director.'] },
  {
    headline: MARKUP,
    section: 'Culture',
    paragraphs: [
      "The <img src=x onerror=alert(1)> gala <script>alert('body')</script> raised funds for the opera, \uE000its label\uE001 said.",
    ],
  },
  {
    headline: WEAVERS,
    section: 'Culture',
    paragraphs: ['The guild met on Sunday.', 'Members talked about wool.', 'One showed a tapestry.'],
  },
  {
    headline: MUSEUM,
    section: 'Culture',
    paragraphs: ['The museum reopened on Sunday.', 'Tapestry collection', 'The collection was restored.'],
  },
  { headline: SNOW, section: 'Weather', paragraphs: ['The road stays shut until Friday.'] },
  ...BULLETINS.map((headline) => ({ headline, section: 'Science', paragraphs: [`${headline}: nothing new.`] })),
];

const headlines = (results: SearchResults) => results.hits.map((hit) => hit.headline);

describe.each(kinds)('search on the %s database', (kind) => {
  let db: TestDatabase;
  const search = (query: string, page = 1) => loadSearchResults(db.prisma, query, page);

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await importDocuments(db.pool, [
      { file: 'search.txt', bytes: new TextEncoder().encode(listingDocument(ARTICLES)) },
    ]);
  });
  afterAll(async () => db?.drop());

  test('the article whose headline holds the words comes first, before a newer one that only mentions them', async () => {
    const results = await search('vardø');
    expect(headlines(results)).toEqual([VARDO, BARENTS]);
    expect(results.total).toBe(2);
  });

  test('a word in a subheading ranks above the same word in a later paragraph', async () => {
    expect(headlines(await search('tapestry'))).toEqual([MUSEUM, WEAVERS]);
  });

  test('accents do not matter: vardo finds Vardø, zurich finds Zürich, in any letter case', async () => {
    expect(headlines(await search('vardo'))[0]).toBe(VARDO);
    expect(headlines(await search('zurich'))).toEqual([ZURICH]);
    expect(headlines(await search('ZÜRICH'))).toEqual([ZURICH]);
  });

  test('the matched words are marked in the headline and the snippet, as the article spells them', async () => {
    const [hit] = (await search('vardo')).hits;
    expect(hit?.headlineHighlighted).toContainEqual({ text: 'Vardø', marked: true });
    expect(plainText(hit?.headlineHighlighted ?? [])).toBe(VARDO);
    const [barents] = (await search('vardo')).hits.slice(1);
    const marked = barents?.snippet.flat().filter((segment) => segment.marked);
    expect(marked?.map((segment) => segment.text)).toContain('Vardø');
  });

  test('the snippet marks each word of the query, even when they are paragraphs apart', async () => {
    const [hit] = (await search('kirkenes mayor')).hits;
    expect(hit?.headline).toBe(BARENTS);
    const marked = hit?.snippet.flat().filter((segment) => segment.marked);
    expect(marked?.map((segment) => segment.text)).toEqual(['Kirkenes', 'mayor']);
  });

  test('a quoted phrase finds the words side by side, in that order', async () => {
    expect(headlines(await search('"harbour bridge"'))).toEqual([HARBOUR_BRIDGE]);
  });

  test('words without quotes find every article holding all of them', async () => {
    expect(headlines(await search('harbour bridge')).sort()).toEqual([HARBOUR_BRIDGE, OVER_THE_HARBOUR].sort());
  });

  test('or finds articles holding either word', async () => {
    const found = headlines(await search('harbour or port'));
    expect(found).toEqual(expect.arrayContaining([HARBOUR_BRIDGE, OVER_THE_HARBOUR, PORT, BARENTS]));
    expect(found).toHaveLength(4);
  });

  test('-word leaves out the articles that hold it', async () => {
    expect(headlines(await search('harbour -bridge'))).toEqual([BARENTS]);
  });

  test('markup in an article is found and shown as text, and marks only the matched words', async () => {
    const [hit] = (await search('gala')).hits;
    expect(hit?.headline).toBe(MARKUP);
    expect(plainText(hit?.headlineHighlighted ?? [])).toBe(MARKUP);
    const snippet = hit?.snippet.map(plainText).join(' … ') ?? '';
    expect(snippet).toContain("The <img src=x onerror=alert(1)> gala <script>alert('body')</script> raised funds");
    const marked = [...(hit?.headlineHighlighted ?? []), ...(hit?.snippet.flat() ?? [])].filter((s) => s.marked);
    expect(marked.map((segment) => segment.text.toLowerCase())).toEqual(['gala', 'gala']);
  });

  test('the highlighter’s own markers in an article’s text mark nothing: they are taken out', async () => {
    const [hit] = (await search('opera')).hits;
    const marked = [...(hit?.headlineHighlighted ?? []), ...(hit?.snippet.flat() ?? [])].filter((s) => s.marked);
    expect(marked.map((segment) => segment.text)).toEqual(['opera', 'opera']);
    expect(hit?.snippet.map(plainText).join(' ')).toContain('its label said');
  });

  test('a no-break space between two words separates them', async () => {
    expect(headlines(await search('snow'))).toEqual([SNOW]);
  });

  test('results come 20 a page, every match on one page only, with the number of matches', async () => {
    const first = await search('observatory');
    const second = await search('observatory', 2);
    expect([first.total, first.pageCount, first.hits.length, second.hits.length]).toEqual([23, 2, 20, 3]);
    expect(new Set([...headlines(first), ...headlines(second)])).toEqual(new Set(BULLETINS));
  });

  test('a page past the last one has no results, and still says how many match', async () => {
    const past = await search('observatory', 3);
    expect([past.hits.length, past.total, past.pageCount]).toEqual([0, 23, 2]);
  });

  test('a word in no article finds nothing', async () => {
    expect(await search('qwxyzzy')).toMatchObject({ hits: [], total: 0, more: false, nothingToSearch: false });
  });

  test('only very common words, or only words to leave out, search for nothing', async () => {
    for (const query of ['the of and', '-harbour', '?!']) {
      expect(await search(query), query).toMatchObject({ hits: [], total: 0, nothingToSearch: true });
    }
  });

  test('an article imported a moment ago is found at once', async () => {
    const headline = 'Lighthouse keeper retires on Hornøya';
    await importDocuments(db.pool, [
      { file: 'new.txt', bytes: new TextEncoder().encode(listingDocument([{ headline, section: 'World' }])) },
    ]);
    expect(headlines(await search('hornoya'))).toEqual([headline]);
  });
});
