import { createHash } from 'node:crypto';
import { createClient, RESP_TYPES } from '@redis/client';
import { z } from 'zod';
import { processWide } from '@/lib/process-state';

/**
 * The shared cache on Redis (REDIS_URL): rendered pages and cached reads that every
 * instance of the site reads and writes, and the times at which cache tags expired, so
 * that an import's notice to any one instance expires a page on all of them at once.
 *
 * In Redis, under the prefix (REDIS_KEY_PREFIX, default `newsroom:`):
 * - `tags`: a hash, tag → when it expired (ms, Redis's clock). The tag `*` is on every
 *   entry: set when the shared entries cannot be trusted (see lib/shared-cache/content-version.ts).
 * - `e:<build>:<key>`: an entry, a hash of its version, when it was made (`m`), its tags
 *   and its bytes; it lives an hour past its last write (Redis evicts first what is oldest,
 *   with `maxmemory-policy volatile-lru`; the tags hash has no time to live and is never evicted).
 * - `lsn`: the primary's WAL position after the last import (lib/db/read-position.ts).
 * - `content`: the version of the database's content the entries were made from.
 * - channel `expired`: each expiry, which every instance publishes to its in-process caches
 *   as a change of content (lib/content-changed.ts, scripts/server.ts).
 * - channel `erased`: the tags of a legal removal's erasure (`eraseTagged`): every instance
 *   deletes its own copies of what carries them.
 *
 * When Redis does not answer, the site goes on with what it has in memory: every call
 * here fails within REDIS_TIMEOUT_MS, reports it once, and tries again in the background.
 */
