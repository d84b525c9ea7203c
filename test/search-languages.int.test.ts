import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importDocuments } from '@/lib/importer/import-documents';
import { loadRelatedArticles } from '@/lib/queries/loaders';
import { loadSearchResults } from '@/lib/queries/search';
import type { SearchResults } from '@/lib/queries/types';
import { plainText } from '@/lib/search/highlight';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';
import { listingDocument, type DocumentArticle } from './support/listing';

const kinds = await availableDatabaseKinds();

// Articles in the languages the site's agencies publish in, each with its language found from its
// text, as an import finds it. (Headlines in Chinese, Japanese and Hebrew hold a Latin word until
// the identity rules read every script.)
const RU_MINISTER = 'Министр обороны завершил визит в Астану';
const RU_TRADE = 'Переговоры о торговле завершились в Москве';
const ES_CLIMATE = 'Las negociaciones sobre el clima en Madrid';
const EL_MINISTERS = 'Οι υπουργοί οικονομικών συναντήθηκαν στην Αθήνα';
const AR_TALKS = 'انتهت المفاوضات في أستانا';
const HE_TALKS = 'Jerusalem: השיחות בירושלים הסתיימו';
const ZH_TALKS = 'Astana 阿斯塔纳谈判结束';
const JA_SUMMIT = 'Tokyo 東京で首脳会議が開かれた';
const ZH_BEIJING = 'Beijing 谈判代表抵达北京';
const MIXED = 'Astana summit: 阿斯塔纳峰会, Министры и делегаты';
const EN_BRIDGE = 'Harbour bridge opens to traffic';
const EN_MASTER = 'Harbour master retires after forty years';
const ES_BRIDGES = 'El puerto de Valencia amplía sus muelles';

const ARTICLES: DocumentArticle[] = [
  {
    headline: RU_MINISTER,
    section: 'World',
    paragraphs: [
      'Переговоры министров завершились в пятницу. Делегации обсудили вопросы безопасности и торговли.',
      'Министр сказал журналистам, что визит был полезным для обеих стран.',
    ],
  },
  {
    headline: RU_TRADE,
    section: 'World',
    paragraphs: ['Делегации двух стран обсудили пошлины на зерно и металлы, сообщили в министерстве экономики.'],
  },
  {
    headline: ES_CLIMATE,
    section: 'World',
    paragraphs: ['Los delegados continuarán las conversaciones el lunes, según la presidencia de la cumbre.'],
  },
  {
    headline: EL_MINISTERS,
    section: 'World',
    paragraphs: ['Οι υπουργοί οικονομικών της Ευρώπης συζήτησαν τον προϋπολογισμό της επόμενης χρονιάς.'],
  },
  {
    headline: AR_TALKS,
    section: 'World',
    paragraphs: ['قال الوزراء إن المفاوضات انتهت إلى اتفاق على وقف إطلاق النار في المنطقة.'],
  },
  {
    headline: HE_TALKS,
    section: 'World',
    paragraphs: ['השיחות בין המשלחות הסתיימו הערב בירושלים, כך נמסר מלשכת ראש הממשלה.'],
  },
  {
    headline: ZH_TALKS,
    section: 'Asia',
    paragraphs: ['各方代表在阿斯塔纳举行了新一轮谈判，会谈于周五结束。双方同意继续对话。'],
  },
  {
    headline: JA_SUMMIT,
    section: 'Asia',
    paragraphs: ['首脳会議は東京で三日間にわたって開かれ、気候変動について話し合った。'],
  },
  { headline: ZH_BEIJING, section: 'Asia', paragraphs: ['代表团在北京继续谈判，讨论贸易问题。'] },
  {
    headline: MIXED,
    section: 'World',
    paragraphs: [
      'Delegates from many countries met in Astana this week for the regional summit on trade and security.',
      'Chinese media called it 阿斯塔纳峰会; Russian agencies wrote that Министры и делегаты agreed on a statement.',
    ],
  },
  { headline: EN_BRIDGE, section: 'Cities', paragraphs: ['The new harbour bridge carries four lanes of traffic.'] },
  { headline: EN_MASTER, section: 'Cities', paragraphs: ['The harbour master saw the port grow for four decades.'] },
  {
    headline: ES_BRIDGES,
    section: 'Cities',
    paragraphs: [
      'La autoridad del harbour de Valencia construirá dos bridges nuevos, según el consejo del puerto de la ciudad.',
    ],
  },
];

