import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * How the import's notice to /api/revalidate is signed, so that only the holder of
 * REVALIDATE_SECRET can send one and a notice seen once (on the wire, in a proxy's log)
 * cannot be sent again:
 *
 *   Authorization: Bearer v1.<time>.<nonce>.<signature>
 *
 * `time` is when it was signed (ms since the epoch, decimal), `nonce` 16 random bytes
 * (base64url), `signature` the HMAC-SHA256 (key: the secret, base64url) of
 * `v1.<time>.<nonce>.` followed by the exact bytes of the body. The site takes a notice
 * at most NOTICE_WINDOW_MS away from its clock, and each nonce once.
 */
export const NOTICE_WINDOW_MS = 60_000;

const SCHEME = 'Bearer ';
const TOKEN = /^v1\.(\d{1,15})\.([\w-]{22})\.([\w-]{43})$/u;

const signature = (secret: string, time: string, nonce: string, body: string): Buffer =>
  createHmac('sha256', secret).update(`v1.${time}.${nonce}.`).update(body, 'utf8').digest();

/** The Authorization header of a notice with this body, signed now. */
export function signNotice(secret: string, body: string, now = Date.now()): string {
  const time = String(Math.floor(now));
  const nonce = randomBytes(16).toString('base64url');
  return `${SCHEME}v1.${time}.${nonce}.${signature(secret, time, nonce, body).toString('base64url')}`;
}

export type NoticeCheck = { ok: true; nonce: string; expiresAt: number } | { ok: false; reason: string };

interface NoticeToken {
  time: string;
  nonce: string;
  signature: string;
}

/**
 * The token of a notice's header, if it has the scheme, the form and a time within the
 * window of `now`: what can be checked before reading the body.
 */
export function noticeToken(header: string | null, now = Date.now()): NoticeToken | { reason: string } {
  if (!header?.startsWith(SCHEME)) return { reason: 'expected "Authorization: Bearer <token>"' };
  const match = TOKEN.exec(header.slice(SCHEME.length));
  if (!match) return { reason: 'not a signed notice' };
  const [, time = '', nonce = '', signature = ''] = match;
  if (Math.abs(now - Number(time)) > NOTICE_WINDOW_MS) return { reason: 'signed too long ago or ahead' };
  return { time, nonce, signature };
}

/**
 * Whether this header signs this body with the secret, within the window of `now`. The
 * nonce is the caller's to claim: a notice is good only the first time its nonce is seen
 * before `expiresAt`.
 */
export function checkNotice(
  header: string | null,
  body: string,
  secret: string | undefined,
  now = Date.now(),
): NoticeCheck {
  if (!secret) return { ok: false, reason: 'no secret is set' };
  const token = noticeToken(header, now);
  if ('reason' in token) return { ok: false, reason: token.reason };
  const expected = signature(secret, token.time, token.nonce, body);
  const sent = Buffer.from(token.signature, 'base64url');
  if (sent.length !== expected.length || !timingSafeEqual(sent, expected))
    return { ok: false, reason: 'bad signature' };
  return { ok: true, nonce: token.nonce, expiresAt: Number(token.time) + NOTICE_WINDOW_MS };
}

/** Nonces seen, each until its notice's window ends: the window bounds them, and so does `max`. */
export class SeenNonces {
  private readonly seen = new Map<string, number>();

  constructor(private readonly max = 10_000) {}

  /** True the first time (the nonce is now taken), false if seen; null if full of live notices. */
  claim(nonce: string, expiresAt: number, now = Date.now()): boolean | null {
    for (const [old, until] of this.seen) if (until < now) this.seen.delete(old);
    if (this.seen.has(nonce)) return false;
    if (this.seen.size >= this.max) return null;
    this.seen.set(nonce, expiresAt);
    return true;
  }

  get size(): number {
    return this.seen.size;
  }
}
