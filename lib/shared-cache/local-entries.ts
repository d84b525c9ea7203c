/**
 * What one instance keeps of the shared cache in its own memory: the entries it read or
 * wrote last (at most `maxBytes` of them, least recently used first out), so that a read
 * whose entry has not changed in Redis costs a small round trip rather than the entry's
 * bytes; and when each render began, so that an entry is dated from before the reads it
 * was made of.
 */
export interface LocalEntry<Value> {
  version: string;
  /** When it was made (Redis's clock, ms). */
  lastModified: number;
  tags: readonly string[];
  value: Value;
  size: number;
}

/** A render that began longer ago than this has failed or been abandoned. */
const RENDER_MEMORY_MS = 30_000;
/**
 * At most this many renders are remembered: a miss on an address that never renders (a
 * made-up one Next answers without storing) is never ended by set(). Past the bound the
 * oldest is forgotten, and its entry, if it comes, is dated from when it is stored.
 */
const MAX_RENDERS = 1_024;

export class LocalEntries<Value> {
  private readonly entries = new Map<string, LocalEntry<Value>>();
  private readonly renders = new Map<string, number>();
  private bytes = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): LocalEntry<Value> | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: LocalEntry<Value>): void {
    this.delete(key);
    if (entry.size > this.maxBytes) return;
    this.entries.set(key, entry);
    this.bytes += entry.size;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.bytes -= old.size;
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.bytes -= entry.size;
  }

  /** Forgets every entry (a legal removal's text may be in any of them: lib/erasable.ts). */
  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.bytes;
  }

  /** How many renders are remembered as begun and not ended. */
  get rendersPending(): number {
    return this.renders.size;
  }

  /** A render of `key` begins now (its first read found nothing, or only a stale entry). */
  renderBegins(key: string, now: number): void {
    // Oldest first (a render noted again goes last): those past their time, then past the bound.
    for (const [oldest, began] of this.renders) {
      if (now - began <= RENDER_MEMORY_MS && this.renders.size < MAX_RENDERS) break;
      this.renders.delete(oldest);
    }
    const began = this.renders.get(key);
    if (began !== undefined && now - began <= RENDER_MEMORY_MS) return;
    this.renders.delete(key);
    this.renders.set(key, now);
  }

  /** When the render whose result is being stored began (undefined: not known, take now). */
  renderEnds(key: string, now: number): number | undefined {
    const began = this.renders.get(key);
    this.renders.delete(key);
    return began !== undefined && now - began <= RENDER_MEMORY_MS ? began : undefined;
  }
}
