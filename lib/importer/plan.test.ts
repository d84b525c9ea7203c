import { describe, expect, test } from 'vitest';
import type { ArticleDraft } from '@/lib/documents/types';
import { articleIdentity, slugOfIdentity } from '@/lib/slug';
import { contentHash } from './content';
import { assignSlugs, planDocument, type StoredArticle } from './plan';

const NOW = new Date('2026-11-26T08:00:00.000Z');
const BRIDGE =
  'Regional council confirms the new harbour bridge will open to traffic next spring, with tolls for lorries only,';
const BRIDGE_SLUG = 'regional-council-confirms-the-new-harbour-bridge-will-open-to-traffic-next';

function draft(headline: string, position = 0, text = `${headline}: the report.`): ArticleDraft {
  const identity = articleIdentity(headline);
  return {
    headline,
    identity,
    slug: slugOfIdentity(identity),
    sectionName: 'World',
    sectionSlug: 'world',
    dateline: null,
    body: [{ type: 'paragraph', text }],
    date: null,
    authors: [],
    tags: [],
    notes: [],
    line: 1 + position * 5,
    position,
  };
}

/** Assigns slugs the way the import does, against a database holding `stored` slugs. */
function assignAgainst(drafts: ArticleDraft[], stored: string[], takenInRun = new Set<string>()) {
  const known = new Map<string, boolean>();
  const asked: string[][] = [];
  for (;;) {
    const { slugs, unknown } = assignSlugs(drafts, known, takenInRun);
    if (unknown.length === 0) return { slugs: drafts.map((d) => slugs.get(d.identity)), asked };
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
    articleIdentity(headline),
    { slug, hash: contentHash(draft(headline, 0, text)), sectionSlug: 'world' },
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
    const plan = planDocument([later], new Map(), new Map([[later.identity, `${BRIDGE_SLUG}-2`]]), NOW, 0);
    expect(plan).toMatchObject({ created: 1, updated: 0, keptApart: [`${BRIDGE_SLUG}-2`] });
    expect(plan.changed).toEqual([{ slug: `${BRIDGE_SLUG}-2`, sectionSlug: 'world', created: true }]);
  });
});
