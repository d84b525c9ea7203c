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
