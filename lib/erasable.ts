import { processWide } from '@/lib/process-state';

/**
 * The in-memory stores that may hold an article's text by something other than its tags
 * (finished responses by address and body, share images by their text, the shared cache's
 * local copies): each copy of each store (one per bundle that loads it) registers how to empty
 * itself here, once, and a legal removal empties them all (lib/caches.ts, on an erasing
 * change). Emptying costs each a re-render or a re-read; a legal removal is rare.
 */
const stores = processWide('erasable-stores', () => new Set<() => void>());

/** Registers a store's way of emptying itself (call once, at module load). */
export function erasable(empty: () => void): void {
  stores.add(empty);
}

/** Empties every registered in-memory store of this process. */
export function eraseMemories(): void {
  for (const empty of stores) empty();
}
