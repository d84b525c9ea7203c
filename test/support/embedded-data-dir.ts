import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { makeTempDir } from './temp-dir';

const PGLITE_PACKAGE = path.resolve(import.meta.dirname, '../../node_modules/@electric-sql/pglite/package.json');

let template: Promise<string> | null = null;

/**
 * An initialised, empty PGlite cluster to copy. PGlite's initdb is by far the slowest
 * step of a fresh embedded database (seconds, many more on a busy machine); a copy
 * takes milliseconds. Kept per PGlite version in the temporary folder and published
 * by an atomic rename, so that test processes running side by side never copy a
 * half-made one.
 */
function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const { version } = JSON.parse(fs.readFileSync(PGLITE_PACKAGE, 'utf8')) as { version: string };
    const published = path.join(os.tmpdir(), `newsroom-pglite-template-${version}`);
    if (fs.existsSync(path.join(published, 'PG_VERSION'))) return published;
    const draft = path.join(makeTempDir('pglite-template'), 'pgdata');
    const db = await PGlite.create({ dataDir: draft });
    await db.close();
    try {
      fs.renameSync(draft, published);
    } catch (error) {
      // Another test process published one first: theirs is as good.
      if (!fs.existsSync(path.join(published, 'PG_VERSION'))) throw error;
    }
    return published;
  })();
  return template;
}

/** A DATA_DIR whose embedded database is initialised but empty (not migrated), as a fresh install's would be. */
export async function makeEmbeddedDataDir(): Promise<string> {
  const dataDir = makeTempDir('db');
  fs.cpSync(await pgliteTemplate(), path.join(dataDir, 'pgdata'), { recursive: true });
  return dataDir;
}
