import { resolveLanguage } from '../lib/i18n';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Everything a production build is made from: when its hash changes, the build is stale. */
const INPUTS = [
  'app',
  'components',
  'lib',
  'public',
  'next.config.js',
  'scripts/server.ts',
  'postcss.config.mjs',
  'tsconfig.json',
  'package-lock.json',
  'prisma/schema.prisma',
];
const SKIP = new Set(['generated', 'node_modules']);

function* files(entry: string): Generator<string> {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return;
  if (!stat.isDirectory()) {
    yield entry;
    return;
  }
  for (const name of fs.readdirSync(entry).sort()) {
    if (!SKIP.has(name) && !name.endsWith('.test.ts')) yield* files(path.join(entry, name));
  }
}

export function sourceHash(root: string): string {
  const hash = createHash('sha256');
  // The 404 page is prerendered by the build, in the build's SITE_LANGUAGE (docs/languages.md):
  // another language is another build.
  hash.update(`SITE_LANGUAGE=${resolveLanguage(process.env.SITE_LANGUAGE).tag}\0`);
  for (const input of INPUTS) {
    for (const file of files(path.join(root, input))) {
      hash.update(path.relative(root, file)).update('\0').update(fs.readFileSync(file)).update('\0');
    }
  }
  return hash.digest('hex');
}

export const distDir = (root: string) => path.join(root, process.env.NEXT_DIST_DIR || '.next');
export const stampFile = (root: string) => path.join(distDir(root), 'source-hash');
/** scripts/server.ts, bundled by the build (scripts/build.ts). */
export const serverBundle = (root: string) => path.join(distDir(root), 'newsroom-server.mjs');
/** lib/shared-cache/handler.ts, bundled by the build: Next's cache handler when REDIS_URL is set. */
export const cacheHandlerBundle = (root: string) => path.join(distDir(root), 'newsroom-cache-handler.mjs');

export function buildIsCurrent(root: string): boolean {
  if (!fs.existsSync(path.join(distDir(root), 'BUILD_ID'))) return false;
  try {
    return fs.readFileSync(stampFile(root), 'utf8') === sourceHash(root);
  } catch {
    return false;
  }
}

/**
 * Empties the build's on-disk caches of pages and data. They persist between runs, but which
 * of them an import expired is known only to the process that was told, and they may describe
 * another database (another DATA_DIR or DATABASE_URL): a server started on a build must begin
 * with them empty, or it serves another database's pages.
 */
export function clearPageCaches(root: string): void {
  for (const cache of [
    ['cache', 'fetch-cache'],
    ['server', 'route-cache'],
  ])
    fs.rmSync(path.join(distDir(root), ...cache), { recursive: true, force: true });
}
