import { REVALIDATE_SECONDS } from '@/lib/cache-tags';
import { getPrisma } from '@/lib/db/client';
import { archiveCount } from '@/lib/feeds/archive';
import { processWide } from '@/lib/process-state';
import type { BylineKind } from '@/lib/listing';
import { loadArticleAt, type ArticleAt } from '@/lib/queries/article-at-loaders';
import { loadBylineTotal, loadMovedSection } from '@/lib/queries/byline-loaders';
import { loadCorrectionsTotal } from '@/lib/queries/corrections';
import { loadFeedTotal, sectionPageCount as pagesOf } from '@/lib/queries/loaders';
import { loadVersionsAt, type VersionsAt } from '@/lib/queries/versions';

/**
 * What exists, as far as the site's front door needs to know: each article's section (or what
 * is left of a withdrawn or legally removed one: lib/queries/article-at-loaders.ts), each section's number of pages and each feed's number of archives, remembered from the
 * loaders of lib/queries (this module reads nothing itself). Only what exists is remembered
 * (a flood of made-up addresses costs one indexed query each and grows nothing: at most one
 * entry per article and section); a change of content forgets everything (lib/caches.ts),
 * and an entry older than REVALIDATE_SECONDS is asked for again (but kept, for when the
 * database is down), so an import the site was not told about shows within the same minute
 * as the pages. One per process (lib/process-state.ts): the server's front door and the
 * notice's route handler are bundled apart.
 */
interface Known<T> {
  value: T;
  until: number;
}
interface KnownPages {
  /** By slug: a public article's section, or a withdrawn or removed one's verdict. */
  articles: Map<string, Known<ArticleAt>>;
  sectionPages: Map<string, Known<number>>;
  /** Feed archives: '' for the site's feed, a section's slug for its own. */
  feedArchives: Map<string, Known<number>>;
  /** Authors' and tags' numbers of public articles (their pages and feed archives follow). */
  author: Map<string, Known<number>>;
  tag: Map<string, Known<number>>;
  /** Sections moved off a slug a route took: the old slug's new one. */
  movedSections: Map<string, Known<string>>;
  /** The corrections listing's number of entries, under '' (its later pages and feed archives follow). */
  corrections: Map<string, Known<number>>;
  /** By slug: what is there and a public article's number of versions (docs/versions.md). */
  versions: Map<string, Known<VersionsAt>>;
}

const store = processWide<KnownPages>('known-pages', () => ({
  articles: new Map(),
  sectionPages: new Map(),
  feedArchives: new Map(),
  author: new Map(),
  tag: new Map(),
  movedSections: new Map(),
  corrections: new Map(),
  versions: new Map(),
}));

export function forgetKnownPages(): void {
  store.articles.clear();
  store.sectionPages.clear();
  store.feedArchives.clear();
  store.author.clear();
  store.tag.clear();
  store.movedSections.clear();
  store.corrections.clear();
  store.versions.clear();
}

function fresh<T>(map: Map<string, Known<T>>, key: string): T | undefined {
  const known = map.get(key);
  return known !== undefined && known.until > Date.now() ? known.value : undefined;
}

/** Asks `load` (a loader), and remembers what it found under `key`, as `shown` shows it; null (nothing there) is not remembered. */
async function ask<T, Found>(
  map: Map<string, Known<T>>,
  key: string,
  load: () => Promise<Found | null>,
  shown: (found: Found) => T,
): Promise<T | null> {
  const found = await load();
  if (found === null) return null;
  const value = shown(found);
  map.set(key, { value, until: Date.now() + REVALIDATE_SECONDS * 1000 });
  return value;
}

const same = <T>(value: T) => value;

/** What is already known of an article's slug (undefined: not known, ask articleSection). */
export const knownArticleSection = (slug: string): ArticleAt | undefined => fresh(store.articles, slug);
/** What is already known of a section's page count (undefined: not known, ask sectionPageCount). */
export const knownSectionPages = (slug: string): number | undefined => fresh(store.sectionPages, slug);

/**
 * What was last known, however long ago: while the database does not answer, a page that
 * existed is handed to Next, which serves it from its cache (stale if need be).
 */
