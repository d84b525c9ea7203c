import { describe, expect, test, vi } from 'vitest';
import { frontDoor, type Verdict } from '@/lib/front-door';
import { goneBody } from '@/lib/http/gone-page';
import type { WithdrawnAt } from '@/lib/queries/article-at-loaders';

// The site as the front door knows it, without a database: a public article, a withdrawn one,
// a legally removed slug, and the number of times the database was asked.
const WITHDRAWN: WithdrawnAt = {
  gone: 410,
  section: 'world',
  headline: 'Harbour <bridge> opens & closes',
  publishedAt: '2026-07-01T14:00:00.000Z',
  withdrawnAt: '2026-12-03T18:00:00.000Z',
  reason: 'The report relied on a source who has since retracted.',
};
const asked = vi.hoisted(() => ({ count: 0 }));
vi.mock('@/lib/known-pages', () => ({
  knownArticleSection: () => undefined,
  knownSectionPages: () => undefined,
  articleSection: async (slug: string) => {
    asked.count += 1;
    if (slug === 'public-story') return 'world';
    if (slug === 'withdrawn-story') return WITHDRAWN;
    if (slug === 'removed-story') return { gone: 451 };
    return null;
  },
  sectionPageCount: async (slug: string) => (slug === 'world' || slug === 'sport' ? 1 : null),
}));

const gone = (verdict: Verdict) => (verdict.action === 'gone' ? verdict : undefined);

describe('the front door and withdrawn articles (410)', () => {
  test('answers 410 at every address of the article: page, lite twin, Markdown copy, share image', async () => {
    expect(await frontDoor('GET', '/world/withdrawn-story')).toEqual({ action: 'gone', gone: WITHDRAWN, form: 'page' });
    expect(await frontDoor('HEAD', '/lite/world/withdrawn-story')).toEqual({
      action: 'gone',
      gone: WITHDRAWN,
      form: 'lite',
    });
    expect(await frontDoor('GET', '/world/withdrawn-story.md')).toEqual({
      action: 'gone',
      gone: WITHDRAWN,
      form: 'markdown',
    });
    expect(await frontDoor('GET', '/world/withdrawn-story/opengraph-image')).toEqual({
      action: 'gone',
      gone: WITHDRAWN,
      form: 'page',
    });
  });

  test('leads from another section to the address it was withdrawn at, as a moved article does', async () => {
    expect(await frontDoor('GET', '/sport/withdrawn-story')).toEqual({
      action: 'redirect',
      location: '/world/withdrawn-story',
    });
    expect(await frontDoor('GET', '/lite/sport/withdrawn-story')).toEqual({
      action: 'redirect',
      location: '/lite/world/withdrawn-story',
    });
  });

  test('still lets a public article through, and answers 404 for a slug that names nothing', async () => {
    expect(await frontDoor('GET', '/world/public-story')).toEqual({ action: 'next' });
    expect(await frontDoor('GET', '/world/no-such-story')).toEqual({ action: 'not-found' });
  });

  test('asks the database once per address, whatever it finds', async () => {
    asked.count = 0;
    await frontDoor('GET', '/world/made-up-one');
    await frontDoor('GET', '/world/withdrawn-story');
    await frontDoor('GET', '/world/removed-story');
    expect(asked.count).toBe(3);
  });

  test('its page keeps the headline and the date and says when and why, all as text', () => {
    const { body, contentType } = goneBody(WITHDRAWN, 'page');
    expect(contentType).toBe('text/html; charset=utf-8');
    expect(body).toContain('<h1>Harbour &lt;bridge&gt; opens &amp; closes</h1>');
    expect(body).toContain('Published <time datetime="2026-07-01T');
    expect(body).toContain('The report relied on a source who has since retracted.');
    expect(body).toMatch(/<b>Withdrawn<\/b> · <time datetime="2026-12-03T[^"]+">Thursday 3 December 2026/u);
    expect(body).toContain('<p>This article was withdrawn and is no longer published.</p>');
    expect(body).not.toContain('<script');
    expect(body).toContain('<a href="/">');
    expect(goneBody(WITHDRAWN, 'lite').body).toContain('<a href="/lite">');
  });

  test('its Markdown copy is Markdown, the headline escaped', () => {
    const { body, contentType } = goneBody(WITHDRAWN, 'markdown');
    expect(contentType).toBe('text/markdown; charset=utf-8');
    expect(body.split('\n')[0]).toBe('# Harbour \\<bridge\\> opens \\& closes');
    expect(body).toContain('This article was withdrawn. The report relied on a source who has since retracted.');
  });
});

describe('the front door and legal removals (451)', () => {
  test('answers 451 at every address of the slug, under any section', async () => {
    for (const [path, form] of [
      ['/world/removed-story', 'page'],
      ['/sport/removed-story', 'page'],
      ['/lite/world/removed-story', 'lite'],
      ['/world/removed-story.md', 'markdown'],
      ['/world/removed-story/opengraph-image', 'page'],
    ] as const) {
      expect(gone(await frontDoor('GET', path)), path).toEqual({ action: 'gone', gone: { gone: 451 }, form });
    }
  });

  test('its notice says nothing of the article', () => {
    const page = goneBody({ gone: 451 }, 'page').body;
    expect(page).toContain('<h1>Unavailable for legal reasons</h1>');
    expect(page).toContain('This article has been removed for legal reasons.');
    expect(goneBody({ gone: 451 }, 'markdown').body).toBe(
      '# Unavailable for legal reasons\n\nThis article has been removed for legal reasons.\n',
    );
  });
});
