import { describe, expect, test } from 'vitest';
import { CACHE_POLICIES, PAGE_EXPIRE_SECONDS, isCacheable } from './conditional';

describe('cache policies', () => {
  test("Next's own page header, made from next.config.js's expireTime, is the page policy", async () => {
    const nextConfigFile: string = '../../next.config.js';
    const { default: config } = (await import(nextConfigFile)) as {
      default: (phase: string) => { expireTime?: number };
    };
    const nextConfig = config('phase-production-build');
    expect(nextConfig.expireTime).toBe(PAGE_EXPIRE_SECONDS);
    expect(CACHE_POLICIES.page).toBe('s-maxage=60, stale-while-revalidate=240');
  });

  test('only what a shared cache may keep is remembered with validators', () => {
    expect(isCacheable(CACHE_POLICIES.page)).toBe(true);
    expect(isCacheable(CACHE_POLICIES.document)).toBe(true);
    expect(isCacheable(CACHE_POLICIES.archive)).toBe(true);
    expect(isCacheable(CACHE_POLICIES.reader)).toBe(false);
    expect(isCacheable(CACHE_POLICIES.frameworkData)).toBe(false);
    expect(isCacheable(CACHE_POLICIES.none)).toBe(false);
  });
});
