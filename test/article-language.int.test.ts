import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { importDocuments } from '@/lib/importer/import-documents';
import {
  availableDatabaseKinds,
  childEnv,
  createTestDatabase,
  embeddedEnv,
  emptyDatabase,
  makeTempDir,
  type TestDatabase,
} from './support/database';
import { listingDocument, writeDocuments, type DocumentArticle } from './support/documents';
import { runSeed } from './support/cli';

const kinds = await availableDatabaseKinds();

/** One article in each of several languages, one document mixing them (headlines that transliterate). */
const MIXED: DocumentArticle[] = [
  {
    headline: 'Переговоры в Астане завершились',
    section: 'World',
    paragraphs: ['Министр иностранных дел заявил, что встреча была полезной для всех сторон.'],
  },
  {
    headline: 'Las conversaciones continuarán',
    section: 'World',
    paragraphs: ['Las conversaciones en Astana continuarán la próxima semana, según el ministro de Exteriores.'],
  },
  {
    headline: 'Ολοκληρώθηκαν οι συνομιλίες',
    section: 'World',
    paragraphs: ['Οι συνομιλίες στην Αστάνα ολοκληρώθηκαν χωρίς κοινή δήλωση, είπε ο υπουργός Εξωτερικών.'],
  },
  {
    headline: 'انتهاء محادثات أستانا',
    section: 'World',
    paragraphs: ['انتهت المحادثات في أستانا دون بيان مشترك. وقال وزير الخارجية إن الاجتماع كان مفيدا.'],
  },
  {
    headline: 'Talks in Astana end',
    section: 'World',
    paragraphs: ['Talks in Astana ended without a joint statement, the foreign minister said on Friday.'],
  },
];

const source = (articles: readonly DocumentArticle[]) => [
  { file: 'mixed.txt', bytes: new TextEncoder().encode(listingDocument(articles)) },
];

describe.each(kinds)("each article's language on the %s database", (kind) => {
  let db: TestDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    client = new pg.Client({ connectionString: db.url });
    await client.connect();
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });
  beforeEach(async () => emptyDatabase(db));

  async function stored() {
    const { rows } = await client.query<{ headline: string; language: string; language_given: boolean }>(
      `SELECT headline, language, language_given FROM articles ORDER BY published_at DESC, id DESC`,
    );
    return rows.map((row) => [row.headline, row.language, row.language_given]);
  }
  const revisions = async () => (await client.query(`SELECT count(*)::int AS n FROM article_revisions`)).rows[0].n;

  test('is found from its text and stored, article by article, in one document mixing languages', async () => {
    await importDocuments(db.pool, source(MIXED));

    expect(await stored()).toEqual([
      ['Переговоры в Астане завершились', 'ru', false],
      ['Las conversaciones continuarán', 'es', false],
      ['Ολοκληρώθηκαν οι συνομιλίες', 'el', false],
      ['انتهاء محادثات أستانا', 'ar', false],
      ['Talks in Astana end', 'en', false],
    ]);
  });

  test("given for the run, it is every article's, and giving another one is an update kept as a revision", async () => {
    await importDocuments(db.pool, source(MIXED.slice(0, 2)), { language: 'uk' });
    expect(await stored()).toEqual([
      ['Переговоры в Астане завершились', 'uk', true],
      ['Las conversaciones continuarán', 'uk', true],
    ]);

    // Without the flag the language is found again: the editor's word is gone, a change of content.
    const report = await importDocuments(db.pool, source(MIXED.slice(0, 2)));
    expect(report.documents[0]).toMatchObject({ updated: 2, unchanged: 0 });
    expect(await stored()).toEqual([
      ['Переговоры в Астане завершились', 'ru', false],
      ['Las conversaciones continuarán', 'es', false],
    ]);
    expect(await revisions()).toBe(2);
  });

  test('a found language is not content: a detector answering otherwise later makes no new version', async () => {
    await importDocuments(db.pool, source(MIXED));
    // As if an earlier detector had read the Greek article as Macedonian.
    await client.query(`UPDATE articles SET language = 'mk' WHERE language = 'el'`);

    const report = await importDocuments(db.pool, source(MIXED));

    expect(report.documents[0]).toMatchObject({ created: 0, updated: 0, unchanged: 5 });
    expect(await revisions()).toBe(0);
  });

  test('npm run seed -- --language stores the tag it was given, canonicalised', async () => {
    const dir = writeDocuments({ 'mixed.txt': listingDocument(MIXED.slice(0, 1)) });

    const run = await runSeed(['--language', 'RU', dir], childEnv(db));

    expect(run.code).toBe(0);
    expect(await stored()).toEqual([['Переговоры в Астане завершились', 'ru', true]]);
  });
});

describe('npm run seed -- --language refuses what is not a language tag', () => {
  test.each(['english', 'en_GB'])('%s exits 2 naming the tag, loading nothing', async (tag) => {
    const dir = writeDocuments({ 'one.txt': listingDocument(MIXED.slice(4)) });

    const run = await runSeed(['--language', tag, dir], embeddedEnv(makeTempDir('cli-language')));

    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`seed: --language: "${tag}" is not a BCP 47 language tag`);
    expect(run.stdout).not.toContain('created');
  });
});
