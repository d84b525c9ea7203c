import { describe, expect, test } from 'vitest';
import type { ArticleDraft } from '@/lib/documents/types';
import { articleIdentity, slugFor } from '@/lib/slug';
import { contentHash } from './content';
import { articleKey, assignSlugs, draftKey, planDocument, type StoredArticle } from './plan';

const NOW = new Date('2026-11-26T08:00:00.000Z');
const BRIDGE =
  'Regional council confirms the new harbour bridge will open to traffic next spring, with tolls for lorries only,';
const BRIDGE_SLUG = 'regional-council-confirms-the-new-harbour-bridge-will-open-to-traffic-next';

function draft(headline: string, position = 0, text = `${headline}: the report.`): ArticleDraft {
  const identity = articleIdentity(headline);
  return {
    headline,
    identity,
    slug: slugFor(headline, identity),
    sectionName: 'World',
    sectionSlug: 'world',
    dateline: null,
    body: [{ type: 'paragraph', text }],
    date: null,
    authors: [],
    tags: [],
    notes: [],
    language: 'en',
    languageGiven: false,
    line: 1 + position * 5,
    position,
  };
}

function storedArticle(fields: Partial<StoredArticle>): StoredArticle {
  return {
    id: 1,
    slug: 'stored',
    hash: 'unmatched',
    sectionSlug: 'world',
    dateKey: '',
    dated: false,
    publishedAt: new Date('2026-11-20T08:00:00.000Z'),
    publicAt: new Date('2026-11-20T08:00:00.000Z'),
    notes: [],
    ...fields,
  };
}

const dated = (d: ArticleDraft, at: string, day = at.slice(0, 10)): ArticleDraft => ({
  ...d,
  date: { at: new Date(at), day, line: d.line - 2 },
});

/** Assigns slugs the way the import does, against a database holding `stored` slugs. */
function assignAgainst(drafts: ArticleDraft[], stored: string[], takenInRun = new Set<string>()) {
  const known = new Map<string, boolean>();
  const asked: string[][] = [];
  for (;;) {
    const { slugs, unknown } = assignSlugs(drafts, known, takenInRun);
    if (unknown.length === 0) return { slugs: drafts.map((d) => slugs.get(draftKey(d))), asked };
    asked.push(unknown);
    for (const slug of unknown) known.set(slug, stored.includes(slug));
  }
}

describe('assignSlugs', () => {
  test('gives a new article the slug its headline asks for when it is free, asking the database once', () => {
    expect(assignAgainst([draft('Harbour bridge opens')], [])).toEqual({
      slugs: ['harbour-bridge-opens'],
      asked: [['harbour-bridge-opens']],
    });
  });

  test('gives the next free -2, -3 when stored articles hold the slug and its -2', () => {
    const first = assignAgainst([draft(`${BRIDGE} after years of delays and protests`)], [BRIDGE_SLUG]);
    expect(first.slugs).toEqual([`${BRIDGE_SLUG}-2`]);
    const third = assignAgainst(
      [draft(`${BRIDGE} after years of delays and a strike`)],
      [BRIDGE_SLUG, `${BRIDGE_SLUG}-2`],
    );
    expect(third).toEqual({
      slugs: [`${BRIDGE_SLUG}-3`],
      asked: [[BRIDGE_SLUG], [`${BRIDGE_SLUG}-2`], [`${BRIDGE_SLUG}-3`]],
    });
  });

  test('keeps apart two new articles of one document: the later gets -2', () => {
    const drafts = [
      draft(`${BRIDGE} after years of delays and rising costs`, 0),
      draft(`${BRIDGE} after years of delays and protests`, 1),
    ];
    expect(assignAgainst(drafts, []).slugs).toEqual([BRIDGE_SLUG, `${BRIDGE_SLUG}-2`]);
  });

  test('counts the slugs a dry run’s earlier documents would have taken as taken', () => {
    const drafts = [draft(`${BRIDGE} after years of delays and protests`)];
    expect(assignAgainst(drafts, [], new Set([BRIDGE_SLUG])).slugs).toEqual([`${BRIDGE_SLUG}-2`]);
  });

  test('gives a headline whose own slug is another’s suffixed slug the next suffix of its own', () => {
    // "Apollo 2" asks for apollo-2, which the second "Apollo…" article was given.
    const drafts = [draft('Apollo!', 0), draft('Apollo 2', 1)];
    expect(assignAgainst(drafts, ['apollo']).slugs).toEqual(['apollo-2', 'apollo-2-2']);
  });
});

describe('planDocument', () => {
  const stored = (headline: string, slug: string, text?: string): [string, StoredArticle] => [
    articleKey(articleIdentity(headline), ''),
    storedArticle({ slug, hash: contentHash(draft(headline, 0, text)) }),
  ];

  test('updates a stored article found by identity in place, under its stored slug', () => {
    const repunctuated = draft('trumps plan', 0, 'The plan, revised.');
    const plan = planDocument(
      [repunctuated],
      new Map([stored('Trump’s Plan!', 'trumps-plan-was-here')]),
      new Map(),
      NOW,
      0,
    );
    expect(plan).toMatchObject({ created: 0, updated: 1, unchanged: 0, keptApart: [] });
    expect(plan.write.map((a) => [a.slug, a.isNew])).toEqual([['trumps-plan-was-here', false]]);
    expect(plan.changed).toEqual([{ slug: 'trumps-plan-was-here', sectionSlug: 'world', created: false }]);
  });

  test('leaves an unchanged article alone', () => {
    const plan = planDocument(
      [draft('Trump’s Plan!')],
      new Map([stored('Trump’s Plan!', 'trumps-plan')]),
      new Map(),
      NOW,
      0,
    );
    expect(plan).toMatchObject({ created: 0, updated: 0, unchanged: 1, write: [], changed: [] });
  });

  test('creates a new article under its assigned slug and counts it as kept apart when suffixed', () => {
    const later = draft(`${BRIDGE} after years of delays and protests`);
    const plan = planDocument([later], new Map(), new Map([[draftKey(later), `${BRIDGE_SLUG}-2`]]), NOW, 0);
    expect(plan).toMatchObject({ created: 1, updated: 0, keptApart: [`${BRIDGE_SLUG}-2`] });
    expect(plan.changed).toEqual([{ slug: `${BRIDGE_SLUG}-2`, sectionSlug: 'world', created: true }]);
  });
});

