import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import type { Verdict } from '@/lib/front-door';
import { answerClientErrors, frontDoorListener, NOT_FOUND_PATH, type ToNext } from '@/lib/http/front-door-server';

// The front door's verdict for each address, made up here: the listener is what is tested.
const verdicts = new Map<string, Verdict | Promise<Verdict>>();
vi.mock('@/lib/front-door', () => ({
  frontDoor: (_method: string, url: string) => {
    const verdict = verdicts.get(url.replace(/\?.*$/su, ''));
    if (verdict === undefined) throw new Error(`no verdict for ${url}`);
    return verdict;
  },
}));

const HEADERS: ReadonlyArray<readonly [string, string]> = [['x-content-type-options', 'nosniff']];
// A server on a socket file of its own: no port taken from anyone.
const socketPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'front-door-server-')), 'server.sock');
const reachedNext: string[] = [];
const toNext: ToNext[] = [];
let server: http.Server;

beforeAll(async () => {
  server = http.createServer(
    frontDoorListener({
      handle: (req, res) => {
        reachedNext.push(req.url ?? '');
        res.writeHead(req.url === NOT_FOUND_PATH ? 404 : 200, { 'content-type': 'text/html' });
        res.end('from Next');
      },
      securityHeaders: HEADERS,
      beforeNext: (_req, res, route) => {
        toNext.push(route);
        for (const [name, value] of Object.entries(route.headers ?? {})) res.setHeader(name, value);
      },
      admit: (pathname) => pathname.startsWith('/__development/'),
    }),
  );
  answerClientErrors(server, HEADERS);
  await new Promise<void>((resolve) => server.listen(socketPath, resolve));
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(path.dirname(socketPath), { recursive: true, force: true });
});

beforeEach(() => {
  verdicts.clear();
  reachedNext.length = 0;
  toNext.length = 0;
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function ask(url: string, options: { method?: string; headers?: Record<string, string> } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request({ socketPath, path: url, method: options.method ?? 'GET', headers: options.headers });
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** What the server writes back to bytes sent as they are, until it closes the connection. */
function exchange(raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(socketPath);
    let text = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('end', () => resolve(text));
    socket.on('error', reject);
    socket.end(raw);
  });
}

describe('the front door as the servers serve it', () => {
  test('a page the front door lets through comes from Next, with the headers it adds', async () => {
    verdicts.set('/', { action: 'next', url: '/front/today', headers: { 'x-edition': 'today' } });
    const answer = await ask('/?page=1');
    expect(answer.status).toBe(200);
    expect(answer.body).toBe('from Next');
    expect(answer.headers['x-content-type-options']).toBe('nosniff');
    expect(reachedNext).toEqual(['/front/today?page=1']);
    expect(toNext).toEqual([{ pathname: '/front/today', headers: { 'x-edition': 'today' }, notFound: false }]);
  });

  test('a made-up address gets Next’s 404 page', async () => {
    verdicts.set('/world/made-up', Promise.resolve({ action: 'not-found' }));
    const answer = await ask('/world/made-up');
    expect(answer.status).toBe(404);
    expect(reachedNext).toEqual([NOT_FOUND_PATH]);
    expect(toNext).toEqual([{ pathname: NOT_FOUND_PATH, notFound: true }]);
  });

  test('a moved article is redirected, and a page that can only be read refuses a POST, without Next', async () => {
    verdicts.set('/sport/moved', { action: 'redirect', location: '/world/moved' });
    verdicts.set('/world', { action: 'page', status: 405 });
    const moved = await ask('/sport/moved');
    expect(moved.status).toBe(308);
    expect(moved.headers.location).toBe('/world/moved');
    const posted = await ask('/world', { method: 'POST' });
    expect(posted.status).toBe(405);
    expect(posted.headers.allow).toBe('GET, HEAD');
    expect(posted.body).toContain('<h1>Not allowed</h1>');
    expect(reachedNext).toEqual([]);
  });

  test('when the front door fails, the reader gets the 503 page, which says when to try again', async () => {
    const failing = Promise.reject(new Error('the database did not answer'));
    failing.catch(() => undefined); // handled by the listener, once asked
    verdicts.set('/world', failing);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const answer = await ask('/world');
    error.mockRestore();
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe('60');
    expect(answer.body).toContain('<h1>Temporarily unavailable</h1>');
  });

  test('a WebSocket upgrade gets a page that says the site has no live connections, and the connection closes', async () => {
    verdicts.set('/', { action: 'next' });
    const text = await exchange(
      'GET / HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n',
    );
    expect(text).toMatch(/^HTTP\/1\.1 400 /u);
    expect(text).toMatch(/\r\nconnection: close\r\n/iu);
    expect(text).toContain('<h1>No live connection</h1>');
    expect(reachedNext).toEqual([]);
  });

  test('framework data is marked as nobody’s to share; a router state Next’s client never made gets the 400 page', async () => {
    verdicts.set('/world', { action: 'next' });
    const data = await ask('/world', { headers: { rsc: '1' } });
    expect(data.status).toBe(200);
    expect(data.headers['cache-control']).toBe('private, no-store');
    const made = await ask('/world', { headers: { rsc: '1', 'next-router-state-tree': 'not a router state' } });
    expect(made.status).toBe(400);
    expect(made.body).toContain('<h1>Bad address</h1>');
    expect(reachedNext).toEqual(['/world']);
  });

  test('an address the development server keeps for Next reaches it without the front door', async () => {
    const answer = await ask('/__development/stack-frames');
    expect(answer.status).toBe(200);
    expect(reachedNext).toEqual(['/__development/stack-frames']);
    expect(toNext).toEqual([]);
  });

  test('headers too long to be read get a page that says so (without its body for a HEAD)', async () => {
    const long = `X-Long: ${'a'.repeat(20_000)}\r\n`;
    const get = await exchange(`GET / HTTP/1.1\r\nHost: localhost\r\n${long}\r\n`);
    expect(get).toMatch(/^HTTP\/1\.1 431 Request Header Fields Too Large\r\n/u);
    expect(get).toContain('x-content-type-options: nosniff\r\n');
    expect(get).toContain('<h1>Address too long</h1>');
    const head = await exchange(`HEAD / HTTP/1.1\r\nHost: localhost\r\n${long}\r\n`);
    expect(head).toMatch(/^HTTP\/1\.1 431 /u);
    expect(head.endsWith('\r\n\r\n')).toBe(true);
    const malformed = await exchange('GET / NOT-HTTP\r\n\r\n');
    expect(malformed).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/u);
    expect(malformed).toContain('<h1>Bad address</h1>');
  });
});
