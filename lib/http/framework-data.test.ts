import { FLIGHT_HEADERS } from 'next/dist/client/components/app-router-headers';
import { describe, expect, it } from 'vitest';
import { asksForFrameworkData, FRAMEWORK_DATA_HEADERS } from './framework-data';

describe('framework data', () => {
  it('is asked for by exactly the headers Next.js reads for it', () => {
    expect([...FRAMEWORK_DATA_HEADERS].sort()).toEqual([...FLIGHT_HEADERS].sort());
  });

  it('is asked for by a prefetch header alone, whatever its value', () => {
    expect(asksForFrameworkData({ 'next-router-segment-prefetch': '/_tree' })).toBe(true);
    expect(asksForFrameworkData({ 'next-router-prefetch': '0' })).toBe(true);
    expect(asksForFrameworkData({ accept: 'text/html' })).toBe(false);
  });
});
