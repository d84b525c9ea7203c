import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { loadLatestArticles, loadSectionPage } from '@/lib/queries/loaders';
import {
  availableDatabaseKinds,
  childEnv,
  createTestDatabase,
  embeddedEnv,
  emptyDatabase,
  makeTempDir,
  type TestDatabase,
} from './support/database';
import { listingDocument, REFERENCE_FILE, uniqueWord, writeDocuments } from './support/documents';
import { runSeed } from './support/cli';

const kinds = await availableDatabaseKinds();

const lines = (text: string) => text.split('\n');

describe('the import script refuses bad arguments', () => {
  test('an unknown flag exits 2 and shows how to call it', async () => {
    const run = await runSeed(['--force'], embeddedEnv(makeTempDir('cli-args')));

    expect(run.code).toBe(2);
    expect(run.stderr).toContain("seed: Unknown option '--force'");
    expect(run.stderr).toContain('Usage: npm run seed -- [--dry-run] [--skip-invalid] [--language TAG] [PATH ...]');
  });

  test('a path that does not exist exits 2 and names the path', async () => {
    const missing = path.join(makeTempDir('cli-args'), 'no-such-document.txt');

    const run = await runSeed([missing], embeddedEnv(makeTempDir('cli-args')));

    expect(run.code).toBe(2);
    expect(lines(run.stderr)).toContain(`seed: ${missing}: no such file or folder`);
  });
});

describe.each(kinds)('the import script on the %s database', (kind) => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
  });
  afterAll(async () => db?.drop());
  beforeEach(async () => emptyDatabase(db));

  test('with no path loads the bundled documents, prints a line per document and the totals, and exits 0', async () => {
    const run = await runSeed([], childEnv(db));

    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual(
      expect.arrayContaining([
        `${REFERENCE_FILE}: 3 created, 0 updated, 0 unchanged, 1 chrome line skipped`,
        'Total: 3 created, 0 updated, 0 unchanged, 1 chrome line skipped, 0 problems in 1 document',
      ]),
    );
    expect(await loadLatestArticles(db.prisma, 50)).toHaveLength(3);
  });

  test('a second run prints 0 created, 0 updated, 3 unchanged', async () => {
    expect((await runSeed([REFERENCE_FILE], childEnv(db))).code).toBe(0);

    const second = await runSeed([REFERENCE_FILE], childEnv(db));

    expect(second.code).toBe(0);
    expect(lines(second.stdout)).toContain(
      'Total: 0 created, 0 updated, 3 unchanged, 1 chrome line skipped, 0 problems in 1 document',
    );
  });

  test('an invalid document exits 1, prints file:line: message, and loads nothing', async () => {
    const word = uniqueWord();
    const dir = writeDocuments({
      'a-valid.txt': listingDocument([{ headline: `Valid news ${word}`, section: `Valid ${word}` }]),
      'b-invalid.txt': 'A headline\n\nA paragraph.\n\n  • Published in\n',
    });

    const run = await runSeed([dir], childEnv(db));

    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual(
      expect.arrayContaining([
        `${path.join(dir, 'b-invalid.txt')}:5: marker has no section name`,
        `${path.join(dir, 'a-valid.txt')}: valid, not loaded because another document is invalid (use --skip-invalid)`,
      ]),
    );
    expect(await loadLatestArticles(db.prisma, 50)).toEqual([]);
  });

  test('with --skip-invalid loads the valid documents, still reports the invalid one, and exits 1', async () => {
    const word = uniqueWord();
    const dir = writeDocuments({
      'a-valid.txt': listingDocument([{ headline: `Valid news ${word}`, section: `Valid ${word}` }]),
      'b-invalid.txt': 'A headline\n\nA paragraph.\n\n  • Published in\n',
    });

    const run = await runSeed(['--skip-invalid', dir], childEnv(db));

    expect(run.code).toBe(1);
    expect(lines(run.stdout)).toEqual(
      expect.arrayContaining([
        `${path.join(dir, 'b-invalid.txt')}:5: marker has no section name`,
        `${path.join(dir, 'a-valid.txt')}: 1 created, 0 updated, 0 unchanged, 1 chrome line skipped`,
      ]),
    );
    const section = await loadSectionPage(db.prisma, `valid-${word.toLowerCase()}`, 1);
    expect(section?.articles.map((a) => a.headline)).toEqual([`Valid news ${word}`]);
  });

  test('a headline asking for a slug another article holds is saved under -2, and the run says so', async () => {
    const bridge =
      'Regional council confirms the new harbour bridge will open to traffic next spring, with tolls for lorries only,';
    const slug = 'regional-council-confirms-the-new-harbour-bridge-will-open-to-traffic-next';
    const dir = writeDocuments({
      'costs.txt': listingDocument([
        { headline: `${bridge} after years of delays and rising costs`, section: 'Local' },
      ]),
      'protests.txt': listingDocument([{ headline: `${bridge} after years of delays and protests`, section: 'Local' }]),
    });
    expect((await runSeed([path.join(dir, 'costs.txt')], childEnv(db))).code).toBe(0);

    const run = await runSeed([path.join(dir, 'protests.txt')], childEnv(db));

    expect(run.code).toBe(0);
    expect(lines(run.stdout)).toEqual(
      expect.arrayContaining([
        `${path.join(dir, 'protests.txt')}: 1 created (slug taken: saved as ${slug}-2), 0 updated, 0 unchanged, 1 chrome line skipped`,
        `Total: 1 created (slug taken: saved as ${slug}-2), 0 updated, 0 unchanged, 1 chrome line skipped, 0 problems in 1 document`,
      ]),
    );
    const local = await loadSectionPage(db.prisma, 'local', 1);
    expect(local?.articles.map((a) => a.slug)).toEqual([`${slug}-2`, slug]);
  });

  test('--dry-run prints the summary a real run would print and writes nothing', async () => {
    const dry = await runSeed(['--dry-run', REFERENCE_FILE], childEnv(db));

    expect(dry.code).toBe(0);
    expect(await loadLatestArticles(db.prisma, 50)).toEqual([]);
    const real = await runSeed([REFERENCE_FILE], childEnv(db));
    const summary = (output: string) => lines(output).filter((line) => line.includes(' created, '));
    expect(lines(dry.stdout)[0]).toBe('Dry run: nothing is written.');
    expect(summary(dry.stdout)).toEqual(summary(real.stdout));
    expect(summary(real.stdout)).toEqual([
      `${REFERENCE_FILE}: 3 created, 0 updated, 0 unchanged, 1 chrome line skipped`,
      'Total: 3 created, 0 updated, 0 unchanged, 1 chrome line skipped, 0 problems in 1 document',
    ]);
  });
});
