import { z } from 'zod';
import { eraseEverywhere, expireEverywhere } from '@/lib/caches';
import { TAG_PATTERN } from '@/lib/cache-tags';
import { checkNotice, NOTICE_WINDOW_MS, noticeToken, SeenNonces } from '@/lib/revalidate-notice';
import { sharedCache } from '@/lib/shared-cache/store';

const MAX_TAGS = 20_000;
// `erase`: a legal removal's notice (lib/withdrawal/): what carries the tags is deleted, not only expired.
const notice = z.object({ tags: z.array(z.string().regex(TAG_PATTERN)).max(MAX_TAGS), erase: z.boolean().optional() });
/** The longest notice of MAX_TAGS tags (each at most 207 characters, quoted, with a comma), and some. */
const MAX_BODY_BYTES = MAX_TAGS * 256;

/** The nonces of the notices this instance took, for as long as a notice can be sent again. */
const seen = new SeenNonces();

const refused = () => Response.json({ error: 'not authorized' }, { status: 401 });

/** The body as text, or null when it is longer than a notice can be (read no further). */
async function readBody(request: Request): Promise<string | null> {
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return null;
  const reader = request.body?.getReader();
  if (!reader) return '';
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > MAX_BODY_BYTES) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Whether this notice's nonce is seen for the first time: here, and with REDIS_URL in Redis
 * too, so that a notice taken by one instance is refused by every other (while Redis does
 * not answer, only by this one).
 */
async function firstTime(nonce: string, expiresAt: number): Promise<boolean | null> {
  // Kept twice the window: an instance whose clock is behind the signer's still takes it that long.
  const here = seen.claim(nonce, expiresAt + NOTICE_WINDOW_MS);
  if (here !== true) return here;
  const shared = sharedCache();
  if (!shared) return true;
  await shared.ready;
  return (await shared.claimOnce(`notice:${nonce}`, 2 * NOTICE_WINDOW_MS)) ?? true;
}

/**
 * The import script's notice of what changed, signed over its body with a time and a nonce
 * (lib/revalidate-notice.ts): expire those cache tags, at once, on every instance (expireEverywhere, lib/caches.ts).
 */
export async function POST(request: Request) {
  const authorization = request.headers.get('authorization');
  // What the header alone says is checked first: a body is read (that far at most) only under a
  // token of the right form, signed within the minute.
  if ('reason' in noticeToken(authorization) || !process.env.REVALIDATE_SECRET) return refused();
  const body = await readBody(request).catch(() => null);
  if (body === null) return Response.json({ error: 'not a notice' }, { status: 413 });
  const check = checkNotice(authorization, body, process.env.REVALIDATE_SECRET);
  if (!check.ok) return refused();
  const first = await firstTime(check.nonce, check.expiresAt);
  if (first === null) return Response.json({ error: 'too many notices at once' }, { status: 503 });
  if (!first) return refused();
  let json: unknown = null;
  try {
    json = JSON.parse(body);
  } catch {
    // answered below
  }
  const parsed = notice.safeParse(json);
  if (!parsed.success) return Response.json({ error: 'expected {"tags": ["article:<slug>", …]}' }, { status: 400 });
  const tags = [...new Set(parsed.data.tags)];
  const reach = parsed.data.erase ? await eraseEverywhere(tags) : await expireEverywhere(tags);
  return Response.json({ expired: tags.length, reach });
}
