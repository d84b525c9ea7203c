import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';

const kinds = await availableDatabaseKinds();

/** PostgreSQL 15's own text search configurations (those the server here ships). */
const POSTGRES_15 = [
  'arabic',
  'armenian',
  'basque',
  'catalan',
  'danish',
  'dutch',
  'english',
  'finnish',
  'french',
  'german',
  'greek',
  'hindi',
  'hungarian',
  'indonesian',
  'irish',
  'italian',
  'lithuanian',
  'nepali',
  'norwegian',
  'portuguese',
  'romanian',
  'russian',
  'serbian',
  'simple',
  'spanish',
  'swedish',
  'tamil',
  'turkish',
  'yiddish',
];

/** A language tag for each configuration search_config answers, and tags that have none. */
const TAGS = [
  'en',
  'en-GB',
  'und',
  'ar',
  'hy',
  'eu',
  'ca',
  'da',
  'nl',
  'fi',
  'fr',
  'de',
  'el',
  'hi',
  'hu',
  'id',
  'ga',
  'it',
  'lt',
  'ne',
  'no',
  'nb',
  'nn',
  'pt',
  'pt-BR',
  'ro',
  'ru',
  'sr',
  'sr-Latn',
  'es',
  'sv',
  'ta',
  'tr',
  'yi',
  'he',
  'zh',
  'zh-Hant',
  'ja',
  'th',
  'ko',
  'fa',
  'et',
  'xx',
];

/** Text in several languages, parsed by each configuration: both engines must answer alike. */
const SAMPLES = [
  ['ru', 'Министры завершили переговоры в пятницу'],
  ['es', 'Los delegados continuarán las conversaciones'],
  ['el', 'Οι υπουργοί συναντήθηκαν στην Αθήνα'],
  ['ar', 'قال الوزراء إن المفاوضات انتهت'],
  ['de', 'Die Verhandlungen über Zölle wurden fortgesetzt'],
  ['he', 'השיחות בירושלים הסתיימו'],
  ['zh', '阿斯塔纳 谈判 结束'],
  ['en', 'Harbour bridges reopened in Zürich'],
];

describe('text search configurations', () => {
  const databases: TestDatabase[] = [];
  beforeAll(async () => {
    for (const kind of kinds) databases.push(await createTestDatabase(kind));
  });
  afterAll(async () => Promise.all(databases.map((db) => db.drop())));

  test.each(kinds)(
    'on the %s database, every configuration search uses copies one PostgreSQL 15 ships',
    async (kind) => {
      const db = databases[kinds.indexOf(kind)]!;
      const { rows } = await db.pool.query<{ tag: string; config: string; parent: string | null }>(
        `SELECT t.tag, search_config(t.tag)::text AS config,
              (SELECT string_agg(DISTINCT d.dictname, ',' ORDER BY d.dictname)
                 FROM ts_debug(search_config(t.tag), 'wörd') x, unnest(x.dictionaries) AS dict(oid)
                 JOIN pg_ts_dict d ON d.oid = dict.oid::regdictionary) AS parent
         FROM unnest($1::text[]) AS t(tag)`,
        [TAGS],
      );
      const configs = new Map(rows.map((row) => [row.tag, row.config]));
      expect(configs.get('ru')).toBe('news_russian');
      expect(configs.get('pt-BR')).toBe('news_portuguese');
      expect(configs.get('en')).toBe('news');
      expect(configs.get('und')).toBe('news');
      for (const tag of ['he', 'zh', 'zh-Hant', 'ja', 'th', 'ko', 'fa', 'et', 'xx'])
        expect(configs.get(tag)).toBe('news_simple');
      // Each uses unaccent and one stemmer (or `simple`) of a configuration PostgreSQL 15 has.
      for (const row of rows) {
        const dictionaries = (row.parent ?? '').split(',');
        expect(dictionaries, row.tag).toContain('unaccent');
        const [stemmer, ...more] = dictionaries.filter((name) => name !== 'unaccent');
        expect(more, row.tag).toEqual([]);
        expect(POSTGRES_15, row.tag).toContain(stemmer === 'simple' ? 'simple' : stemmer?.replace(/_stem$/u, ''));
      }
    },
  );

  test('both engines make the same vectors of the same text', async () => {
    const vectors = await Promise.all(
      databases.map(async (db) => {
        const { rows } = await db.pool.query<{ vector: string }>(
          `SELECT to_tsvector(search_config(s.tag), s.text)::text AS vector
             FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS s(tag, text, n) ORDER BY n`,
          [SAMPLES.map(([tag]) => tag), SAMPLES.map(([, text]) => text)],
        );
        return rows.map((row) => row.vector);
      }),
    );
    expect(vectors[0]?.[0]).toContain("'министр':1");
    for (const other of vectors.slice(1)) expect(other).toEqual(vectors[0]);
    expect(kinds).toEqual(expect.arrayContaining(['embedded']));
  });
});