export const lastKnownArticleSection = (slug: string): ArticleAt | undefined => store.articles.get(slug)?.value;
export const lastKnownSectionPages = (slug: string): number | undefined => store.sectionPages.get(slug)?.value;

/**
 * The section an article is in now (asked of the database), what is left of it when it was
 * withdrawn or removed (remembered too: at most one entry per article or removal), or null when
 * the slug names nothing.
 */
export const articleSection = (slug: string): Promise<ArticleAt | null> =>
  ask(store.articles, slug, async () => loadArticleAt(await getPrisma(), slug), same);

/** How many listing pages a section has now, or null when it has no articles (or does not exist). */
export const sectionPageCount = (slug: string): Promise<number | null> =>
  ask(store.sectionPages, slug, async () => loadFeedTotal(await getPrisma(), slug), pagesOf);

/** What is already known of a feed's number of archives (site: no section). */
export const knownFeedArchives = (sectionSlug?: string): number | undefined =>
  fresh(store.feedArchives, sectionSlug ?? '');
export const lastKnownFeedArchives = (sectionSlug?: string): number | undefined =>
  store.feedArchives.get(sectionSlug ?? '')?.value;

/**
 * How many archives a feed has now (lib/feeds/archive.ts), or null for a section that shows
 * no articles: one row read (or one sum over the sections), never a count of articles.
 */
export const feedArchiveCount = (sectionSlug?: string): Promise<number | null> =>
  ask(store.feedArchives, sectionSlug ?? '', async () => loadFeedTotal(await getPrisma(), sectionSlug), archiveCount);

/** What is already known of an author's or tag's number of public articles (undefined: ask bylineArticleCount). */
export const knownBylineArticles = (kind: BylineKind, slug: string): number | undefined => fresh(store[kind], slug);
export const lastKnownBylineArticles = (kind: BylineKind, slug: string): number | undefined =>
  store[kind].get(slug)?.value;

/**
 * How many public articles an author or tag has now, or null when it has none (or there is no
 * such one): its listing pages and feed archives follow from it. One indexed count.
 */
export const bylineArticleCount = (kind: BylineKind, slug: string): Promise<number | null> =>
  ask(store[kind], slug, async () => loadBylineTotal(await getPrisma(), kind, slug), same);

/** What is known of where a section moved from `oldSlug` (undefined: ask movedSection). */
export const knownMovedSection = (oldSlug: string): string | undefined => fresh(store.movedSections, oldSlug);
export const lastKnownMovedSection = (oldSlug: string): string | undefined => store.movedSections.get(oldSlug)?.value;

/**
 * The slug of the section that had `oldSlug` before a route of the site took it, or '' for none:
 * remembered either way, since only a migration changes it and only MOVED_SECTION_SEGMENTS
 * (lib/routes.ts) are asked, so a flood of made-up addresses under them asks once a minute.
 */
export const movedSection = (oldSlug: string): Promise<string> =>
  ask(store.movedSections, oldSlug, async () => (await loadMovedSection(await getPrisma(), oldSlug)) ?? '', same).then(
    (slug) => slug ?? '',
  );

/** What is already known of the corrections listing's number of entries (undefined: ask correctionEntryCount). */
export const knownCorrectionEntries = (): number | undefined => fresh(store.corrections, '');
export const lastKnownCorrectionEntries = (): number | undefined => store.corrections.get('')?.value;

/** How many entries the corrections listing has now (0: none yet): its later pages and feed archives follow. */
export const correctionEntryCount = (): Promise<number | null> =>
  ask(store.corrections, '', async () => loadCorrectionsTotal(await getPrisma()), same);

/** What is already known of an article's versions (undefined: ask articleVersions). */
export const knownArticleVersions = (slug: string): VersionsAt | undefined => fresh(store.versions, slug);
export const lastKnownArticleVersions = (slug: string): VersionsAt | undefined => store.versions.get(slug)?.value;

/** What is at an article's slug and how many versions a public one has: two indexed reads, remembered as the others. */
export const articleVersions = (slug: string): Promise<VersionsAt | null> =>
  ask(store.versions, slug, async () => loadVersionsAt(await getPrisma(), slug), same);
