import fs from 'node:fs';
import net from 'node:net';
import { expect, test } from '@playwright/test';
import { DEFAULT_MAX_CONNECTIONS_PER_CLIENT } from '../lib/http/connection-policy';
import { E2E_PORT } from '../playwright.config';
import { SEED_ARTICLES } from './support/seed';

// The production server's sockets, as a stranger on the network would use them: raw TCP
// clients from loopback addresses of this spec's own (127.0.0.x is all this machine), so
// that what is counted, and what the per-client limit cuts, is never another spec's traffic.
const article = SEED_ARTICLES[0];
const FLOOD = 300;
const floodAddresses = Array.from({ length: 10 }, (_, i) => `127.0.0.${200 + i}`);

test.describe.configure({ mode: 'serial' });

/** Sockets the server's process holds for clients from these addresses: from /proc/net/tcp{,6}, owned (inode ≠ 0). */
function serverSockets(from: readonly string[]): number {
  const wanted = new Set(from);
  const port = E2E_PORT.toString(16).toUpperCase().padStart(4, '0');
  let held = 0;
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/u);
      const [local, remote, state, inode] = [fields[1], fields[2], fields[3], fields[9]];
      if (!local?.endsWith(`:${port}`) || !remote || state === '0A' || inode === '0') continue;
      if (wanted.has(ipv4Of(remote.split(':')[0] ?? ''))) held++;
    }
  }
  return held;
}

/** The IPv4 address in /proc's hex form: 8 digits, or 32 for an IPv4-mapped IPv6 one; little-endian words. */
function ipv4Of(hex: string): string {
  const word = hex.length === 32 ? hex.slice(24) : hex;
  return (word.match(/../gu) ?? [])
    .reverse()
    .map((byte) => parseInt(byte, 16))
    .join('.');
}

interface Exchange {
  /** Everything the server sent. */
  text: string;
  /** Whether the server ended the connection (within the wait). */
  closedByServer: boolean;
}

/** One raw request from `from`; waits for the server to end the connection, or for `waitMs`. */
function exchange(request: string, { from = '127.0.0.1', waitMs = 5_000 } = {}): Promise<Exchange> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: '127.0.0.1', port: E2E_PORT, localAddress: from });
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      resolve({ text, closedByServer: false });
    }, waitMs);
    socket.on('connect', () => socket.write(request));
    socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
    socket.on('end', () => {
      clearTimeout(timer);
      socket.destroy();
      resolve({ text, closedByServer: true });
    });
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

