import { AsyncLocalStorage } from 'node:async_hooks';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { ReleaseLook, ReleasedArticle } from '@/lib/queries/release-loaders';
import { RETRY_MS, ReleaseClock, SAFETY_NET_MS } from './release-clock';

/**
 * A database as the clock sees it: articles with their public_at, and its own clock, an hour
 * ahead of this process's (the clock must not depend on the app's clock). Each look answers as
 * lib/queries/release-loaders.ts does: now, the next public_at to come, and what became public
 * in (since, now].
 */
const SKEW_MS = 3_600_000;
class FakeDatabase {
  articles: Array<{ slug: string; publicAt: number }> = [];
  down = false;
  looks = 0;
  now = () => Date.now() + SKEW_MS;
  schedule(slug: string, inMs: number) {
    this.articles.push({ slug, publicAt: this.now() + inMs });
  }
  async look(since: string | null): Promise<ReleaseLook> {
    this.looks += 1;
    if (this.down) throw new Error('connect ECONNREFUSED 127.0.0.1:5432');
    const now = this.now();
    const future = this.articles.filter((a) => a.publicAt > now).map((a) => a.publicAt);
    const released: ReleasedArticle[] =
      since === null
        ? []
        : this.articles
            .filter((a) => a.publicAt > Number(since) && a.publicAt <= now)
            .map((a) => ({ slug: a.slug, sectionSlug: 'world', authorSlugs: [], tagSlugs: [], firstInSection: false }));
    return { now: String(now), nowMs: now, nextMs: future.length ? Math.min(...future) : null, released };
  }
}

