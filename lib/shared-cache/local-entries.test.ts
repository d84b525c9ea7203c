import { describe, expect, it } from 'vitest';
import { LocalEntries } from './local-entries';

const entry = (size: number) => ({ version: 'v', lastModified: 0, tags: [], value: size, size });

describe("an instance's copy of shared entries", () => {
  it('keeps the most recently used within its bytes', () => {
    const local = new LocalEntries<number>(100);
    local.set('a', entry(40));
    local.set('b', entry(40));
    local.get('a');
    local.set('c', entry(40));
    expect(local.get('a')?.value).toBe(40);
    expect(local.get('b')).toBeUndefined();
    expect(local.size).toBe(80);
    local.set('huge', entry(101));
    expect(local.get('huge')).toBeUndefined();
  });

  it('dates an entry from when its render began, if it began lately', () => {
    const local = new LocalEntries<number>(100);
    local.renderBegins('page', 1_000);
    local.renderBegins('page', 1_500);
    expect(local.renderEnds('page', 2_000)).toBe(1_000);
    expect(local.renderEnds('page', 2_000)).toBeUndefined();
    local.renderBegins('old', 0);
    expect(local.renderEnds('old', 60_000)).toBeUndefined();
  });
});

describe("an instance's note of renders begun", () => {
  it('keeps nothing of thousands of made-up addresses that never render', () => {
    const local = new LocalEntries<number>(100);
    local.renderBegins('/world/real', 0);
    expect(local.rendersPending).toBe(1);
    for (let i = 0; i < 5_000; i++) local.renderBegins(`/_next/u${i}`, i);
    expect(local.rendersPending).toBeLessThanOrEqual(1_024);
    // Once they are older than a render may take, the next miss finds only itself noted.
    local.renderBegins('/world/real', 100_000);
    expect(local.rendersPending).toBe(1);
    expect(local.size).toBe(0);
  });

  it('still dates a render that begins during a flood of misses', () => {
    const local = new LocalEntries<number>(100);
    for (let i = 0; i < 5_000; i++) local.renderBegins(`/made-up/${i}`, 1_000 + i);
    local.renderBegins('page', 6_500);
    for (let i = 0; i < 500; i++) local.renderBegins(`/made-up/again/${i}`, 6_600 + i);
    expect(local.renderEnds('page', 7_200)).toBe(6_500);
  });
});
