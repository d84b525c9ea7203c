import { useSyncExternalStore } from 'react';

/**
 * What the reader keeps on this device only: the articles saved for offline reading, and
 * where they stopped in articles left half-read. Both live in localStorage; nothing of
 * it is ever sent to the server.
 */
export interface SavedArticle {
  path: string;
  headline: string;
  section: string;
  /** The article's language (BCP 47; absent for one saved before languages were kept, or `und`). */
  language?: string;
  savedAt: number;
  /**
   * The site answered 410 (withdrawn: the headline is kept) or 451 (removed for legal reasons:
   * nothing of it is kept) when the service worker last asked for it; its copy is dropped.
   */
  gone?: 410 | 451;
}

export interface ReadingPosition {
  path: string;
  headline: string;
  /** Index of the paragraph (or subheading) at the top of the screen when the reader stopped. */
  block: number;
  blocks: number;
  at: number;
}

/** The version of an article the reader last read on this device (versions count from 1, the first published). */
export interface ReadVersion {
  path: string;
  version: number;
  at: number;
}

export const SAVED_KEY = 'saved-articles';
export const READ_VERSIONS_KEY = 'read-versions';
/** Older ones are forgotten, so the list stays short. */
const MAX_READ_VERSIONS = 200;
export const POSITIONS_KEY = 'reading-positions';
const CHANGE_EVENT = 'on-device-change';
/** Older positions are forgotten, so the list stays short. */
const MAX_POSITIONS = 20;

const parsed = new Map<string, { raw: string | null; value: unknown }>();

/** The stored value, parsed once per change (the same object while it stays the same, as useSyncExternalStore needs). */
function read<T>(key: string, fallback: T): T {
  let raw: string | null = null;
  try {
    raw = localStorage.getItem(key);
  } catch {
    return fallback;
  }
  const known = parsed.get(key);
  if (known && known.raw === raw) return known.value as T;
  let value: unknown = fallback;
  try {
    value = raw === null ? fallback : (JSON.parse(raw) as T);
  } catch {
    value = fallback;
  }
  parsed.set(key, { raw, value });
  return value as T;
}

function write(key: string, value: unknown): void {
  try {
    localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage can be full or forbidden (private modes): then nothing is kept.
  }
  window.dispatchEvent(new Event(CHANGE_EVENT));
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHANGE_EVENT, onChange);
  window.addEventListener('storage', onChange);
  return () => {
    window.removeEventListener(CHANGE_EVENT, onChange);
    window.removeEventListener('storage', onChange);
  };
}

const NONE: never[] = [];
export const savedArticles = () => read<SavedArticle[]>(SAVED_KEY, NONE);
export const readingPositions = () => read<ReadingPosition[]>(POSITIONS_KEY, NONE);
export const readVersions = () => read<ReadVersion[]>(READ_VERSIONS_KEY, NONE);

/** The list as stored; `null` on the server and before hydration, so that nothing shows without JavaScript. */
export const useSavedArticles = () => useSyncExternalStore(subscribe, savedArticles, () => null);
export const useReadingPositions = () => useSyncExternalStore(subscribe, readingPositions, () => null);
export const useReadVersions = () => useSyncExternalStore(subscribe, readVersions, () => null);

/** What was remembered of an article when the page opened, before this reading replaced it (until `forgetOpened`). */
const openedWith = new Map<string, ReadVersion | null>();
export function readVersionOnOpening(path: string): ReadVersion | null {
  if (!openedWith.has(path)) openedWith.set(path, readVersions().find((kept) => kept.path === path) ?? null);
  return openedWith.get(path) ?? null;
}
export const forgetOpened = (path: string) => openedWith.delete(path);

export function rememberReadVersion(path: string, version: number): void {
  const others = readVersions().filter((kept) => kept.path !== path);
  write(READ_VERSIONS_KEY, [{ path, version, at: Date.now() }, ...others].slice(0, MAX_READ_VERSIONS));
}

export function rememberSaved(article: Omit<SavedArticle, 'savedAt'>): void {
  write(SAVED_KEY, [
    { ...article, savedAt: Date.now() },
    ...savedArticles().filter((saved) => saved.path !== article.path),
  ]);
}

export function forgetSaved(path: string): void {
  write(
    SAVED_KEY,
    savedArticles().filter((saved) => saved.path !== path),
  );
}

/** Marks the saved articles the site said are gone; of one removed for legal reasons, nothing is kept but its path. */
export function markGone(gone: Readonly<Record<string, number>>): void {
  const saved = savedArticles();
  if (
    !saved.some((article) => article.gone === undefined && (gone[article.path] === 410 || gone[article.path] === 451))
  )
    return;
  write(
    SAVED_KEY,
    saved.map((article): SavedArticle => {
      const status = article.gone ?? gone[article.path];
      if (status === 451) return { path: article.path, headline: '', section: '', savedAt: article.savedAt, gone: 451 };
      return status === 410 ? { ...article, gone: 410 } : article;
    }),
  );
  for (const path of Object.keys(gone)) forgetPosition(path);
}

export function rememberPosition(position: Omit<ReadingPosition, 'at'>): void {
  const others = readingPositions().filter((kept) => kept.path !== position.path);
  write(POSITIONS_KEY, [{ ...position, at: Date.now() }, ...others].slice(0, MAX_POSITIONS));
}

export function forgetPosition(path: string): void {
  if (readingPositions().some((kept) => kept.path === path))
    write(
      POSITIONS_KEY,
      readingPositions().filter((kept) => kept.path !== path),
    );
}

type WorkerMessage = { type: 'save' | 'remove'; path: string } | { type: 'check'; paths: string[] };
interface WorkerAnswer {
  ok: boolean;
  error?: string;
  /** For 'check': the paths the site answered 410 or 451, with that status. */
  gone?: Record<string, number>;
  /** For 'check': the version of each saved article now kept (its page's `data-version`). */
  versions?: Record<string, number>;
}

/**
 * Asks the service worker (registered here on first use) to keep or drop the offline copy
 * of a page, or which saved pages the site now says are gone, and waits for its answer.
 */
export async function askServiceWorker(message: WorkerMessage): Promise<WorkerAnswer> {
  await navigator.serviceWorker.register('/sw.js', { scope: '/' });
  const registration = await navigator.serviceWorker.ready;
  const worker = registration.active;
  if (!worker) throw new Error('no active service worker');
  const channel = new MessageChannel();
  const answer = new Promise<WorkerAnswer>((resolve, reject) => {
    channel.port1.onmessage = (event: MessageEvent<WorkerAnswer>) =>
      event.data.ok ? resolve(event.data) : reject(new Error(event.data.error));
  });
  worker.postMessage(message, [channel.port2]);
  return answer;
}

/** Whether this browser can keep pages for offline reading. */
export const canSaveOffline = () => 'serviceWorker' in navigator && 'caches' in window && window.isSecureContext;
