import { beforeEach, describe, expect, it, vi } from 'vitest';
import { checkNotice, SeenNonces, signNotice } from './revalidate-notice';

const expired = vi.hoisted(() => [] as string[][]);
vi.mock('@/lib/caches', () => ({
  expireEverywhere: (tags: string[]) => {
    expired.push(tags);
    return Promise.resolve('this instance');
  },
}));
vi.mock('@/lib/shared-cache/store', () => ({ sharedCache: () => null }));

const { POST } = await import('@/app/api/revalidate/route');

const SECRET = 'the-site-secret';
const body = JSON.stringify({ tags: ['front', 'article:a-story'] });
const post = (authorization: string | null, text = body) =>
  POST(
    new Request('http://localhost/api/revalidate', {
      method: 'POST',
      headers: authorization === null ? {} : { authorization },
      body: text,
    }),
  );

describe('the notice that an import changed pages', () => {
  beforeEach(() => {
    vi.stubEnv('REVALIDATE_SECRET', SECRET);
    expired.length = 0;
  });

  it('is taken once when signed now: the pages are expired', async () => {
    const response = await post(signNotice(SECRET, body));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ expired: 2, reach: 'this instance' });
    expect(expired).toEqual([['front', 'article:a-story']]);
  });

  it('is refused when sent again', async () => {
    const header = signNotice(SECRET, body);
    expect((await post(header)).status).toBe(200);
    expect((await post(header)).status).toBe(401);
    expect(expired).toHaveLength(1);
  });

  it('is refused when signed more than a minute ago, or ahead', async () => {
    expect((await post(signNotice(SECRET, body, Date.now() - 61_000))).status).toBe(401);
    expect((await post(signNotice(SECRET, body, Date.now() + 61_000))).status).toBe(401);
    expect(expired).toHaveLength(0);
  });

  it('is refused without the Bearer scheme, or with the bare secret', async () => {
    const header = signNotice(SECRET, body);
    for (const authorization of [
      header.slice('Bearer '.length),
      header.replace('Bearer ', 'bearer '),
      header.replace('Bearer ', 'Basic '),
      SECRET,
      `Bearer ${SECRET}`,
      null,
    ])
      expect((await post(authorization)).status, String(authorization)).toBe(401);
    expect(expired).toHaveLength(0);
  });

  it('is refused when its body or signature was changed, or signed with another secret', async () => {
    const header = signNotice(SECRET, body);
    expect((await post(header, JSON.stringify({ tags: ['front'] }))).status).toBe(401);
    expect((await post(`${header.slice(0, -2)}AA`)).status).toBe(401);
    expect((await post(signNotice('another-secret', body))).status).toBe(401);
    vi.stubEnv('REVALIDATE_SECRET', '');
    expect((await post(signNotice('', body))).status).toBe(401);
    expect(expired).toHaveLength(0);
  });
});

describe('a body longer than any notice', () => {
  beforeEach(() => vi.stubEnv('REVALIDATE_SECRET', SECRET));

  it('is refused, unread past the bound, whatever its token', async () => {
    const huge = JSON.stringify({ tags: Array.from({ length: 30_000 }, () => `article:${'a'.repeat(200)}`) });
    expect((await post(signNotice(SECRET, huge), huge)).status).toBe(413);
    expect((await post(`Bearer ${SECRET}`, huge)).status).toBe(401);
    expect(expired).toHaveLength(0);
  });
});

describe('the nonces a site remembers', () => {
  it('are forgotten once their notice can no longer be sent, and bounded meanwhile', () => {
    const seen = new SeenNonces(3);
    expect(seen.claim('a', 1_000, 0)).toBe(true);
    expect(seen.claim('a', 1_000, 500)).toBe(false);
    expect(seen.claim('b', 1_000, 500)).toBe(true);
    expect(seen.claim('c', 1_000, 500)).toBe(true);
    expect(seen.claim('d', 1_000, 500)).toBeNull();
    expect(seen.claim('d', 3_000, 1_001)).toBe(true);
    expect(seen.size).toBe(1);
  });

  it('never take a good signature over another body', () => {
    const header = signNotice('s', '{"tags":[]}', 10_000);
    expect(checkNotice(header, '{"tags":[]}', 's', 10_000).ok).toBe(true);
    expect(checkNotice(header, '{"tags":[] }', 's', 10_000).ok).toBe(false);
  });
});
