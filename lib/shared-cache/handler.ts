// Next's cache handler (next.config.js `cacheHandler`) when REDIS_URL is set: the page
// cache and the data cache (unstable_cache) of every instance live in Redis. Bundled by
// scripts/build.ts into the build folder, which Next loads at run time.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import v8 from 'node:v8';
import type { CacheHandlerContext, CacheHandlerValue } from 'next/dist/server/lib/incremental-cache';
import type { CacheControl } from 'next/dist/server/lib/cache-control';
import type { IncrementalCacheValue } from 'next/dist/server/response-cache';
import { requireReadPosition } from '@/lib/db/read-position';
import { erasable } from '@/lib/erasable';
import { LocalEntries, type LocalEntry } from './local-entries';
import { sharedCache, type SharedCache } from './store';

/** The tags Next collected while rendering a page, in its cached headers. */
const TAGS_HEADER = 'x-next-cache-tags';
/** Next's default for `cacheMaxMemorySize`: this instance's copy of the shared entries. */
const DEFAULT_LOCAL_BYTES = 50 * 1024 * 1024;

interface Stored {
  value: IncrementalCacheValue | null;
  cacheControl?: CacheControl;
}

type GetContext = Parameters<import('next/dist/server/lib/incremental-cache').CacheHandler['get']>[1];
type SetContext = Parameters<import('next/dist/server/lib/incremental-cache').CacheHandler['set']>[2];

/** What a handler needs of one build: entries of another build (a rolling deploy) are never read. */
interface BuildCache {
  shared: SharedCache;
  entryPrefix: string;
  local: LocalEntries<Stored>;
}

const builds = new Map<string, BuildCache>();

function buildCache(ctx: CacheHandlerContext): BuildCache {
  const distDir = ctx.serverDistDir ?? '';
  let build = builds.get(distDir);
  if (!build) {
    const shared = sharedCache();
    if (!shared) throw new Error('the shared cache handler needs REDIS_URL');
    const buildId = fs.readFileSync(path.join(distDir, '..', 'BUILD_ID'), 'utf8').trim();
    const local = new LocalEntries<Stored>(ctx.maxMemoryCacheSize || DEFAULT_LOCAL_BYTES);
    // A legal removal deletes its entries in Redis (SharedCache.eraseTagged); the copies here go too.
    erasable(() => local.clear());
    build = { shared, entryPrefix: shared.key(`e:${buildId}:`), local };
    builds.set(distDir, build);
  }
  return build;
}

const tagsOf = (value: IncrementalCacheValue | null, ctx: SetContext): string[] => {
  if (value && 'headers' in value && value.headers) {
    const header = value.headers[TAGS_HEADER];
    return typeof header === 'string' && header ? header.split(',') : [];
  }
  return 'fetchCache' in ctx && ctx.fetchCache ? (ctx.tags ?? []) : [];
};

/** How long the entry stays fresh (s), for knowing that Next will render it again in the background. */
const freshFor = (stored: Stored): number | undefined => {
  const revalidate =
    stored.cacheControl?.revalidate ?? (stored.value?.kind === 'FETCH' ? stored.value.revalidate : undefined);
  return typeof revalidate === 'number' ? revalidate : undefined;
};

export default class SharedCacheHandler {
  private readonly build: BuildCache;

  // Next makes one per request: everything lasting is per build, above.
  constructor(ctx: CacheHandlerContext) {
    this.build = buildCache(ctx);
  }

  async get(key: string, ctx: GetContext): Promise<CacheHandlerValue | null> {
    const { shared, local, entryPrefix } = this.build;
    await shared.ready;
    const softTags = ctx.kind === 'FETCH' ? (ctx.softTags ?? []) : [];
    const mine = local.get(key);
    const result = await shared.check(entryPrefix + key, mine?.version, softTags);
    const now = shared.now();
    let entry: LocalEntry<Stored> | undefined;
    if (result === null) {
      // Redis does not answer: what this instance holds, unless an expiry it knows of came after it.
      entry = mine && !shared.expiredSince([...mine.tags, ...softTags], mine.lastModified) ? mine : undefined;
    } else if (result.state === 'expired') {
      requireReadPosition(result.lsn);
      local.delete(key);
    } else if (result.state === 'missing') {
      local.delete(key);
    } else if (result.state === 'current') {
      entry = mine;
    } else if (mine && mine.lastModified > result.entry.lastModified) {
      entry = mine; // made here while Redis did not answer, after the copy Redis kept
    } else {
      const stored = v8.deserialize(result.entry.bytes) as Stored & { tags: string[] };
      entry = { ...result.entry, tags: stored.tags, value: stored, size: result.entry.bytes.length };
      local.set(key, entry);
    }
    if (!entry) {
      local.renderBegins(key, now);
      return null;
    }
    const fresh = freshFor(entry.value);
    if (fresh !== undefined && now - entry.lastModified > fresh * 1000) local.renderBegins(key, now);
    return {
      lastModified: shared.toLocalTime(entry.lastModified),
      value: entry.value.value,
      cacheControl: entry.value.cacheControl,
    };
  }

  async set(key: string, value: IncrementalCacheValue | null, ctx: SetContext): Promise<void> {
    const { shared, local, entryPrefix } = this.build;
    const now = shared.now();
    // Dated from when its render began: an import that expired its tags meanwhile still expires it.
    const lastModified = local.renderEnds(key, now) ?? now;
    const tags = tagsOf(value, ctx);
    const cacheControl =
      'fetchCache' in ctx && ctx.fetchCache ? undefined : (ctx as { cacheControl?: CacheControl }).cacheControl;
    const bytes = v8.serialize({ value, cacheControl, tags });
    const version = randomBytes(9).toString('base64url');
    local.set(key, { version, lastModified, tags, value: { value, cacheControl }, size: bytes.length });
    await shared.store(entryPrefix + key, { version, lastModified, tags, bytes });
  }

  async revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void> {
    const { shared } = this.build;
    const list = typeof tags === 'string' ? [tags] : tags;
    await shared.expire(list, shared.now() + (durations?.expire ?? 0) * 1000, null);
  }

  resetRequestCache(): void {}
}
