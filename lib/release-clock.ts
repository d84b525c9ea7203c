import { AsyncLocalStorage } from 'node:async_hooks';
import { processWide } from '@/lib/process-state';
import type { ReleaseLook, ReleasedArticle } from '@/lib/queries/release-loaders';

/**
 * The release clock: a scheduled article (public_at still to come) appears on every page that
 * shows it at its time, with nothing else needed: no request, restart, cron job or import.
 * Each instance of the site runs one (lib/release.ts wires it, scripts/server.ts and
 * scripts/dev.ts start it). It asks the database for its now() and the next public_at still
 * to come, sets a timer for the difference (so the app's own clock does not matter), and when
 * the timer fires asks which articles became public since its last look, hands them to
 * `release` (which expires what shows them), and sets the timer again. It looks again whenever
 * the content changes (an import that adds a scheduled article: `lookAgain`, from lib/caches.ts)
 * and, as a safety net, every minute. See docs/scheduling.md.
 */

/** The longest delay setTimeout takes (a longer one fires at once). */
export const MAX_TIMER_MS = 2 ** 31 - 1;
/** The clock looks at least this often, whatever it was told. */
export const SAFETY_NET_MS = 60_000;
/** After a failed look (the database did not answer), the next one. */
export const RETRY_MS = 1_000;

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    // The clock never keeps a process alive by itself.
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export interface ReleaseClockOptions {
  /** One look at the database (lib/queries/release-loaders.ts): `since` is the last look's now, null on the first. */
  look(since: string | null): Promise<ReleaseLook>;
  /** These articles became public: expire what shows them, everywhere (`again`: one of `againAfter`). */
  release(articles: ReleasedArticle[], again: boolean): Promise<void>;
  /**
   * Release the same articles again after these delays (ms): for a cache that dates an entry
   * from when it was stored, a render that read the database before the release and is stored
   * after its expiry is expired by one of these.
   */
  againAfter?: readonly number[];
  timers?: Timers;
  log?: (message: string) => void;
  /**
   * Runs the clock's work in the context the clock was made in. Told to look again by a request
   * (the import's notice), a look and every timer it sets would otherwise carry that request's
   * async context, long after it ended: Next would attach the release's expiry to that finished
   * request (lib/caches.ts), and never apply it.
   */
  outside?: <T>(work: () => T) => T;
}

export class ReleaseClock {
  private readonly timers: Timers;
  private readonly log: (message: string) => void;
  private since: string | null = null;
  private timer: unknown = null;
  private readonly againTimers = new Set<unknown>();
  private looking: Promise<void> | null = null;
  private lookPending = false;
  private stopped = false;
  private failing = false;
  private readonly outside: <T>(work: () => T) => T;
  /** When the timer is set to fire (ms of this process's clock), for tests and logs. */
  armedFor: number | null = null;

  constructor(private readonly options: ReleaseClockOptions) {
    this.timers = options.timers ?? realTimers;
    this.log = options.log ?? ((message) => console.log(message));
    this.outside = options.outside ?? AsyncLocalStorage.snapshot();
  }

  /** Starts looking (the first look sets the clock: what is already public is not a release). */
  start(): Promise<void> {
    return this.lookAgain();
  }

  /**
   * Looks at the database now (the content changed, or the timer fired). One look at a time:
   * asked during a look, another follows it. Resolves once the looks asked for are done.
   */
  lookAgain(): Promise<void> {
    return this.outside(() => this.startLook());
  }

  private startLook(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.looking) {
      this.lookPending = true;
      return this.looking;
    }
    this.looking = this.lookLoop().finally(() => {
      this.looking = null;
    });
    return this.looking;
  }

  stop(): void {
    this.stopped = true;
    this.disarm();
    for (const handle of this.againTimers) this.timers.clearTimeout(handle);
    this.againTimers.clear();
  }

  private async lookLoop(): Promise<void> {
    let delay: number;
    do {
      this.lookPending = false;
      delay = await this.lookOnce();
    } while (this.lookPending && !this.stopped);
    if (!this.stopped) this.arm(delay);
  }

  /** One look and its release; the delay until the next look. */
  private async lookOnce(): Promise<number> {
    let look: ReleaseLook;
    try {
      look = await this.options.look(this.since);
    } catch (error) {
      if (!this.failing)
        this.log(
          `Release clock: the database did not answer (${describe(error)}): looking again every ${RETRY_MS / 1000} s.`,
        );
      this.failing = true;
      return RETRY_MS;
    }
    if (this.failing) this.log('Release clock: the database answers again.');
    this.failing = false;
    // The articles are public from now on, whether or not their expiry reaches every cache.
    this.since = look.now;
    if (look.released.length > 0) {
      await this.release(look.released, false);
      for (const ms of this.options.againAfter ?? []) {
        const handle = this.timers.setTimeout(() => {
          this.againTimers.delete(handle);
          if (!this.stopped) void this.release(look.released, true);
        }, ms);
        this.againTimers.add(handle);
      }
    }
    if (look.nextMs === null) return SAFETY_NET_MS;
    return Math.max(0, Math.min(look.nextMs - look.nowMs, SAFETY_NET_MS));
  }

  private async release(articles: ReleasedArticle[], again: boolean): Promise<void> {
    try {
      await this.options.release(articles, again);
    } catch (error) {
      this.log(`Release clock: expiring ${articles.map((a) => a.slug).join(', ')} failed: ${describe(error)}`);
    }
  }

  private arm(delay: number): void {
    this.disarm();
    const ms = Math.min(Math.max(0, Math.ceil(delay)), MAX_TIMER_MS);
    this.armedFor = Date.now() + ms;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.armedFor = null;
      void this.lookAgain();
    }, ms);
  }

  private disarm(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.armedFor = null;
  }
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** This process's clock (one per process, whichever bundle started it: lib/process-state.ts). */
const running = processWide<{ clock: ReleaseClock | null }>('release-clock', () => ({ clock: null }));

export function setRunningReleaseClock(clock: ReleaseClock | null): void {
  running.clock?.stop();
  running.clock = clock;
}

/** The content changed: this process's clock (if it runs one) looks for the next release again. */
export function releaseClockLookAgain(): void {
  void running.clock?.lookAgain();
}
