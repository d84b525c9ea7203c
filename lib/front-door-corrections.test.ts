import { expect, test, vi } from 'vitest';
import { frontDoor } from '@/lib/front-door';

// The corrections listing holds 120 entries: 6 pages of 20; the feed's 50, and 2 archives of the 70 older.
vi.mock('@/lib/known-pages', () => ({
  knownCorrectionEntries: () => 120,
  knownMovedSection: () => '',
}));

test('the corrections page is served from its internal route; its page 1 and old ?page=N addresses lead to their own', () => {
  expect(frontDoor('GET', '/corrections')).toEqual({ action: 'next', url: '/corrections/newest' });
  expect(frontDoor('GET', '/corrections/page/1')).toEqual({ action: 'redirect', location: '/corrections' });
  expect(frontDoor('GET', '/corrections?page=3')).toEqual({ action: 'redirect', location: '/corrections/page/3' });
  expect(frontDoor('GET', '/lite/corrections')).toEqual({ action: 'next' });
  expect(frontDoor('GET', '/lite/corrections/page/1')).toEqual({ action: 'redirect', location: '/lite/corrections' });
});

test('its later pages and feed archives exist up to the last, and nothing past it', () => {
  expect(frontDoor('GET', '/corrections/page/6')).toEqual({ action: 'next' });
  expect(frontDoor('GET', '/lite/corrections/page/6')).toEqual({ action: 'next' });
  expect(frontDoor('GET', '/corrections/page/7')).toEqual({ action: 'not-found' });
  expect(frontDoor('GET', '/lite/corrections/page/7')).toEqual({ action: 'not-found' });
  for (const file of ['feed.xml', 'atom.xml', 'feed.json']) {
    expect(frontDoor('GET', `/corrections/${file}`)).toEqual({ action: 'next' });
    expect(frontDoor('GET', `/corrections/archive/2/${file}`)).toEqual({ action: 'next' });
    expect(frontDoor('GET', `/corrections/archive/3/${file}`)).toEqual({ action: 'not-found' });
  }
});

test('bad page numbers and made-up addresses under it get the 404 page, without asking', () => {
  for (const address of [
    '/corrections/page/0',
    '/corrections/page/01',
    '/corrections/page/-1',
    '/corrections/page/two',
    '/corrections/archive/0/feed.xml',
    '/corrections/newest',
    '/corrections/feed.rss',
    '/lite/corrections/feed.xml',
  ]) {
    expect(frontDoor('GET', address), address).toEqual({ action: 'not-found' });
  }
});
