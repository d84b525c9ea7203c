import { describe, expect, test, vi } from 'vitest';
import { frontDoor } from '@/lib/front-door';
import { RESERVED_SLUGS } from '@/lib/routes';

// The site as the front door knows it, without a database: one section of two pages, one article in it.
vi.mock('@/lib/known-pages', () => ({
  knownArticleSection: () => undefined,
  knownSectionPages: () => undefined,
  articleSection: async (slug: string) => (slug === 'mass-graves-in-aleppo' ? 'world' : null),
  sectionPageCount: async (slug: string) => (slug === 'world' ? 2 : null),
}));

describe('the front door and the lite pages', () => {
  test('lets the lite front page, section pages and articles through when their full twins exist', async () => {
    expect(await frontDoor('GET', '/lite')).toEqual({ action: 'next' });
    expect(await frontDoor('GET', '/lite/world')).toEqual({ action: 'next' });
    expect(await frontDoor('GET', '/lite/world/page/2')).toEqual({ action: 'next' });
    expect(await frontDoor('GET', '/lite/world/mass-graves-in-aleppo')).toEqual({ action: 'next' });
  });

  test('answers the full 404 page for a lite address whose full twin names nothing', async () => {
    expect(await frontDoor('GET', '/lite/no-such-section')).toEqual({ action: 'not-found' });
    expect(await frontDoor('GET', '/lite/world/page/3')).toEqual({ action: 'not-found' });
    expect(await frontDoor('GET', '/lite/world/no-such-article')).toEqual({ action: 'not-found' });
  });

  test('has no feeds, share images, Markdown copies or deeper addresses under /lite', async () => {
    for (const path of [
      '/lite/',
      '/lite/feed.xml',
      '/lite/world/feed.xml',
      '/lite/world/opengraph-image',
      '/lite/world/mass-graves-in-aleppo.md',
      '/lite/world/mass-graves-in-aleppo/opengraph-image',
      '/lite/world/page',
      '/lite/world/page/two',
      '/lite/lite',
      '/lite/saved',
      '/lite/api/revalidate',
    ]) {
      expect(await frontDoor('GET', path), path).toEqual({ action: 'not-found' });
    }
  });

  test('sends an article asked for under another section, and old page addresses, to their lite twins', async () => {
    expect(await frontDoor('GET', '/lite/sport/mass-graves-in-aleppo')).toEqual({
      action: 'redirect',
      location: '/lite/world/mass-graves-in-aleppo',
    });
    expect(await frontDoor('GET', '/lite/world/page/1')).toEqual({ action: 'redirect', location: '/lite/world' });
    expect(await frontDoor('GET', '/lite/world?page=2')).toEqual({
      action: 'redirect',
      location: '/lite/world/page/2',
    });
  });

  test('lets lite pages only be read', () => {
    expect(frontDoor('POST', '/lite/world')).toEqual({ action: 'page', status: 405 });
  });

  test('keeps "lite" and "saved" from ever being a section', () => {
    expect(RESERVED_SLUGS.has('lite')).toBe(true);
    expect(RESERVED_SLUGS.has('saved')).toBe(true);
  });
});

describe('the front door and the saved-articles page', () => {
  test('serves /saved from its route, and nothing below it', () => {
    expect(frontDoor('GET', '/saved')).toEqual({ action: 'next', url: '/saved/on-this-device' });
    expect(frontDoor('GET', '/saved/on-this-device')).toEqual({ action: 'not-found' });
  });

  test('serves the service worker file', () => {
    expect(frontDoor('GET', '/sw.js')).toEqual({ action: 'next' });
    expect(frontDoor('GET', '/sw.js/x')).toEqual({ action: 'not-found' });
  });
});
