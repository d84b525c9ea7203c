import fs from 'node:fs';
import path from 'node:path';
// Next's in-memory copy of its own cache's entries (its default handler's), one per process.
import { getMemoryCache } from 'next/dist/server/lib/incremental-cache/memory-cache.external.js';
import { processWide } from '@/lib/process-state';

/** The tags Next keeps in a cached page's or route's headers. */
const TAGS_HEADER = 'x-next-cache-tags';
/** Next's default `cacheMaxMemorySize`: asked with it, Next's memory cache is the one Next made (or would). */
const NEXT_MEMORY_BYTES = 50 * 1024 * 1024;

/** The build folder the running server serves (scripts/server.ts says; else NEXT_DIST_DIR or `.next`). */
const distDir = processWide('next-dist-dir', () => ({ path: path.resolve(process.env.NEXT_DIST_DIR || '.next') }));

export function setNextDistDir(dir: string): void {
  distDir.path = dir;
}

const carries = (tags: unknown, wanted: ReadonlySet<string>): boolean => {
  const list = typeof tags === 'string' ? tags.split(',') : Array.isArray(tags) ? tags : [];
  return list.some((tag) => typeof tag === 'string' && wanted.has(tag));
};

function readJson(file: string): Record<string, unknown> | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** Every file below `dir` whose name ends in `suffix`. */
function* filesBelow(dir: string, suffix: string): Generator<string> {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* filesBelow(full, suffix);
    else if (entry.isFile() && entry.name.endsWith(suffix)) yield full;
  }
}

/**
 * Deletes every entry of Next's own cache (without REDIS_URL) that carries one of these tags:
 * on disk, each cached page's and route's files (`<build>/server/…`: `.html`, `.rsc`, `.body`,
 * its segments and the `.meta` that names its tags) and each cached read
 * (`<build>/cache/fetch-cache/`), and Next's copies of them in memory. How many were deleted.
 */
export function eraseNextCache(tags: readonly string[]): number {
  const wanted = new Set(tags);
  let deleted = 0;
  for (const meta of filesBelow(path.join(distDir.path, 'server'), '.meta')) {
    const headers = readJson(meta)?.headers as Record<string, unknown> | undefined;
    if (!carries(headers?.[TAGS_HEADER], wanted)) continue;
    const base = meta.slice(0, -'.meta'.length);
    for (const file of [
      `${base}.html`,
      `${base}.rsc`,
      `${base}.body`,
      `${base}.prefetch.rsc`,
      `${base}.segments`,
      meta,
    ])
      fs.rmSync(file, { recursive: true, force: true });
    deleted += 1;
  }
  for (const file of filesBelow(path.join(distDir.path, 'cache', 'fetch-cache'), '')) {
    if (!carries(readJson(file)?.tags, wanted)) continue;
    fs.rmSync(file, { force: true });
    deleted += 1;
  }
  const memory = getMemoryCache(NEXT_MEMORY_BYTES);
  for (const [key, entry] of [...memory]) {
    const value = (entry as { value?: { headers?: Record<string, unknown>; tags?: unknown } | null }).value;
    if (value && (carries(value.headers?.[TAGS_HEADER], wanted) || carries(value.tags, wanted))) {
      memory.remove(key);
      deleted += 1;
    }
  }
  return deleted;
}
