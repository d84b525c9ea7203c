import { describe, expect, test } from 'vitest';
import { articleSlugOf, WithdrawalInputError } from './address';

const ORIGIN = 'https://news.example';
const SLUG = 'mass-graves-in-aleppo';

describe('articleSlugOf', () => {
  test.each([
    SLUG,
    ` ${SLUG} `,
    `/world/${SLUG}`,
    `world/${SLUG}`,
    `/world/${SLUG}/`,
    `/lite/world/${SLUG}`,
    `/world/${SLUG}.md`,
    `/world/${SLUG}/opengraph-image`,
    `/world/${SLUG}?utm_source=x#top`,
    `${ORIGIN}/world/${SLUG}`,
    `${ORIGIN}/lite/world/${SLUG}`,
    `${ORIGIN}/world/${SLUG}.md`,
  ])('finds the article in %s', (input) => {
    expect(articleSlugOf(input, ORIGIN)).toBe(SLUG);
  });

  test('an address of another host is an error naming the host', () => {
    expect(() => articleSlugOf(`https://elsewhere.example/world/${SLUG}`, ORIGIN)).toThrow(
      '"https://elsewhere.example/world/mass-graves-in-aleppo" is an address of elsewhere.example, not of this site (news.example, SITE_URL)',
    );
    // The port is part of the host: another site on the same machine is another site.
    expect(() => articleSlugOf(`https://news.example:8443/world/${SLUG}`, ORIGIN)).toThrow(WithdrawalInputError);
  });

  test.each(['', '   ', '/', '/world', '/lite', '/world/page/2', '/search?q=x', '/Not A Slug/x y', '/a/b/c/d'])(
    'what names no article is an error: %j',
    (input) => {
      expect(() => articleSlugOf(input, ORIGIN)).toThrow(WithdrawalInputError);
    },
  );
});
