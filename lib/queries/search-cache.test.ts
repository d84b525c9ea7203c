import { AsyncLocalStorage } from 'node:async_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';
import { beforeEach, expect, test, vi } from 'vitest';
import { SEARCH_CACHE_ENTRIES, forgetSearchResults, rememberSearch, searchCacheSize } from './search-cache';

beforeEach(() => {
  forgetSearchResults();
  vi.useRealTimers();
});

test('a search asked for again is answered from the cache, without the database', async () => {
  const load = vi.fn(async () => 'results');
  expect(await rememberSearch('1:harbour', load)).toBe('results');
  expect(await rememberSearch('1:harbour', load)).toBe('results');
  expect(load).toHaveBeenCalledTimes(1);
});

test('readers asking the same search at once share one load', async () => {
  const load = vi.fn(() => new Promise<string>((resolve) => setTimeout(() => resolve('results'), 10)));
  expect(await Promise.all([rememberSearch('1:bridge', load), rememberSearch('1:bridge', load)])).toEqual([
    'results',
    'results',
  ]);
  expect(load).toHaveBeenCalledTimes(1);
});

test('an import’s notice forgets every result', async () => {
  const load = vi.fn(async () => 'results');
  await rememberSearch('1:harbour', load);
  forgetSearchResults();
  await rememberSearch('1:harbour', load);
  expect(load).toHaveBeenCalledTimes(2);
});

test('a result is kept a minute at most, as pages are', async () => {
  vi.useFakeTimers();
  const load = vi.fn(async () => 'results');
  await rememberSearch('1:harbour', load);
  vi.advanceTimersByTime(59_000);
  await rememberSearch('1:harbour', load);
  expect(load).toHaveBeenCalledTimes(1);
  vi.advanceTimersByTime(2_000);
  await rememberSearch('1:harbour', load);
  expect(load).toHaveBeenCalledTimes(2);
});

test('a failed search is not remembered', async () => {
  await expect(rememberSearch('1:down', async () => Promise.reject(new Error('no database')))).rejects.toThrow();
  await Promise.resolve();
  expect(await rememberSearch('1:down', async () => 'results')).toBe('results');
});

test('a flood of different searches keeps at most SEARCH_CACHE_ENTRIES, the least recently used going first', async () => {
  await rememberSearch('1:kept', async () => 'kept');
  for (let i = 0; i < SEARCH_CACHE_ENTRIES * 2; i++) {
    await rememberSearch(`1:made-up-${i}`, async () => 'nothing');
    if (i % 100 === 0) await rememberSearch('1:kept', async () => 'reloaded');
  }
  expect(searchCacheSize()).toBe(SEARCH_CACHE_ENTRIES);
  expect(await rememberSearch('1:kept', async () => 'reloaded')).toBe('kept');
});

test('a kept result does not keep the request that first asked for it', async () => {
  // The page's request lives in an AsyncLocalStorage (Next keeps each request's whole render
  // state there); a promise made in it holds on to that store for as long as the promise lives.
  const request = new AsyncLocalStorage<{ render: Uint8Array }>();
  let asked: WeakRef<object> | undefined;
  await request.run({ render: new Uint8Array(1_000_000) }, async () => {
    asked = new WeakRef(request.getStore()!);
    await rememberSearch('1:harbour', async () => 'results');
  });
  expect(await rememberSearch('1:harbour', async () => 'reloaded')).toBe('results');
  await collectGarbage();
  expect(asked?.deref()).toBeUndefined();
});

async function collectGarbage(): Promise<void> {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
  }
}