const headlines = (results: SearchResults) => results.hits.map((hit) => hit.headline);
const marked = (results: SearchResults, headline: string) => {
  const hit = results.hits.find((candidate) => candidate.headline === headline);
  return [...(hit?.headlineHighlighted ?? []), ...(hit?.snippet.flat() ?? [])]
    .filter((segment) => segment.marked)
    .map((segment) => segment.text);
};

describe.each(kinds)('search in every language on the %s database', (kind) => {
  let db: TestDatabase;
  const search = (query: string) => loadSearchResults(db.prisma, query, 1);

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await importDocuments(db.pool, [
      { file: 'languages.txt', bytes: new TextEncoder().encode(listingDocument(ARTICLES)) },
    ]);
  });
  afterAll(async () => db?.drop());

  test('each article has the language found from its text', async () => {
    const { rows } = await db.pool.query<{ headline: string; language: string }>(
      'SELECT headline, language FROM articles',
    );
    const language = new Map(rows.map((row) => [row.headline, row.language]));
    expect(
      [RU_MINISTER, ES_CLIMATE, EL_MINISTERS, AR_TALKS, HE_TALKS, ZH_TALKS, JA_SUMMIT].map((h) => language.get(h)),
    ).toEqual(['ru', 'es', 'el', 'ar', 'he', 'zh', 'ja']);
  });

  test('Russian: министра finds Министр, завершилась finds завершились', async () => {
    expect(headlines(await search('министра'))).toEqual([RU_MINISTER]);
    expect(headlines(await search('завершилась'))).toEqual([RU_MINISTER, RU_TRADE]);
  });

  test('Spanish: continuará finds continuarán, accents or none', async () => {
    expect(headlines(await search('continuará'))).toEqual([ES_CLIMATE]);
    expect(headlines(await search('continuaran'))).toEqual([ES_CLIMATE]);
  });

  test('Greek: υπουργός finds υπουργοί, Αθηνών finds Αθήνα', async () => {
    expect(headlines(await search('υπουργός'))).toEqual([EL_MINISTERS]);
    expect(headlines(await search('Αθηνών'))).toEqual([EL_MINISTERS]);
  });

  test('Arabic: وزراء finds الوزراء, الاتفاق finds اتفاق', async () => {
    expect(headlines(await search('وزراء'))).toEqual([AR_TALKS]);
    expect(headlines(await search('الاتفاق'))).toEqual([AR_TALKS]);
  });

  test('Hebrew (no stemmer in PostgreSQL: its words as written) finds its words', async () => {
    expect(headlines(await search('השיחות'))).toEqual([HE_TALKS]);
    expect(headlines(await search('בירושלים'))).toEqual([HE_TALKS]);
  });

  test('Chinese: a word inside a sentence finds it, in the headline or the text', async () => {
    expect(headlines(await search('阿斯塔纳'))).toEqual([ZH_TALKS, MIXED]);
    expect(headlines(await search('谈判'))).toEqual([ZH_TALKS, ZH_BEIJING]);
    expect(headlines(await search('周五'))).toEqual([ZH_TALKS]);
  });

  test('Japanese: a word inside a sentence finds it', async () => {
    expect(headlines(await search('会議'))).toEqual([JA_SUMMIT]);
    expect(headlines(await search('気候'))).toEqual([JA_SUMMIT]);
  });

  test('a run typed without spaces is its words side by side, in that order', async () => {
    expect(headlines(await search('谈判结束'))).toEqual([ZH_TALKS]);
    expect(headlines(await search('结束谈判'))).toEqual([]);
    expect(headlines(await search('气候变动'))).toEqual([]);
    expect(headlines(await search('気候変動'))).toEqual([JA_SUMMIT]);
  });

  test('an article mixing scripts is found by the words of each', async () => {
    expect(headlines(await search('Министры'))).toContain(MIXED);
    expect(headlines(await search('峰会'))).toEqual([MIXED]);
    expect(headlines(await search('delegates summit'))).toEqual([MIXED]);
  });

  test('a negated word leaves out every article holding it in any form, in any language', async () => {
    // The Spanish article holds `bridges`: the English reading of `bridge` leaves it out too.
    expect(headlines(await search('harbour -bridge'))).toEqual([EN_MASTER]);
    expect(headlines(await search('harbour'))).toEqual(expect.arrayContaining([EN_BRIDGE, EN_MASTER, ES_BRIDGES]));
    // `министрами` is not a word of the article, `Министр` is: its Russian form leaves it out.
    expect(headlines(await search('делегации -министрами'))).toEqual([RU_TRADE]);
    expect(headlines(await search('阿斯塔纳 -谈判'))).toEqual([MIXED]);
  });

  test('a phrase is found through inflected forms, its words side by side and in order', async () => {
    expect(headlines(await search('"переговорам министра"'))).toEqual([RU_MINISTER]);
    expect(headlines(await search('"министра переговорам"'))).toEqual([]);
    expect(headlines(await search('"continuará las conversaciones"'))).toEqual([ES_CLIMATE]);
    expect(headlines(await search('-"переговорам министра" делегации'))).toEqual([RU_TRADE]);
  });

  test('or finds either, across languages', async () => {
    expect(headlines(await search('министра or continuará'))).toEqual(
      expect.arrayContaining([RU_MINISTER, ES_CLIMATE]),
    );
    expect((await search('министра or continuará')).total).toBe(2);
  });

  test('the matched words are marked as the article spells them, in its own language', async () => {
    expect(marked(await search('министра'), RU_MINISTER)).toEqual(expect.arrayContaining(['Министр', 'министров']));
    expect(marked(await search('continuará'), ES_CLIMATE)).toEqual(['continuarán']);
    const chinese = await search('阿斯塔纳');
    const hit = chinese.hits.find((candidate) => candidate.headline === ZH_TALKS);
    expect(plainText(hit?.headlineHighlighted ?? [])).toBe(ZH_TALKS);
    expect(marked(chinese, ZH_TALKS)).toEqual(expect.arrayContaining(['阿斯塔纳']));
  });

  test('related articles share words in their own language', async () => {
    const { rows } = await db.pool.query<{ slug: string; headline: string }>('SELECT slug, headline FROM articles');
    const slug = rows.find((row) => row.headline === RU_TRADE)!.slug;
    const related = await loadRelatedArticles(db.prisma, slug);
    // Same section first; among World's articles, the one sharing `заверш` ranks first.
    expect(related[0]?.headline).toBe(RU_MINISTER);
    // Asia's newest after it is in Japanese; the older Chinese one shares 谈判, a word of two characters.
    const chinese = rows.find((row) => row.headline === ZH_TALKS)!.slug;
    expect((await loadRelatedArticles(db.prisma, chinese)).map((article) => article.headline).slice(0, 2)).toEqual([
      ZH_BEIJING,
      JA_SUMMIT,
    ]);
  });

  test('a correction that keeps the same words keeps them split: the update trigger does not index them whole', async () => {
    // Only the punctuation changes: the staged vector equals the stored one, the case in which
    // the update trigger computes one for writers that bring none.
    const corrected = ARTICLES.find((article) => article.headline === ZH_BEIJING)!;
    const report = await importDocuments(db.pool, [
      {
        file: 'correction.txt',
        bytes: new TextEncoder().encode(
          listingDocument([{ ...corrected, paragraphs: ['代表团在北京继续谈判！讨论贸易问题！'] }]),
        ),
      },
    ]);
    expect(report.totals).toMatchObject({ created: 0, updated: 1 });
    expect(headlines(await search('贸易'))).toEqual([ZH_BEIJING]);
    expect(headlines(await search('北京'))).toEqual([ZH_BEIJING]);
  });
});
