import fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { embeddedEnv, makeTempDir } from './support/database';
import { runScript } from './support/cli';

const MESSAGE = 'SITE_TIME_ZONE "Mars/Olympus_Mons" is not an IANA time zone name (for example Europe/London, UTC)';

// Each refuses before it opens a database, builds or serves anything: the data folder stays empty.
describe('a SITE_TIME_ZONE that is not a time zone stops every entry point, saying so', () => {
  test.each([
    ['npm start', 'scripts/start.ts', 'start'],
    ['npm run dev', 'scripts/dev.ts', 'dev'],
    ['npm run seed (the import)', 'scripts/seed.ts', 'seed'],
  ])('%s exits 1 with the message', async (_name, script, prefix) => {
    const dataDir = makeTempDir('time-zone');
    const env = { ...embeddedEnv(dataDir), SITE_TIME_ZONE: 'Mars/Olympus_Mons', PORT: '4199' };

    const run = await runScript(script, [], env);

    expect(run.stderr.trim().split('\n')).toContain(`${prefix}: ${MESSAGE}`);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toContain('Serving on');
    expect(run.stdout).not.toContain('Database:');
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