describe('the release clock', () => {
  let db: FakeDatabase;
  let releases: Array<{ at: number; slugs: string[]; again: boolean }>;
  let logs: string[];
  let clock: ReleaseClock;
  const start = async (options: { againAfter?: number[]; failRelease?: boolean } = {}) => {
    clock = new ReleaseClock({
      look: (since) => db.look(since),
      release: async (articles, again) => {
        releases.push({ at: db.now(), slugs: articles.map((a) => a.slug), again });
        if (options.failRelease) throw new Error('Redis is gone');
      },
      againAfter: options.againAfter,
      log: (message) => logs.push(message),
    });
    await clock.start();
  };

  beforeEach(() => {
    vi.useFakeTimers({ now: Date.UTC(2026, 11, 3, 12) });
    db = new FakeDatabase();
    releases = [];
    logs = [];
  });
  afterEach(() => {
    clock?.stop();
    vi.useRealTimers();
  });

  test('what is public when it starts is no release; a scheduled article is released at its time, by the database’s clock', async () => {
    db.articles.push({ slug: 'already-public', publicAt: db.now() - 1000 });
    db.schedule('at-noon-and-3s', 3_000);
    db.schedule('at-noon-and-8s', 8_000);
    await start();
    expect(releases).toEqual([]);
    // Armed for its time (3 s from the database's now), not for the process's clock an hour behind.
    expect(clock.armedFor).toBe(Date.now() + 3_000);

    await vi.advanceTimersByTimeAsync(2_999);
    expect(releases).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(releases).toEqual([{ at: db.now(), slugs: ['at-noon-and-3s'], again: false }]);
    // Armed again for the next one.
    expect(clock.armedFor).toBe(Date.now() + 5_000);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(releases.map((r) => r.slugs)).toEqual([['at-noon-and-3s'], ['at-noon-and-8s']]);
    expect(clock.armedFor).toBe(Date.now() + SAFETY_NET_MS);
  });

  test('articles of the same instant are released together, once', async () => {
    db.schedule('first', 1_000);
    db.schedule('second', 1_000);
    await start();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(releases.map((r) => r.slugs)).toEqual([['first', 'second']]);
  });

  test('a release far away (past setTimeout’s maximum) is looked at every minute, never at once', async () => {
    db.schedule('in-thirty-days', 30 * 86_400_000);
    await start();
    expect(clock.armedFor).toBe(Date.now() + SAFETY_NET_MS);
    const looks = db.looks;
    await vi.advanceTimersByTimeAsync(SAFETY_NET_MS);
    expect(db.looks).toBe(looks + 1);
    expect(releases).toEqual([]);
  });

  test('told that the content changed, it looks again: an import that adds a scheduled article', async () => {
    await start();
    expect(clock.armedFor).toBe(Date.now() + SAFETY_NET_MS);
    db.schedule('imported-later', 2_000);
    await clock.lookAgain();
    expect(clock.armedFor).toBe(Date.now() + 2_000);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(releases.map((r) => r.slugs)).toEqual([['imported-later']]);
  });

  test('not told, the safety net finds it within a minute', async () => {
    await start();
    db.schedule('imported-unannounced', 90_000);
    await vi.advanceTimersByTimeAsync(SAFETY_NET_MS);
    expect(clock.armedFor).toBe(Date.now() + 30_000);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(releases.map((r) => r.slugs)).toEqual([['imported-unannounced']]);
  });

  test('looks asked for during a look follow it, one at a time', async () => {
    await start();
    let inFlight = 0;
    let most = 0;
    const look = db.look.bind(db);
    db.look = async (since) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 10));
      inFlight -= 1;
      return look(since);
    };
    const before = db.looks;
    const asked = [clock.lookAgain(), clock.lookAgain(), clock.lookAgain()];
    await vi.advanceTimersByTimeAsync(100);
    await Promise.all(asked);
    expect(most).toBe(1);
    expect(db.looks - before).toBe(2);
  });

  test('while the database does not answer it tries every second, says so once, and releases what came due when it answers', async () => {
    db.schedule('during-outage', 2_000);
    await start();
    db.down = true;
    await vi.advanceTimersByTimeAsync(2_000);
    expect(releases).toEqual([]);
    expect(clock.armedFor).toBe(Date.now() + RETRY_MS);
    await vi.advanceTimersByTimeAsync(5 * RETRY_MS);
    expect(logs.filter((line) => line.includes('did not answer'))).toHaveLength(1);
    db.down = false;
    await vi.advanceTimersByTimeAsync(RETRY_MS);
    expect(releases.map((r) => r.slugs)).toEqual([['during-outage']]);
    expect(logs.at(-1)).toContain('answers again');
  });

  test('a release whose expiry fails is said, and the clock goes on', async () => {
    db.schedule('first', 1_000);
    db.schedule('second', 2_000);
    await start({ failRelease: true });
    await vi.advanceTimersByTimeAsync(2_000);
    expect(releases.map((r) => r.slugs)).toEqual([['first'], ['second']]);
    expect(logs.filter((line) => line.includes('Redis is gone'))).toHaveLength(2);
  });

  test('each release is expired again after the delays asked for, for renders that straddled it', async () => {
    db.schedule('straddled', 1_000);
    await start({ againAfter: [300, 900] });
    await vi.advanceTimersByTimeAsync(1_000);
    await vi.advanceTimersByTimeAsync(900);
    const at = releases[0]!.at;
    expect(releases).toEqual([
      { at, slugs: ['straddled'], again: false },
      { at: at + 300, slugs: ['straddled'], again: true },
      { at: at + 900, slugs: ['straddled'], again: true },
    ]);
  });

  test('stopped, it looks no more', async () => {
    db.schedule('never', 1_000);
    await start();
    clock.stop();
    const looks = db.looks;
    await vi.advanceTimersByTimeAsync(10 * SAFETY_NET_MS);
    expect(db.looks).toBe(looks);
    expect(releases).toEqual([]);
  });

  test('told by a request, it looks and releases outside that request’s context (Next would tie the expiry to it)', async () => {
    const request = new AsyncLocalStorage<string>();
    const contexts: Array<string | undefined> = [];
    const look = db.look.bind(db);
    db.look = (since) => {
      contexts.push(request.getStore());
      return look(since);
    };
    clock = new ReleaseClock({
      look: (since) => db.look(since),
      release: async () => void contexts.push(`release in ${request.getStore() ?? 'no request'}`),
      log: () => undefined,
    });
    await clock.start();
    db.schedule('told-by-a-notice', 1_000);
    await request.run('the notice', () => clock.lookAgain());
    await vi.advanceTimersByTimeAsync(1_000);
    expect(contexts).toEqual([undefined, undefined, undefined, 'release in no request']);
  });
});
