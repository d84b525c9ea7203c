import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { importDocuments } from '@/lib/importer/import-documents';
import { loadArticle } from '@/lib/queries/loaders';
import { isSlug } from '@/lib/url-params';
import { withdrawArticle } from '@/lib/withdrawal/actions';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';
import { listingDocument, type DocumentArticle } from './support/documents';

const kinds = await availableDatabaseKinds();
const source = (file: string, text: string) => ({ file, bytes: new TextEncoder().encode(text) });

/** Headlines in the scripts of the format's "Languages", each with a re-punctuated, re-cased spelling. */
const HEADLINES = [
  ['Chinese', '阿斯塔纳谈判结束', '“阿斯塔纳谈判结束”！'],
  ['Japanese', '東京で首脳会議が始まる', '東京で、首脳会議が始まる。'],
  ['Hebrew', 'שיחות השלום חודשו בז׳נבה', 'שִׂיחוֹת הַשָּׁלוֹם חוּדְּשׁוּ בז׳נבה!'],
  ['Arabic', 'انتهاء المحادثات في أستانا', 'انْتِهَاءُ المُحَادَثَاتِ في أستانا.'],
  ['Russian', 'Переговоры в Астане завершились', 'ПЕРЕГОВОРЫ В АСТАНЕ ЗАВЕРШИЛИСЬ!'],
  ['Spanish', 'Las conversaciones continuarán en año nuevo', '¡Las conversaciones continuarán en año nuevo!'],
  ['Greek', 'Οι συνομιλίες ολοκληρώθηκαν στην Αστάνα', 'ΟΙ ΣΥΝΟΜΙΛΙΕΣ ΟΛΟΚΛΗΡΩΘΗΚΑΝ ΣΤΗΝ ΑΣΤΑΝΑ'],
  ['mixed', 'Путин и 习近平 meet in Astana 🇰🇿', 'Путин и 习近平 meet in Astana!'],
] as const;

const articlesOf = (headlines: readonly string[], text: string, section = 'World'): DocumentArticle[] =>
  headlines.map((headline) => ({ headline, section, paragraphs: [`${text} ${headline}`] }));

/**
 * Headlines of every script imported for real (document-format.md, "Languages" and "Identity and
 * re-imports"): each published at a valid address, updated in place when re-punctuated, and
 * headlines whose letters differ kept apart even where their transliterations are one.
 */
describe.each(kinds)('headlines in every script, on the %s database', (kind) => {
  let db: TestDatabase;
  let slugs: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const report = await importDocuments(db.pool, [
      source(
        'scripts.txt',
        listingDocument(
          articlesOf(
            HEADLINES.map(([, headline]) => headline),
            'First.',
          ),
        ),
      ),
    ]);
    expect(report.totals).toMatchObject({ created: HEADLINES.length, problems: 0, invalid: 0 });
    const { rows } = await db.pool.query<{ slug: string; headline: string }>(`SELECT slug, headline FROM articles`);
    slugs = HEADLINES.map(([, headline]) => rows.find((row) => row.headline === headline)!.slug);
  });
  afterAll(async () => db?.drop());

  test('each is published at a valid address: readable ASCII where it transliterates, u- and hex digits where not', async () => {
    expect(slugs).toEqual([
      expect.stringMatching(/^u-[0-9a-f]{12}$/u),
      expect.stringMatching(/^u-[0-9a-f]{12}$/u),
      expect.stringMatching(/^u-[0-9a-f]{12}$/u),
      'anthae-almhadthat-fy-astana',
      'peregovory-v-astane-zavershilis',
      'las-conversaciones-continuaran-en-ano-nuevo',
      'oi-synomilies-oloklirothikan-stin-astana',
      'putin-i-meet-in-astana',
    ]);
    expect(slugs.every(isSlug)).toBe(true);
    for (const [i, [, headline]] of HEADLINES.entries())
      expect((await loadArticle(db.prisma, slugs[i]!))?.headline).toBe(headline);
  });

  test('re-punctuated, re-cased, with or without vowel signs, each updates in place at the same address', async () => {
    const report = await importDocuments(db.pool, [
      source(
        'again.txt',
        listingDocument(
          articlesOf(
            HEADLINES.map(([, , again]) => again),
            'Second.',
          ),
        ),
      ),
    ]);

    expect(report.totals).toMatchObject({ created: 0, updated: HEADLINES.length, problems: 0 });
    expect(report.changed.map((article) => article.slug).sort()).toEqual([...slugs].sort());
    for (const [i, [, , again]] of HEADLINES.entries()) {
      const article = await loadArticle(db.prisma, slugs[i]!);
      expect(article?.headline).toBe(again);
      expect(article?.body.map((block) => block.text)).toEqual([`Second. ${again}`]);
    }
  });

  test('صيف and سيف, мэры and меры are two articles each; the later of each takes the next suffix', async () => {
    const pairs = ['صيف', 'سيف', 'Мэры', 'Меры'].map((word) => `${word} 2026`);
    const report = await importDocuments(db.pool, [source('pairs.txt', listingDocument(articlesOf(pairs, 'Pair.')))]);

    expect(report.totals).toMatchObject({ created: 4, updated: 0, keptApart: 2, problems: 0 });
    const at = async (slug: string) => (await loadArticle(db.prisma, slug))?.headline;
    // The first block of a document is the newest: the import gives slugs in document order.
    expect([await at('syf-2026'), await at('syf-2026-2'), await at('mery-2026'), await at('mery-2026-2')]).toEqual(
      pairs,
    );
  });

  test('a legal removal of a Hebrew article stops a later import of it, re-punctuated, and of nothing else', async () => {
    const [removed, other] = ['הכתבה שהוסרה', 'כתבה אחרת'];
    await importDocuments(db.pool, [source('legal.txt', listingDocument(articlesOf([removed, other], 'Text.')))]);
    const { rows } = await db.pool.query<{ slug: string }>(`SELECT slug FROM articles WHERE headline = $1`, [removed]);
    await withdrawArticle(db.pool, rows[0]!.slug, { reason: 'Court order.', legal: true });

    const report = await importDocuments(db.pool, [
      source('legal.txt', listingDocument(articlesOf([`${removed}!`, other], 'Text again.'))),
    ]);

    expect(report.totals).toMatchObject({ created: 0, updated: 1, withdrawn: 1 });
    expect(await loadArticle(db.prisma, rows[0]!.slug)).toBeNull();
  });
});
