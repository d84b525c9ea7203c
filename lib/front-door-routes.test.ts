import { expect, test, vi } from 'vitest';
import { frontDoor } from '@/lib/front-door';
import { ALL_ROUTES } from '@/lib/routes';

// A site where everything asked for exists: World has 3 pages and 2 feed archives, every article is in World,
// every author and tag has 200 public articles (10 pages, 3 feed archives), every article 3 versions; no section was moved.
vi.mock('@/lib/known-pages', () => ({
  knownArticleSection: () => 'world',
  knownSectionPages: () => 3,
  knownFeedArchives: () => 2,
  knownBylineArticles: () => 200,
  knownMovedSection: () => '',
  knownCorrectionEntries: () => 120,
  knownArticleVersions: () => ({ at: 'world', versions: 3 }),
}));

/** A value of each parameter the table's shapes take, that names something on that site. */
const SAMPLE: Record<string, unknown> = {
  section: 'world',
  article: 'a-harbour-bridge',
  author: 'jane-doe',
  tag: 'harbours',
  page: 2,
  number: 2,
  version: 2,
};

test('the front door lets through the canonical address of every shape of the table, to the route that serves it', () => {
  const addressed = ALL_ROUTES.filter((entry) => entry.address !== undefined);
  expect(addressed.length).toBeGreaterThan(15);
  for (const entry of addressed) {
    const address = entry.address?.(SAMPLE) ?? '';
    const verdict = frontDoor('GET', address);
    expect(verdict, `${entry.name}: ${address}`).toMatchObject({ action: 'next' });
    const internal = entry.internal?.(SAMPLE);
    expect(verdict, `${entry.name}: ${address}`).toEqual(
      internal === undefined
        ? { action: 'next', ...(entry.headers && { headers: entry.headers }) }
        : { action: 'next', url: internal },
    );
  }
});

test('the front door answers 404 below each shape', () => {
  for (const entry of ALL_ROUTES.filter((entry) => entry.address !== undefined)) {
    const address = `${entry.address?.(SAMPLE) ?? ''}/more/than/this`.replace('//', '/');
    expect(frontDoor('GET', address), `${entry.name}: ${address}`).toEqual({ action: 'not-found' });
  }
});
