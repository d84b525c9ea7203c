import { describe, expect, test } from 'vitest';
import { versionMarkdown, type VersionText } from './markdown';

const VERSION: VersionText = {
  n: 2,
  writtenAt: '2026-11-25T09:30:00.000Z',
  headline: 'Harbour bridge opens *to* traffic',
  section: { slug: 'world', name: 'World' },
  dateline: { place: 'Lisbon', dateText: 'Mar 03', source: 'Prensa Latina' },
  body: [
    { type: 'paragraph', text: 'The new harbour bridge opened on Monday.' },
    { type: 'subheading', text: 'Tolls' },
    { type: 'paragraph', text: '# Tolls apply to lorries only [sic].' },
  ],
  publishedAt: '2026-11-25T08:00:00.000Z',
  authors: ['Ana Lima', 'Rui Costa'],
  tags: ['Bridges', 'Lisbon'],
  notes: [{ kind: 'correction', text: 'Correction: the bridge opened on Monday, not Sunday.' }],
};

describe('a version’s Markdown copy', () => {
  test('is these bytes exactly: every published hash covers them, so a change here must fail first', () => {
    expect(versionMarkdown(VERSION)).toBe(
      [
        '# Harbour bridge opens \\*to\\* traffic',
        '',
        'Version: 2, written 2026-11-25T09:30:00.000Z  ',
        'Byline: Ana Lima, Rui Costa  ',
        'Section: World  ',
        'Tags: Bridges, Lisbon  ',
        'Published: 2026-11-25T08:00:00.000Z',
        '',
        '> **correction:** Correction: the bridge opened on Monday, not Sunday.',
        '',
        '**Lisbon, Mar 03 (Prensa Latina)** The new harbour bridge opened on Monday.',
        '',
        '## Tolls',
        '',
        '\\# Tolls apply to lorries only \\[sic\\].',
        '',
      ].join('\n'),
    );
  });

  test('depends on nothing but the version: not the site’s address, time zone or language', () => {
    const before = versionMarkdown(VERSION);
    const saved = { url: process.env.SITE_URL, zone: process.env.SITE_TIME_ZONE };
    process.env.SITE_URL = 'https://elsewhere.example';
    process.env.SITE_TIME_ZONE = 'Asia/Tokyo';
    try {
      expect(versionMarkdown(VERSION)).toBe(before);
    } finally {
      if (saved.url === undefined) delete process.env.SITE_URL;
      else process.env.SITE_URL = saved.url;
      if (saved.zone === undefined) delete process.env.SITE_TIME_ZONE;
      else process.env.SITE_TIME_ZONE = saved.zone;
    }
  });

  test('a version kept before the newsroom lines has no byline, tags or date lines', () => {
    const old = versionMarkdown({
      ...VERSION,
      n: 1,
      authors: [],
      tags: [],
      notes: [],
      publishedAt: null,
      dateline: null,
    });
    expect(old.split('\n').slice(0, 6)).toEqual([
      '# Harbour bridge opens \\*to\\* traffic',
      '',
      'Version: 1, written 2026-11-25T09:30:00.000Z  ',
      'Section: World',
      '',
      'The new harbour bridge opened on Monday.',
    ]);
  });
});
