import { beforeEach, describe, expect, test, vi } from 'vitest';

const revalidated = vi.hoisted(() => [] as string[]);
const request = vi.hoisted(() => ({ open: true }));
// As Next's: outside a request there is no store to attach the expiry to.
vi.mock('next/cache.js', () => ({
  revalidateTag: (tag: string) => {
    if (!request.open) throw new Error('Invariant: static generation store missing in revalidateTag front');
    revalidated.push(tag);
  },
}));
// The front door's memo reads through the site's client: one that knows one article.
vi.mock('@/lib/db/client', () => ({
  getPrisma: async () => ({ $queryRaw: async () => [{ rank: 1, section: 'world' }] }),
}));

const { contentChanged } = await import('./caches');
const { articleSection, knownArticleSection } = await import('./known-pages');
const { rememberSearch } = await import('./queries/search-cache');
const { parseLsn, requiredReadPosition } = await import('./db/read-position');
const { tagsManifest } = await import('next/dist/server/lib/incremental-cache/tags-manifest.external.js');

beforeEach(() => {
  revalidated.length = 0;
  request.open = true;
  vi.unstubAllEnvs();
});

describe('a change of content, heard by every cache of the instance', () => {
  test('the front door forgets what existed, and asks the database again', async () => {
    await articleSection('harbour-reopens');
    expect(knownArticleSection('harbour-reopens')).toBe('world');

    contentChanged({ tags: ['article:harbour-reopens'], lsn: null });

    expect(knownArticleSection('harbour-reopens')).toBeUndefined();
  });

  test('a search asked again after an import is searched again; after a notice that names nothing, it is not', async () => {
    const search = vi.fn(async () => ['an old result']);
    await rememberSearch('1:harbour', search);

    contentChanged({ tags: [], lsn: null });
    await rememberSearch('1:harbour', search);
    expect(search).toHaveBeenCalledTimes(1);

    contentChanged({ tags: ['front'], lsn: null });
    await rememberSearch('1:harbour', search);
    expect(search).toHaveBeenCalledTimes(2);
  });

  test('what is read because of the change comes from a server that has replayed it', () => {
    contentChanged({ tags: ['front'], lsn: 'FF/10' });
    expect(requiredReadPosition()).toBeGreaterThanOrEqual(parseLsn('FF/10')!);
  });

  test("without REDIS_URL Next's own cache expires each tag; with it, Redis holds the expiry and Next is not asked", () => {
    vi.stubEnv('REDIS_URL', '');
    contentChanged({ tags: ['front', 'section:world'], lsn: null });
    expect(revalidated).toEqual(['front', 'section:world']);

    revalidated.length = 0;
    vi.stubEnv('REDIS_URL', 'redis://127.0.0.1:6379');
    contentChanged({ tags: ['front'], lsn: null });
    expect(revalidated).toEqual([]);
  });

  test("outside a request (the release clock), Next's default cache records the expiry itself, at once", () => {
    vi.stubEnv('REDIS_URL', '');
    request.open = false;
    const before = Date.now();
    contentChanged({ tags: ['front', 'section:world'], lsn: null });
    expect(revalidated).toEqual([]);
    for (const tag of ['front', 'section:world']) {
      expect(tagsManifest.get(tag)?.expired).toBeGreaterThanOrEqual(before);
      expect(tagsManifest.get(tag)?.expired).toBeLessThanOrEqual(Date.now());
    }
  });
});