const configSchema = z.object({
  REDIS_URL: z
    .string()
    .trim()
    .regex(/^rediss?:\/\//u, 'REDIS_URL must be a redis:// or rediss:// URL'),
  REDIS_KEY_PREFIX: z.string().trim().min(1).default('newsroom:'),
  REDIS_TIMEOUT_MS: z.coerce.number().int().positive().default(500),
});

export type SharedCacheConfig = { url: string; prefix: string; timeoutMs: number };

/** The shared cache's settings, or null without REDIS_URL (the site then caches in its own memory and folder). */
export function sharedCacheConfig(env: NodeJS.ProcessEnv = process.env): SharedCacheConfig | null {
  if (!env.REDIS_URL?.trim()) return null;
  const parsed = configSchema.parse(env);
  return { url: parsed.REDIS_URL, prefix: parsed.REDIS_KEY_PREFIX, timeoutMs: parsed.REDIS_TIMEOUT_MS };
}

/** How long an entry stays in Redis after it was last written. */
export const ENTRY_TTL_SECONDS = 3_600;
/** Tags to a command: an import past ARTICLES_PER_NOTICE names a few thousand at most. */
const TAGS_PER_COMMAND = 1_000;
const PROBE_INTERVAL_MS = 1_000;

/**
 * One round trip per read: is the entry there, has any of its tags (or the read's soft
 * tags) expired since it was made, and is the copy this instance holds (`version`) still
 * the one in Redis? Only when it is not are the entry's bytes sent.
 */
const CHECK_SCRIPT = `
local meta = redis.call('HMGET', KEYS[1], 'v', 'm', 't')
if not meta[1] then return {0} end
local made = tonumber(meta[2])
local now = tonumber(ARGV[2])
local names = {'*'}
if meta[3] and meta[3] ~= '' then
  for tag in string.gmatch(meta[3], '[^,]+') do names[#names + 1] = tag end
end
for i = 3, #ARGV do names[#names + 1] = ARGV[i] end
local expired = redis.call('HMGET', KEYS[2], unpack(names))
for i = 1, #expired do
  local at = tonumber(expired[i])
  if at and at > made and at <= now then return {1, redis.call('GET', KEYS[3]) or ''} end
end
if meta[1] == ARGV[1] then return {2, meta[2]} end
return {3, meta[2], meta[1], redis.call('HGET', KEYS[1], 'd')}
`;
const CHECK_SHA = createHash('sha1').update(CHECK_SCRIPT).digest('hex');

export interface StoredEntry {
  version: string;
  /** When it was made, in Redis's clock (ms). */
  lastModified: number;
  tags: readonly string[];
  bytes: Buffer;
}

export type CheckResult =
  | { state: 'missing' }
  | { state: 'expired'; lsn: string }
  | { state: 'current'; lastModified: number }
  | { state: 'changed'; entry: StoredEntry };

/** An expiry, as every instance hears of it. */
export interface ExpiryNotice {
  /** Each tag with when it expired (Redis's clock, ms). */
  expiries: [string, number][];
  lsn: string | null;
}

type Client = ReturnType<typeof createClient>;
const BUFFERS = { typeMapping: { [RESP_TYPES.BLOB_STRING]: Buffer } } as const;

export class SharedCache {
  readonly prefix: string;
  /** The first connection has been tried (and, if it worked, made current by the connect hooks). */
  readonly ready: Promise<void>;
  private readonly client: Client;
  private subscriber: Client | null = null;
  private readonly target: string;
  private available = false;
  private reportedDown = false;
  private closed = false;
  /** Redis's clock minus this machine's (ms): every time stored in Redis is in Redis's clock. */
  private offset = 0;
  /** Expiries made while Redis did not answer: sent when it answers again. */
  private readonly pending = new Map<string, number>();
  /** Every expiry this process made or heard of (tag → when), for when Redis does not answer. */
  private readonly known = new Map<string, number>();
  private pendingLsn: string | null = null;
  private readonly connectHooks: ((cache: SharedCache) => Promise<void>)[] = [];
  private readonly expiryListeners: ((notice: ExpiryNotice) => void)[] = [];
  private readonly eraseListeners: ((tags: readonly string[]) => void)[] = [];
  private probeTimer: NodeJS.Timeout | null = null;
  private markReady: () => void = () => undefined;

  constructor(private readonly config: SharedCacheConfig) {
    this.prefix = config.prefix;
    this.target = describeRedisUrl(config.url);
    this.ready = new Promise((resolve) => {
      this.markReady = resolve;
      setTimeout(resolve, config.timeoutMs * 2).unref();
    });
    this.client = createClient({
      url: config.url,
      disableOfflineQueue: true,
      commandOptions: { timeout: config.timeoutMs },
      socket: {
        connectTimeout: config.timeoutMs * 2,
        reconnectStrategy: (retries) => Math.min(100 * 2 ** retries, 2_000),
      },
    });
    this.client.on('error', (error: Error) => this.down(error));
    this.client.on('ready', () => void this.up());
    this.client.connect().catch((error: Error) => this.down(error));
  }

  /** Now, in Redis's clock (ms). */
  now(): number {
    return Date.now() + this.offset;
  }

  /** Converts a time in Redis's clock to this machine's (for Next, which compares with its own). */
  toLocalTime(redisTime: number): number {
    return redisTime - this.offset;
  }

  get answers(): boolean {
    return this.available;
  }

  /** Runs on every (re)connection, before the cache is used: what must be made current first. */
  onConnect(hook: (cache: SharedCache) => Promise<void>): void {
    this.connectHooks.push(hook);
    if (this.available) void hook(this).catch((error: Error) => this.down(error));
  }

  /** Hears every expiry, whichever instance (or import) made it. */
  onExpiry(listener: (notice: ExpiryNotice) => void): void {
    this.expiryListeners.push(listener);
    this.subscribe();
  }

  async check(key: string, localVersion: string | undefined, softTags: readonly string[]): Promise<CheckResult | null> {
    if (!this.available) return null;
    const keys = [key, this.key('tags'), this.key('lsn')];
    const args = [localVersion ?? '', String(this.now()), ...softTags];
    let reply: (Buffer | number)[];
    try {
      reply = await this.client.sendCommand<(Buffer | number)[]>(
        ['EVALSHA', CHECK_SHA, '3', ...keys, ...args],
        BUFFERS,
      );
    } catch (error) {
      if (!String((error as Error).message).startsWith('NOSCRIPT')) return this.failed(error);
      try {
        reply = await this.client.sendCommand<(Buffer | number)[]>(
          ['EVAL', CHECK_SCRIPT, '3', ...keys, ...args],
          BUFFERS,
        );
      } catch (retryError) {
        return this.failed(retryError);
      }
    }
    switch (reply[0]) {
      case 0:
        return { state: 'missing' };
      case 1:
        return { state: 'expired', lsn: String(reply[1] ?? '') };
      case 2:
        return { state: 'current', lastModified: Number(String(reply[1])) };
      default:
        return {
          state: 'changed',
          entry: {
            lastModified: Number(String(reply[1])),
            version: String(reply[2]),
            tags: [],
            bytes: reply[3] as Buffer,
          },
        };
    }
  }

  /** Writes an entry (replacing any other version of it); false when Redis did not take it. */
  async store(key: string, entry: StoredEntry): Promise<boolean> {
    if (!this.available) return false;
    try {
      await this.client
        .multi()
        .addCommand(['DEL', key])
        .addCommand([
          'HSET',
          key,
          'v',
          entry.version,
          'm',
          String(entry.lastModified),
          't',
          entry.tags.join(','),
          'd',
          entry.bytes,
        ])
        .addCommand(['EXPIRE', key, String(ENTRY_TTL_SECONDS)])
        .exec();
      return true;
    } catch (error) {
      this.failed(error);
      return false;
    }
  }

  /**
   * Records that these tags expired at `at` (Redis's clock) and tells every instance,
   * with the primary's WAL position after the change (null: not known). False when
   * Redis did not answer: the expiry is kept and sent when it does.
   */
  async expire(tags: readonly string[], at: number, lsn: string | null): Promise<boolean> {
    this.remember(tags.map((tag) => [tag, at]));
    for (const tag of tags) this.pending.set(tag, Math.max(at, this.pending.get(tag) ?? 0));
    if (lsn) this.pendingLsn = lsn;
    if (!this.available) return false;
    try {
      await this.flush();
      return true;
    } catch (error) {
      this.failed(error);
      return false;
    }
  }

  /**
   * Tells every instance that the content changed with nothing to expire (an import that only
   * scheduled articles): each hears it as a change (lib/caches.ts), and its release clock looks
   * at the schedule again. False when Redis did not answer.
   */
  async announce(): Promise<boolean> {
    if (!this.available) return false;
    try {
      const notice: ExpiryNotice = { expiries: [], lsn: null };
      await this.client.sendCommand(['PUBLISH', this.key('expired'), JSON.stringify(notice)]);
      return true;
    } catch (error) {
      this.failed(error);
      return false;
    }
  }

  /**
   * Deletes every entry (of any build) that carries one of these tags, and tells every instance
   * to drop its own copies of them (`onErase`): a legal removal, whose text no entry may keep.
   * How many were deleted, or null when Redis did not answer. A scan of every entry: rare, and
   * each step a short command, so other clients are not held.
   */
  async eraseTagged(tags: readonly string[]): Promise<number | null> {
    if (!this.available || tags.length === 0) return this.available ? 0 : null;
    const wanted = new Set(tags);
    let deleted = 0;
    try {
      let cursor = '0';
      do {
        const [next, keys] = await this.client.sendCommand<[string, string[]]>([
          'SCAN',
          cursor,
          'MATCH',
          `${this.key('e:')}*`,
          'COUNT',
          '1000',
        ]);
        cursor = next;
        if (keys.length === 0) continue;
        const batch = this.client.multi();
        for (const key of keys) batch.addCommand(['HGET', key, 't']);
        const held = (await batch.exec()) as unknown as (string | null)[];
        const doomed = keys.filter((_, i) => (held[i] ?? '').split(',').some((tag) => wanted.has(tag)));
        if (doomed.length > 0) deleted += Number(await this.client.sendCommand(['DEL', ...doomed]));
      } while (cursor !== '0');
      await this.client.sendCommand(['PUBLISH', this.key('erased'), JSON.stringify({ tags })]);
      return deleted;
    } catch (error) {
      return this.failed(error);
    }
  }

  /** Hears every erasure (eraseTagged), whichever instance (or editor's command) made it. */
  onErase(listener: (tags: readonly string[]) => void): void {
    this.eraseListeners.push(listener);
    this.subscribe();
  }

  /** Whether an expiry this process knows of, at or before now, came after `since` for any of these tags. */
  expiredSince(tags: readonly string[], since: number): boolean {
    const now = this.now();
    for (const tag of ['*', ...tags]) {
      const at = this.known.get(tag);
      if (at !== undefined && at > since && at <= now) return true;
    }
    return false;
  }

  private remember(expiries: readonly (readonly [string, number])[]): void {
    for (const [tag, at] of expiries) this.known.set(tag, Math.max(at, this.known.get(tag) ?? 0));
  }

  async getString(name: string): Promise<string | null> {
    return this.client.sendCommand<string | null>(['GET', this.key(name)]);
  }

  async setString(name: string, value: string): Promise<void> {
    await this.client.sendCommand(['SET', this.key(name), value]);
  }

  /**
   * Takes `name` for `ttlMs` if no one holds it (SET NX): true when this call took it,
   * false when it was taken already, null when Redis did not answer.
   */
  async claimOnce(name: string, ttlMs: number): Promise<boolean | null> {
    if (!this.available) return null;
    try {
      const reply = await this.client.sendCommand<string | null>([
        'SET',
        this.key(name),
        '1',
        'NX',
        'PX',
        String(Math.max(1, Math.ceil(ttlMs))),
      ]);
      return reply === 'OK';
    } catch (error) {
      return this.failed(error);
    }
  }

  key(name: string): string {
    return `${this.prefix}${name}`;
  }

  async close(): Promise<void> {
    this.closed = true;
    if (this.probeTimer) clearTimeout(this.probeTimer);
    await Promise.allSettled([this.client.close(), this.subscriber?.close()]);
  }

  private async flush(): Promise<void> {
    const tags = [...this.pending];
    const lsn = this.pendingLsn;
    if (tags.length === 0 && !lsn) return;
    const batch = this.client.multi();
    for (let i = 0; i < tags.length; i += TAGS_PER_COMMAND) {
      batch.addCommand([
        'HSET',
        this.key('tags'),
        ...tags.slice(i, i + TAGS_PER_COMMAND).flatMap(([tag, at]) => [tag, String(at)]),
      ]);
    }
    if (lsn) batch.addCommand(['SET', this.key('lsn'), lsn]);
    const notice: ExpiryNotice = { expiries: tags, lsn };
    batch.addCommand(['PUBLISH', this.key('expired'), JSON.stringify(notice)]);
    await batch.exec();
    for (const [tag, at] of tags) if (this.pending.get(tag) === at) this.pending.delete(tag);
    if (this.pendingLsn === lsn) this.pendingLsn = null;
  }

  private subscribe(): void {
    if (this.subscriber || this.closed) return;
    this.subscriber = this.client.duplicate();
    this.subscriber.on('error', () => undefined); // the main client reports the outage, once
    this.subscriber
      .connect()
      .then((subscriber) =>
        Promise.all([
          subscriber.subscribe(this.key('expired'), (message) => {
            let notice: ExpiryNotice;
            try {
              notice = JSON.parse(message) as ExpiryNotice;
            } catch {
              return;
            }
            this.remember(notice.expiries);
            for (const listener of this.expiryListeners) listener(notice);
          }),
          subscriber.subscribe(this.key('erased'), (message) => {
            let tags: unknown;
            try {
              tags = (JSON.parse(message) as { tags?: unknown }).tags;
            } catch {
              return;
            }
            if (!Array.isArray(tags)) return;
            const names = tags.filter((tag): tag is string => typeof tag === 'string');
            for (const listener of this.eraseListeners) listener(names);
          }),
        ]),
      )
      .catch(() => undefined);
  }

  private async up(): Promise<void> {
    try {
      const [seconds, micros] = await this.client.sendCommand<string[]>(['TIME']);
      this.offset = Number(seconds) * 1000 + Math.floor(Number(micros) / 1000) - Date.now();
      try {
        for (const hook of this.connectHooks) await hook(this);
      } catch (error) {
        throw new HookError(error as Error);
      }
      // Expiries made meanwhile reach Redis before any entry is read from it again.
      await this.flush();
      this.available = true;
      if (this.reportedDown) console.log(`Shared cache: Redis at ${this.target} answers again.`);
      this.reportedDown = false;
    } catch (error) {
      this.down(error as Error);
      this.probeLater();
    } finally {
      this.markReady();
    }
  }

  private failed(error: unknown): null {
    this.down(error as Error);
    this.probeLater();
    return null;
  }

  /** Reports the outage once; the cache is bypassed until a probe (or a reconnection) succeeds. */
  private down(error: Error): void {
    this.available = false;
    if (this.closed || this.reportedDown) return;
    this.reportedDown = true;
    const what =
      error instanceof HookError
        ? `Redis at ${this.target} could not be made current (${error.cause.message})`
        : `Redis at ${this.target} does not answer (${error.message || error.name})`;
    console.error(
      `Shared cache: ${what}: serving from this instance’s memory and rendering what it lacks until it does.`,
    );
  }

  /** A connection that stays open but stopped answering (a hung server) gets no 'ready' event: ask. */
  private probeLater(): void {
    if (this.probeTimer || this.closed) return;
    this.probeTimer = setTimeout(() => {
      this.probeTimer = null;
      if (this.available || !this.client.isReady) return; // reconnecting: 'ready' will say
      this.client
        .sendCommand(['PING'])
        .then(() => this.up())
        .catch(() => this.probeLater());
    }, PROBE_INTERVAL_MS).unref();
  }
}

/** A connect hook failed (the database did not answer, say): Redis itself may be fine. */
class HookError extends Error {
  constructor(readonly cause: Error) {
    super(cause.message);
  }
}

/** Host and port of a Redis URL, for logs (never its password). */
export function describeRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || 6379}`;
  } catch {
    return '(unparsable REDIS_URL)';
  }
}

/**
 * The process's shared cache, or null without REDIS_URL. One per process
 * (lib/process-state.ts): the cache handler, the notice's route and the server are bundled apart.
 */
export function sharedCache(): SharedCache | null {
  return processWide('shared-cache', () => {
    const config = sharedCacheConfig();
    return config ? new SharedCache(config) : null;
  });
}
