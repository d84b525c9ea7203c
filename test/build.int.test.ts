import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, expect, test } from 'vitest';
import { makeTempDir } from './support/temp-dir';

const ROOT = path.resolve(import.meta.dirname, '..');
const distDir = `.next-no-database-${process.pid}`;

afterAll(() => {
  fs.rmSync(path.join(ROOT, distDir), { recursive: true, force: true });
  fs.rmSync(path.join(ROOT, `tsconfig.${distDir}.json`), { force: true });
});

test('the production build succeeds where no database can be reached, and starts none', async () => {
  const dataDir = makeTempDir('no-database');
  const { REVALIDATE_SECRET: _secret, ...env } = process.env;

  const build = await promisify(execFile)(
    process.execPath,
    [path.join('node_modules', 'next', 'dist', 'bin', 'next'), 'build'],
    {
      cwd: ROOT,
      env: {
        ...env,
        NODE_ENV: 'production',
        NEXT_DIST_DIR: distDir,
        DATABASE_URL: 'postgresql://postgres@127.0.0.1:1/unreachable',
        DATA_DIR: dataDir,
        NEXT_TELEMETRY_DISABLED: '1',
      },
      maxBuffer: 64 * 1024 * 1024,
    },
  );

  expect(build.stdout).toMatch(/\/\[section\]\/\[article\]/u);
  expect(fs.readdirSync(dataDir)).toEqual([]);
}, 400_000);
