import { describe, expect, test } from 'vitest';
import { slugParam, SLUG_MAX_LENGTH } from '@/lib/url-params';

const BASE = 'regional-council-confirms-the-new-harbour-bridge-will-open-to-traffic-next-spring'.slice(0, 80);

describe('slugParam', () => {
  test('accepts a slug of 80 characters with the suffix that keeps an article apart', () => {
    expect(BASE).toHaveLength(80);
    expect(slugParam.safeParse(`${BASE}-2`).success).toBe(true);
    expect(slugParam.safeParse(`${BASE}-123456789`).success).toBe(true);
  });

  test('refuses a slug longer than a base and the longest suffix', () => {
    expect(SLUG_MAX_LENGTH).toBe(90);
    expect(slugParam.safeParse(`${BASE}-1234567890`).success).toBe(false);
  });
});
