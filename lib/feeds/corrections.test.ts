import { XMLValidator } from 'fast-xml-parser';
import { parseAtomFeed, parseJsonFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, test } from 'vitest';
import type { CorrectionEntry } from '@/lib/queries/corrections';
import { absoluteUrl } from '@/lib/site';
import { LEGAL_REMOVAL_LINE, buildCorrectionsFeed, correctionFeedEntry } from './corrections';

const article = {
  slug: 'harbour-cranes',
  headline: 'Harbour <cranes> return',
  section: { slug: 'malta', name: 'Malta' },
  language: 'en',
};
const ENTRIES: CorrectionEntry[] = [
  { kind: 'legal-removal', id: 7, reason: 'A court order.', at: '2026-05-05T09:00:00.000Z', liftedAt: null },
  { kind: 'withdrawal', reason: 'The story was false.', at: '2026-05-04T09:00:00.000Z', article },
  {
    kind: 'note',
    label: 'Correction',
    text: 'An earlier version gave the wrong <port>.',
    at: '2026-05-03T09:00:00.000Z',
    article,
  },
];

describe('the corrections feed', () => {
  test('is well-formed RSS, Atom and JSON Feed, one item an entry, newest first, linked to the article', () => {
    const rss = buildCorrectionsFeed('rss', ENTRIES);
    expect(XMLValidator.validate(rss)).toBe(true);
    const atom = buildCorrectionsFeed('atom', ENTRIES);
    expect(XMLValidator.validate(atom)).toBe(true);
    const json = parseJsonFeed(JSON.parse(buildCorrectionsFeed('json', ENTRIES)));
    const titles = [LEGAL_REMOVAL_LINE, 'Withdrawn: Harbour <cranes> return', 'Correction: Harbour <cranes> return'];
    expect(parseRssFeed(rss).items?.map((item) => item.title)).toEqual(titles);
    expect(parseAtomFeed(atom).entries?.map((entry) => entry.title?.value)).toEqual(titles);
    expect(json.items?.map((item) => item.title)).toEqual(titles);
    expect(json.feed_url).toBe(absoluteUrl('/corrections/feed.json'));
    expect(json.home_page_url).toBe(absoluteUrl('/corrections'));
    expect(json.items?.map((item) => item.url)).toEqual([
      absoluteUrl('/corrections'),
      absoluteUrl('/malta/harbour-cranes'),
      absoluteUrl('/malta/harbour-cranes'),
    ]);
    // Text is text: the headline's and the note's angle brackets are escaped in the HTML.
    expect(json.items?.[2]?.content_html).toContain('wrong &lt;port&gt;.');
    expect(json.items?.[2]?.content_html).toContain('Harbour &lt;cranes&gt; return</a>');
  });

  test('a legal removal says only the line, the day and the reason; its lifting dates its change', () => {
    const entry = correctionFeedEntry({ ...ENTRIES[0]!, liftedAt: '2026-06-01T09:00:00.000Z' } as CorrectionEntry);
    expect(entry.title).toBe(LEGAL_REMOVAL_LINE);
    expect(entry.summary).toMatch(
      /^Removed \w+ 5 May 2026\. Reason: A court order\. The removal was lifted \w+ 1 June 2026\.$/u,
    );
    expect(entry.updated.toISOString()).toBe('2026-06-01T09:00:00.000Z');
    expect(entry.id).toMatch(/:legal-removal:7$/u);
  });

  test('ids stay the same while the entry does, and differ between entries', () => {
    const ids = ENTRIES.map((entry) => correctionFeedEntry(entry).id);
    expect(new Set(ids).size).toBe(3);
    expect(ENTRIES.map((entry) => correctionFeedEntry(entry).id)).toEqual(ids);
    const reworded = { ...ENTRIES[2]!, text: 'Reworded.' } as CorrectionEntry;
    expect(correctionFeedEntry(reworded).id).not.toBe(ids[2]);
  });
});