describe('planDocument, with dates and notes', () => {
  const headline = 'Morning briefing';
  const key = (day = '') => articleKey(articleIdentity(headline), day);

  test('a new dated article is published at its date, and public now when that date has passed', () => {
    const d = dated(draft(headline), '2026-11-24T06:00:00.000Z');
    const [article] = planDocument([d], new Map(), new Map([[draftKey(d), 'morning-briefing']]), NOW, 0).write;
    expect(article).toMatchObject({ dateKey: '2026-11-24', dated: true, publishedAt: d.date!.at, publicAt: NOW });
  });

  test('a new article dated after the import is scheduled: public at its date, nothing expired for it', () => {
    const d = dated(draft(headline), '2026-12-03T14:00:00.000Z');
    const plan = planDocument([d], new Map(), new Map([[draftKey(d), 'morning-briefing']]), NOW, 0);
    expect(plan.write[0]!.publicAt).toEqual(d.date!.at);
    expect(plan.scheduled).toEqual([d.date!.at]);
    expect(plan.changed[0]!.scheduledFor).toEqual(d.date!.at);
  });

  test('a public article given a later date stays public; a scheduled one moves, and with a past date is public at once', () => {
    const later = dated(draft(headline, 0, 'New text.'), '2026-12-24T06:00:00.000Z');
    const publicOne = planDocument(
      [later],
      new Map([[key('2026-12-24'), storedArticle({ dateKey: '2026-12-24' })]]),
      new Map(),
      NOW,
      0,
    );
    expect(publicOne.write[0]!.publicAt).toEqual(new Date('2026-11-20T08:00:00.000Z'));
    expect(publicOne.scheduled).toEqual([]);
    expect(publicOne.changed[0]).toMatchObject({ created: false, redated: true });

    const scheduled = storedArticle({
      dateKey: '2026-12-24',
      dated: true,
      publishedAt: new Date('2026-12-24T05:00:00Z'),
      publicAt: new Date('2026-12-24T05:00:00Z'),
    });
    const moved = planDocument([later], new Map([[key('2026-12-24'), scheduled]]), new Map(), NOW, 0);
    expect(moved.write[0]!.publicAt).toEqual(later.date!.at);
    expect(moved.scheduled).toEqual([later.date!.at]);

    const past = dated(draft(headline, 0, 'New text.'), '2026-11-25T06:00:00.000Z');
    const published = planDocument([past], new Map([[key('2026-11-25'), scheduled]]), new Map(), NOW, 0);
    expect(published.write[0]!.publicAt).toEqual(NOW);
    expect(published.changed[0]).toMatchObject({ created: true });
  });

  test('re-imported without its date line, an article keeps its date and its day, and is unchanged', () => {
    const first = dated(draft(headline), '2026-11-24T06:00:00.000Z');
    const hash = planDocument([first], new Map(), new Map([[draftKey(first), 'morning-briefing']]), NOW, 0).write[0]!
      .hash;
    const stored = storedArticle({ hash, dateKey: '2026-11-24', dated: true, publishedAt: first.date!.at });
    expect(planDocument([draft(headline)], new Map([[key(), stored]]), new Map(), NOW, 0)).toMatchObject({
      unchanged: 1,
      write: [],
    });
    const edited = planDocument([draft(headline, 0, 'Edited.')], new Map([[key(), stored]]), new Map(), NOW, 0)
      .write[0]!;
    expect(edited).toMatchObject({ dateKey: '2026-11-24', dated: true, publishedAt: first.date!.at });
  });

  test('an article without newsroom lines hashes as before they existed', () => {
    const d = draft(headline);
    expect(contentHash(d, { date: null, authors: [], tags: [], notes: [] })).toBe(contentHash(d));
  });

  test('a note a stored note has keeps its date; a new or edited one is dated by this import; a removed one goes', () => {
    const old = '2026-11-01T00:00:00.000Z';
    const d = {
      ...draft(headline),
      notes: [
        { kind: 'correction' as const, text: 'Correction: the minister is Ms Lee.' },
        { kind: 'editor' as const, text: 'Editor’s note: updated.' },
      ],
    };
    const stored = storedArticle({
      notes: [
        { kind: 'correction', text: 'Correction: the minister is Ms Lee.', datedAt: old },
        { kind: 'editor', text: 'Editor’s note: gone.', datedAt: old },
      ],
    });
    const [article] = planDocument([d], new Map([[key(), stored]]), new Map(), NOW, 0).write;
    expect(article!.notes.map((n) => n.datedAt)).toEqual([old, NOW.toISOString()]);
  });
});
