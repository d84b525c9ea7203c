import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { importDocuments } from '@/lib/importer/import-documents';
import { TimeZoneMismatch } from '@/lib/importer/site-time-zone';
import { prepareDatabase } from '@/scripts/site-setup';
import { runSeed } from './support/cli';
import { availableDatabaseKinds, childEnv, createTestDatabase, type TestDatabase } from './support/database';
import { writeDocuments } from './support/documents';

const kinds = await availableDatabaseKinds();
const kind = kinds.at(-1)!;

const DOCUMENT = `2026-11-30 09:00\nHarbour bridge opens\n\nThe bridge opened at nine.\n\n  • Published in World\n`;

describe(`the site's time zone, recorded in the ${kind} database`, () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => db?.drop());
  beforeEach(async () => {
    await db.pool.query('TRUNCATE articles, sections, authors, tags, site_settings RESTART IDENTITY CASCADE');
  });

  const settings = async () => (await db.pool.query('SELECT name, value FROM site_settings')).rows;
  const articles = async () => (await db.pool.query('SELECT count(*)::int AS n FROM articles')).rows[0].n as number;

  test('with none recorded, npm run seed records its own; one with another is refused, naming both, and writes nothing', async () => {
    const documents = writeDocuments({ 'bridge.txt': DOCUMENT });
    const first = await runSeed([documents], { ...childEnv(db), SITE_TIME_ZONE: 'Europe/London' });
    expect(first.code).toBe(0);
    expect(await settings()).toEqual([{ name: 'time_zone', value: 'Europe/London' }]);

    const other = writeDocuments({ 'ferry.txt': DOCUMENT.replace('Harbour bridge opens', 'Ferry fares rise') });
    const refused = await runSeed([other], { ...childEnv(db), SITE_TIME_ZONE: 'UTC' });

    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      "seed: this import's time zone (SITE_TIME_ZONE) is UTC, but the site's, recorded in the database, is Europe/London",
    );
    expect(refused.stderr).toContain('Run the import with SITE_TIME_ZONE=Europe/London.');
    expect(await articles()).toBe(1);
    expect(await settings()).toEqual([{ name: 'time_zone', value: 'Europe/London' }]);
  });

  test("npm start's database step records the site's own time zone, and an import then must use it", async () => {
    await db.pool.query(`INSERT INTO site_settings (name, value) VALUES ('time_zone', 'UTC')`);
    const env = { ...process.env };
    Object.assign(process.env, childEnv(db), { SITE_TIME_ZONE: 'Asia/Tokyo' });
    try {
      const database = await prepareDatabase(path.resolve(import.meta.dirname, '..'));
      await database.close();
    } finally {
      for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
      Object.assign(process.env, env);
    }
    expect(await settings()).toEqual([{ name: 'time_zone', value: 'Asia/Tokyo' }]);

    const refused = importDocuments(db.pool, [{ file: 'doc.txt', bytes: new TextEncoder().encode(DOCUMENT) }], {
      timeZone: 'UTC',
    });

    await expect(refused).rejects.toThrow(TimeZoneMismatch);
  });
});
