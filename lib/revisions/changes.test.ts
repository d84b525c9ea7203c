import { describe, expect, test } from 'vitest';
import type { BodyBlock } from '@/lib/documents/types';
import { type ArticleVersion, compareBlocks, describeChanges } from './changes';

const p = (text: string): BodyBlock => ({ type: 'paragraph', text });
const world = { slug: 'world', name: 'World' };
const version = (overrides: Partial<ArticleVersion> = {}): ArticleVersion => ({
  headline: 'Mass Graves in Aleppo',
  section: world,
  dateline: { place: 'Moscow', dateText: 'Dec 27', source: 'Prensa Latina' },
  body: [p('One.'), p('Two.'), p('Three.')],
  publishedAt: '2026-07-01T14:00:00.000Z',
  authors: ['Ana Lima'],
  tags: ['Syria'],
  notes: [],
  ...overrides,
});

describe('what changed between two versions of an article', () => {
  test('a re-punctuated or re-cased headline', () => {
    expect(describeChanges(version(), version({ headline: 'Mass graves in Aleppo!' }))).toEqual([
      'Headline punctuation or case corrected',
    ]);
  });

  test('a move to another section names both', () => {
    expect(describeChanges(version(), version({ section: { slug: 'europe', name: 'Europe' } }))).toEqual([
      'Moved from World to Europe',
    ]);
  });

  test('a dateline added, removed or changed', () => {
    const none = version({ dateline: null });
    expect(describeChanges(none, version())).toEqual(['Dateline added']);
    expect(describeChanges(version(), none)).toEqual(['Dateline removed']);
    expect(
      describeChanges(version(), version({ dateline: { place: 'Kyiv', dateText: 'Dec 27', source: 'Prensa Latina' } })),
    ).toEqual(['Dateline changed']);
  });

  test('paragraphs changed, added and removed are counted', () => {
    expect(describeChanges(version(), version({ body: [p('One.'), p('Two, corrected.'), p('Three.')] }))).toEqual([
      '1 paragraph changed',
    ]);
    expect(describeChanges(version(), version({ body: [p('One.'), p('Two.'), p('Three.'), p('Four.')] }))).toEqual([
      '1 paragraph added',
    ]);
    expect(describeChanges(version(), version({ body: [p('Three.')] }))).toEqual(['2 paragraphs removed']);
  });

  test('several kinds of change at once are all listed', () => {
    const after = version({
      headline: 'MASS GRAVES IN ALEPPO',
      dateline: null,
      body: [p('Zero.'), p('One.'), p('Two.')],
    });
    expect(describeChanges(version(), after)).toEqual([
      'Headline punctuation or case corrected',
      'Dateline removed',
      '1 paragraph added',
      '1 paragraph removed',
    ]);
  });
});

test('blocks are matched in order: a paragraph replaced in place is one change, not one added and one removed', () => {
  expect(compareBlocks([p('a'), p('b'), p('c')], [p('a'), p('B'), p('c')])).toEqual({
    added: 0,
    removed: 0,
    changed: 1,
  });
  expect(compareBlocks([], [p('a')])).toEqual({ added: 1, removed: 0, changed: 0 });
  expect(compareBlocks([p('a'), p('b')], [p('b'), p('a')])).toEqual({ added: 1, removed: 1, changed: 0 });
});

describe('what changed in the newsroom lines', () => {
  const correction = { kind: 'correction' as const, text: 'Correction: An earlier version misspelt the mayor’s name.' };
  const editors = { kind: 'editor' as const, text: "Editor's note: This article was updated." };

  test('a new date, in the site’s time zone', () => {
    const zone = process.env.SITE_TIME_ZONE;
    process.env.SITE_TIME_ZONE = 'Europe/London';
    try {
      expect(describeChanges(version(), version({ publishedAt: '2026-07-02T08:30:00.000Z' }))).toEqual([
        'Date changed to Thursday 2 July 2026, 09:30 BST',
      ]);
    } finally {
      if (zone === undefined) delete process.env.SITE_TIME_ZONE;
      else process.env.SITE_TIME_ZONE = zone;
    }
  });

  test('no date change is told against a version kept before dates were recorded', () => {
    expect(describeChanges(version({ publishedAt: null }), version({ body: [p('One.'), p('Two.')] }))).toEqual([
      '1 paragraph removed',
    ]);
  });

  test('a byline added, removed, or changed (names or their order)', () => {
    expect(describeChanges(version({ authors: [] }), version())).toEqual(['Byline added']);
    expect(describeChanges(version(), version({ authors: [] }))).toEqual(['Byline removed']);
    expect(describeChanges(version(), version({ authors: ['Ana Lima', 'Bo Chen'] }))).toEqual(['Byline changed']);
    expect(describeChanges(version({ authors: ['B', 'A'] }), version({ authors: ['A', 'B'] }))).toEqual([
      'Byline changed',
    ]);
  });

  test('tags added, removed or changed', () => {
    expect(describeChanges(version({ tags: [] }), version())).toEqual(['Tags added']);
    expect(describeChanges(version(), version({ tags: [] }))).toEqual(['Tags removed']);
    expect(describeChanges(version(), version({ tags: ['Syria', 'Aleppo'] }))).toEqual(['Tags changed']);
  });

  test('notes added and removed, by kind', () => {
    expect(describeChanges(version(), version({ notes: [correction] }))).toEqual(['Correction added']);
    expect(describeChanges(version({ notes: [correction] }), version({ notes: [editors] }))).toEqual([
      "Editor's note added",
      'Correction removed',
    ]);
    expect(
      describeChanges(version(), version({ notes: [editors, { kind: 'editor', text: "Editor's note: Twice." }] })),
    ).toEqual(["2 editor's notes added"]);
  });
});