const webSocketUpgrade = (path: string) =>
  `GET ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
  'Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n';
const h2cUpgrade = (path: string, method = 'GET') =>
  `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\n` +
  'HTTP2-Settings: AAMAAABkAARAAAAAAAIAAAAA\r\nAccept: */*\r\n\r\n';

/**
 * FLOOD raw connections from the spec's own addresses, each set up by `setUp`; resolves with
 * the sockets once every one has called `done` (or failed to connect).
 */
async function flood(setUp: (socket: net.Socket, i: number, done: () => void) => void): Promise<net.Socket[]> {
  const sockets: net.Socket[] = [];
  await Promise.all(
    Array.from(
      { length: FLOOD },
      (_, i) =>
        new Promise<void>((resolve) => {
          const socket = net.connect({ host: '127.0.0.1', port: E2E_PORT, localAddress: floodAddresses[i % 10] });
          sockets.push(socket);
          socket.on('error', () => resolve());
          setUp(socket, i, () => resolve());
          socket.resume();
        }),
    ),
  );
  return sockets;
}

/** Waits (up to 10 s) until the server holds no socket from these addresses; returns how many it still held then. */
async function heldAfterTenSeconds(from: readonly string[]): Promise<number> {
  const until = Date.now() + 10_000;
  let held = serverSockets(from);
  while (held > 0 && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    held = serverSockets(from);
  }
  return held;
}

test('a WebSocket upgrade is refused with a page that says so, and the server closes the connection', async () => {
  const { text, closedByServer } = await exchange(webSocketUpgrade('/'));

  expect(text).toMatch(/^HTTP\/1\.1 (?:400|426) /u);
  const [head = '', body = ''] = text.split('\r\n\r\n');
  expect(head).toMatch(/^content-type: text\/html/imu);
  expect(head).toMatch(/^connection: close/imu);
  expect(body).toContain('<h1>');
  expect(closedByServer).toBe(true);
});

test('curl --http2 over plain HTTP (Upgrade: h2c) gets the page over HTTP/1.1, then the connection closes', async () => {
  const page = await exchange(h2cUpgrade(article.path));

  expect(page.text).toMatch(/^HTTP\/1\.1 200 /u);
  expect(page.text).toMatch(/^content-type: text\/html/imu);
  expect(page.text).toContain('Syrian City');
  expect(page.closedByServer).toBe(true);

  const head = await exchange(h2cUpgrade(article.path, 'HEAD'));
  expect(head.text).toMatch(/^HTTP\/1\.1 200 /u);
  expect(head.text.split('\r\n\r\n')[1]).toBe('');
  expect(head.closedByServer).toBe(true);
});

test(`${FLOOD} upgrade requests whose clients hang up leave no socket behind within 10 s`, async () => {
  test.setTimeout(60_000);
  const baseline = serverSockets(floodAddresses);
  expect(baseline).toBe(0);

  await flood((socket, i, done) => {
    // The client hangs up at once, as the finding's did: the server must still let go.
    socket.on('connect', () => socket.end(i % 2 ? webSocketUpgrade('/') : h2cUpgrade(`/world/made-up-${i}`)));
    socket.on('finish', () => socket.destroy());
    socket.on('close', done);
  });

  expect(await heldAfterTenSeconds(floodAddresses)).toBe(0);
});

test(`${FLOOD} clients that trickle their headers are let go within 10 s, and the site keeps answering`, async ({
  request,
}) => {
  test.setTimeout(60_000);
  const sockets: net.Socket[] = [];
  const timers: NodeJS.Timeout[] = [];
  try {
    sockets.push(
      ...(await flood((socket, i, done) => {
        socket.on('connect', () => {
          socket.write(`GET /world HTTP/1.1\r\nHost: 127.0.0.1\r\n`);
          timers.push(setInterval(() => socket.writable && socket.write(`X-Slow-${i}: still typing\r\n`), 1_000));
          done();
        });
        socket.on('end', () => socket.destroy());
      })),
    );
    // Accepted once the server's loop gets to them (on a busy machine, a moment after they connect).
    await expect.poll(() => serverSockets(floodAddresses), { timeout: 5_000 }).toBeGreaterThan(0);
    expect((await request.get('/')).status()).toBe(200);

    expect(await heldAfterTenSeconds(floodAddresses)).toBe(0);
  } finally {
    for (const timer of timers) clearInterval(timer);
    for (const socket of sockets) socket.destroy();
  }
});

test('a client past its connection limit is closed at once, while other clients are served', async ({ request }) => {
  test.setTimeout(60_000);
  const greedy = '127.0.0.150';
  const held: net.Socket[] = [];
  try {
    // Idle connections: the server lets them go after its headers timeout (5 s), so all of this happens before.
    await Promise.all(
      Array.from({ length: DEFAULT_MAX_CONNECTIONS_PER_CLIENT }, () => {
        const socket = net.connect({ host: '127.0.0.1', port: E2E_PORT, localAddress: greedy });
        socket.on('error', () => undefined);
        held.push(socket);
        return new Promise((resolve) => socket.once('connect', resolve));
      }),
    );
    await expect.poll(() => serverSockets([greedy]), { timeout: 2_000 }).toBe(DEFAULT_MAX_CONNECTIONS_PER_CLIENT);

    const past = await exchange(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n`, { from: greedy, waitMs: 1_500 }).catch(
      (error: NodeJS.ErrnoException) => ({ text: '', closedByServer: error.code === 'ECONNRESET' }),
    );
    expect(past.text).toBe('');
    expect(past.closedByServer).toBe(true);

    const other = await exchange(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, {
      from: '127.0.0.151',
    });
    expect(other.text).toMatch(/^HTTP\/1\.1 200 /u);
    expect((await request.get('/')).status()).toBe(200);
  } finally {
    for (const socket of held) socket.destroy();
  }
  // Once its connections are closed, the same client is served again.
  await expect.poll(() => serverSockets([greedy])).toBe(0);
  const again = await exchange(`GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`, { from: greedy });
  expect(again.text).toMatch(/^HTTP\/1\.1 200 /u);
});
