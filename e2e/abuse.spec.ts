import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_DATA_DIR } from '../playwright.config';
import { signNotice } from '../lib/revalidate-notice';
import { fuzzRequests, isMachineReadable, type FuzzRequest } from '../test/support/fuzz';
import { AUTHOR, TAG, importBylineArticles } from './support/bylines';
import { REMOVED, WITHDRAWN, addressesOf, goneArticles } from './support/gone';
import { SEED_ARTICLES } from './support/seed';

// The fuzz's author and tag addresses name real ones too.
test.beforeAll(importBylineArticles);

/** One raw request (no client-side normalisation of the address, as a scanner sends it). */
function send(base: string, { method, path }: FuzzRequest) {
  const url = new URL(base);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }>((resolve, reject) => {
    const request = http.request(
      { host: url.hostname, port: url.port, method, path, headers: { 'content-length': '0' } },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(chunks).toString(),
          }),
        );
      },
    );
    request.on('error', reject);
    request.end();
  });
}

test('2,000 made-up, malformed and hostile addresses with every method: no 5xx, every 4xx a full page that says what was wrong', async ({
  baseURL,
}) => {
  test.setTimeout(180_000);
  const requests = fuzzRequests(2_000);
  expect(requests.length).toBeGreaterThanOrEqual(2_000);
  const failures: string[] = [];
  const statuses = new Map<number, number>();
  let next = 0;
  const worker = async () => {
    while (next < requests.length) {
      const request = requests[next++]!;
      const { status, headers, body } = await send(baseURL!, request);
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      const where = `${request.method} ${request.path.slice(0, 120)}`;
      if (status >= 500) failures.push(`${where}: ${status}`);
      if (status < 400 || status >= 500 || request.method === 'HEAD') continue;
      if (/at \S+ \(|node_modules|\.tsx?:\d+/u.test(body)) failures.push(`${where}: a stack trace`);
      if (isMachineReadable(request.path) && !String(headers['content-type']).startsWith('text/html')) {
        if (body.trim().length === 0) failures.push(`${where}: ${status} with an empty body`);
        continue;
      }
      if (!/^<!doctype html>/iu.test(body) || !/<h1[\s>]/u.test(body) || !body.includes('href="/"'))
        failures.push(`${where}: ${status} is not a full page`);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  console.log(`statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
  expect(failures).toEqual([]);
  // The site itself still answers.
  expect((await send(baseURL!, { method: 'GET', path: SEED_ARTICLES[0].path })).status).toBe(200);
  expect((await send(baseURL!, { method: 'GET', path: AUTHOR.path })).status).toBe(200);
  expect((await send(baseURL!, { method: 'GET', path: `/lite${TAG.path}` })).status).toBe(200);
  expect((await send(baseURL!, { method: 'GET', path: '/corrections' })).status).toBe(200);
});

test('around a withdrawn and a removed article, made-up, malformed and hostile addresses with every method: no 5xx, 410 and 451 only at their addresses, every 4xx a full page', async ({
  baseURL,
}) => {
  test.setTimeout(120_000);
  await goneArticles(baseURL);
  const variants = (path: string) => [
    ...addressesOf(path),
    `${path}?page=2`,
    `${path}/`,
    `${path}/x`,
    `${path}.MD`,
    `${path}.md/x`,
    `${path}%00`,
    `${path}%2F..%2F..`,
    `${path}/opengraph-image/x`,
    `/${path.split('/').at(-1)}`,
    `/lite/lite${path}`,
    path.toUpperCase(),
    `//${path.slice(1)}`,
    `${path}/../../etc/passwd`,
  ];
  const failures: string[] = [];
  for (const [gone, status] of [
    [WITHDRAWN.path, 410],
    [REMOVED.path, 451],
  ] as const) {
    const exact = new Set([...addressesOf(gone), `${gone}?page=2`]);
    for (const path of variants(gone)) {
      for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
        const answer = await send(baseURL!, { method, path });
        const where = `${method} ${path}: ${answer.status}`;
        if (answer.status >= 500) failures.push(where);
        const readable = method === 'GET' || method === 'HEAD';
        if ((answer.status === status) !== (readable && exact.has(path))) failures.push(`${where}, not ${status}`);
        if (answer.status === 451 && answer.body.includes(REMOVED.headline))
          failures.push(`${where} names the article`);
        // The Markdown copies answer in Markdown, the chain in JSON.
        if (method === 'HEAD' || /\.(md|json)$/u.test(path) || answer.status < 400 || answer.status >= 500) continue;
        if (
          !/^<!doctype html>/iu.test(answer.body) ||
          !/<h1[\s>]/u.test(answer.body) ||
          !answer.body.includes('href="/')
        )
          failures.push(`${where} is not a full page`);
      }
    }
  }
  expect(failures).toEqual([]);
});

test('an address over 16 KB gets a page that says it is too long', async ({ baseURL }) => {
  const { status, body } = await send(baseURL!, { method: 'GET', path: `/${'x'.repeat(20_000)}` });
  expect(status).toBe(431);
  expect(body).toContain('<h1>Address too long</h1>');
});

test('a share image is drawn once, sent with the site’s shared cache header, and answers If-None-Match with 304', async ({
  request,
}) => {
  const address = `${SEED_ARTICLES[0].path}/opengraph-image`;
  const first = await request.get(address);
  expect(first.status()).toBe(200);
  expect(first.headers()['content-type']).toBe('image/png');
  expect(first.headers()['cache-control']).toMatch(/public.*s-maxage=60/u);
  const etag = first.headers().etag ?? '';
  expect(etag).toMatch(/^"[\w-]+"$/u);
  const again = await request.get(address, { headers: { 'if-none-match': etag } });
  expect(again.status()).toBe(304);
  expect((await again.body()).byteLength).toBe(0);
  const other = await request.get(`${SEED_ARTICLES[1].path}/opengraph-image`);
  expect(other.headers().etag).not.toBe(etag);
});

test('the revalidation endpoint answers 401 to every wrong token, whatever its bytes or length', async ({
  request,
}) => {
  for (const token of ['', 'x', 'é'.repeat(24), '\u00ff'.repeat(48), 'a'.repeat(10_000), 'Bearer']) {
    const response = await request.post('/api/revalidate', {
      headers: { authorization: `Bearer ${token}` },
      data: { tags: ['front'] },
    });
    expect(response.status(), JSON.stringify(token.slice(0, 10))).toBe(401);
  }
});

test('a notice of changed pages is taken once, signed now and with the Bearer scheme; sent again, it is refused', async ({
  request,
}) => {
  // The secret `npm start` gave the site, as an import on this machine finds it.
  const { secret } = JSON.parse(fs.readFileSync(path.join(E2E_DATA_DIR, 'site.json'), 'utf8')) as { secret: string };
  const body = JSON.stringify({ tags: ['front'] });
  const post = (authorization: string) =>
    request.post('/api/revalidate', { headers: { authorization, 'content-type': 'application/json' }, data: body });
  const notice = signNotice(secret, body);
  const first = await post(notice);
  expect(first.status()).toBe(200);
  expect(await first.json()).toMatchObject({ expired: 1 });
  expect((await post(notice)).status()).toBe(401);
  expect((await post(notice.slice('Bearer '.length))).status()).toBe(401);
  expect((await post(signNotice(secret, body, Date.now() - 120_000))).status()).toBe(401);
  expect((await post(`Bearer ${secret}`)).status()).toBe(401);
  expect((await post(secret)).status()).toBe(401);
});

test('a router state Next’s client never made gets the 400 page before Next sees it; the real one is served', async ({
  baseURL,
}) => {
  const url = new URL(baseURL!);
  const ask = (state: string) =>
    new Promise<{ status: number; body: string; cacheControl: string }>((resolve, reject) => {
      const request = http.get(
        {
          host: url.hostname,
          port: url.port,
          path: '/search?q=aleppo',
          headers: { rsc: '1', 'next-router-state-tree': state },
        },
        (response) => {
          let body = '';
          response.on('data', (chunk: Buffer) => (body += chunk.toString()));
          response.on('end', () =>
            resolve({
              status: response.statusCode ?? 0,
              body,
              cacheControl: String(response.headers['cache-control']),
            }),
          );
        },
      );
      request.on('error', reject);
    });
  // Made up: Next itself would fail on it (and log it) and the site send its 503 page.
  const madeUp = await ask(encodeURIComponent(JSON.stringify({ children: [] })));
  expect(madeUp.status).toBe(400);
  expect(madeUp.body).toContain('<h1>Bad address</h1>');
  expect(madeUp.cacheControl).toContain('no-store');
  // What Next's client sends from the front page.
  const real = await ask(
    encodeURIComponent(
      JSON.stringify(['', { children: [['edition', 'today', 'd', null], { children: ['__PAGE__', {}] }] }, null, null]),
    ),
  );
  // Next answers it: the page's data, or (without the cache-busting `_rsc` parameter its client adds) a 307 to it.
  expect([200, 307]).toContain(real.status);
});
