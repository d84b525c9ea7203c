import type http from 'node:http';
import type net from 'node:net';

/**
 * How long the production server (scripts/server.ts) gives a client, and how many
 * connections it holds at once. A client that trickles its headers, or connects and says
 * nothing, is answered 408 and let go within HEADERS_TIMEOUT_MS plus one check (Node looks
 * at its connections every CHECK_INTERVAL_MS; its default, 30 s, held such clients 64 s).
 */
export const HEADERS_TIMEOUT_MS = 5_000;
/** The whole request, body included (the largest, the import's notice, is at most 4 MB). */
export const REQUEST_TIMEOUT_MS = 10_000;
/** An idle connection between two requests (Node's default); nginx's own is shorter (deploy/nginx.conf). */
export const KEEP_ALIVE_TIMEOUT_MS = 5_000;
export const CHECK_INTERVAL_MS = 1_000;

export const SERVER_OPTIONS: http.ServerOptions = {
  headersTimeout: HEADERS_TIMEOUT_MS,
  requestTimeout: REQUEST_TIMEOUT_MS,
  keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
  connectionsCheckingInterval: CHECK_INTERVAL_MS,
};

/**
 * A browser opens at most 6 connections to a site; an office or a carrier's NAT puts many
 * readers behind one address, and the bench's spike is 200 clients on one. Behind a proxy
 * every connection comes from the proxy: set MAX_CONNECTIONS_PER_CLIENT=0 there and let the
 * proxy limit each reader (deploy/nginx.conf). The total leaves most of the process's files
 * (20,000 here) to everything else.
 */
export const DEFAULT_MAX_CONNECTIONS_PER_CLIENT = 256;
export const DEFAULT_MAX_CONNECTIONS = 4_000;

export interface ConnectionLimits {
  /** Connections held at once for one remote address; 0: no limit. */
  perClient: number;
  /** Connections held at once in all; 0: no limit. */
  total: number;
}

function count(env: Readonly<Record<string, string | undefined>>, name: string, fallback: number): number {
  const text = env[name]?.trim();
  if (!text) return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0)
    throw new Error(`${name} must be a whole number of connections (0: no limit), not "${env[name]}"`);
  return value;
}

/** MAX_CONNECTIONS_PER_CLIENT and MAX_CONNECTIONS, checked. */
export function connectionLimits(env: Readonly<Record<string, string | undefined>> = process.env): ConnectionLimits {
  return {
    perClient: count(env, 'MAX_CONNECTIONS_PER_CLIENT', DEFAULT_MAX_CONNECTIONS_PER_CLIENT),
    total: count(env, 'MAX_CONNECTIONS', DEFAULT_MAX_CONNECTIONS),
  };
}

/** One address, however the socket writes it (an IPv4 client of a dual-stack server is `::ffff:a.b.c.d`). */
const clientOf = (socket: net.Socket) => (socket.remoteAddress ?? '').replace(/^::ffff:/u, '');

/**
 * Closes, as soon as it connects, a connection past either limit; the others are served as
 * usual. The total is Node's own `maxConnections` (it closes what comes past it before any
 * listener sees it).
 */
export function limitConnections(server: http.Server, { perClient, total }: ConnectionLimits): void {
  if (total > 0) server.maxConnections = total;
  if (perClient === 0) return;
  const open = new Map<string, number>();
  server.on('connection', (socket: net.Socket) => {
    const client = clientOf(socket);
    const held = open.get(client) ?? 0;
    if (held >= perClient) {
      socket.destroy();
      return;
    }
    open.set(client, held + 1);
    socket.once('close', () => {
      const left = (open.get(client) ?? 1) - 1;
      if (left > 0) open.set(client, left);
      else open.delete(client);
    });
  });
}

/**
 * Whether a request asks to switch to WebSocket. Upgrade requests reach the request handler
 * (lib/http/front-door-server.ts) like any other, because the production server has no
 * 'upgrade' listener (scripts/server.ts): the
 * site has no live connections to offer, so those get a page that says so, and any other
 * protocol asked for (`Upgrade: h2c`, what `curl --http2` sends over plain HTTP) is ignored,
 * as RFC 9110 allows: the answer is the address's usual one, over HTTP/1.1.
 */
export const asksForWebSocket = (req: http.IncomingMessage): boolean =>
  /(?:^|,)\s*websocket\s*(?:$|,|\/)/iu.test(req.headers.upgrade ?? '');
