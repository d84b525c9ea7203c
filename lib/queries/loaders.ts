import type { PrismaClient } from '@/lib/db/client';
import type { SqlReader } from '@/lib/db/sql-reader';
import type { BodyBlock, StoredNote } from '@/lib/documents/types';
import { archiveCount, archiveRange } from '@/lib/feeds/archive';
import { Prisma } from '@/lib/generated/prisma/client';
import { SECTION_PAGE_SIZE, sectionPageCount } from '@/lib/listing';
import { type ArticleVersion, describeChanges } from '@/lib/revisions/changes';
import { SPACELESS_BLOCKS } from '@/lib/search/segment';
import { published } from './visibility';
import type {
  Article,
  ArticleNeighbours,
  ArticleRevision,
  ArticleSummary,
  ArticleWithRevisions,
  FrontPage,
  NameRef,
  SectionPage,
  SectionRef,
} from './types';

/**
 * Uncached reads: every read the site makes (pages, route handlers, the front door's memo in
 * lib/known-pages.ts, the shared cache's content check) and what the import's expiry asks.
 * Pages use the cached wrappers in ./index.ts; tests call these directly. A read that the
 * import makes too takes a SqlReader (lib/db/sql-reader.ts), which its pg pool is as well.
 */

export { SECTION_PAGE_SIZE, sectionPageCount } from '@/lib/listing';
export const FRONT_PAGE_LATEST = 10;
export const FRONT_PAGE_PER_SECTION = 4;
const WORDS_PER_MINUTE = 230;
const SUMMARY_LENGTH = 220;

type ArticleRow = {
  slug: string;
  headline: string;
  body: unknown;
  datelinePlace: string | null;
  datelineDate: string | null;
  datelineSource: string | null;
  wordCount: number;
  publishedAt: Date;
  updatedAt: Date;
  firstImportedAt: Date;
  section: SectionRef;
  authors: NameRef[];
  tags: NameRef[];
  notes: unknown;
  dated: boolean;
  language: string;
};

export function summarize(body: readonly BodyBlock[], length = SUMMARY_LENGTH): string {
  return summarizeParagraph(body.find((block) => block.type === 'paragraph')?.text ?? '', length);
}

/** The summary of an article whose first paragraph is `first` (see summarize). */
function summarizeParagraph(first: string, length = SUMMARY_LENGTH): string {
  if (first.length <= length) return first;
  const cut = first.slice(0, length + 1);
  const boundary = cut.lastIndexOf(' ');
  return `${cut.slice(0, boundary > 0 ? boundary : length).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

/** What a listing shows of an article, from its stored fields and its summary. */
function summaryOf(row: SummaryFields, summary: string): ArticleSummary {
  return {
    slug: row.slug,
    headline: row.headline,
    section: { slug: row.section.slug, name: row.section.name },
    authors: row.authors.map(({ slug, name }) => ({ slug, name })),
    publishedAt: row.publishedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    dateline:
      row.datelinePlace && row.datelineDate && row.datelineSource
        ? { place: row.datelinePlace, dateText: row.datelineDate, source: row.datelineSource }
        : null,
    summary,
    readingMinutes: Math.max(1, Math.ceil(row.wordCount / WORDS_PER_MINUTE)),
    wordCount: row.wordCount,
    language: row.language,
  };
}

type SummaryFields = Omit<ArticleRow, 'body' | 'firstImportedAt' | 'tags' | 'notes' | 'dated'>;

function toArticle(row: ArticleRow): Article {
  const body = row.body as BodyBlock[];
  return {
    ...summaryOf(row, summarize(body)),
    firstImportedAt: row.firstImportedAt.toISOString(),
    body,
    tags: row.tags.map(({ slug, name }) => ({ slug, name })),
    notes: row.notes as StoredNote[],
    dated: row.dated,
  };
}

/*
 * The listings' reads are single SQL statements (the section joined, the summary's paragraph
 * picked out by PostgreSQL, not the whole body sent to be parsed), through $queryRaw: each
 * findMany with a relation cost two round trips and about 3 ms of the client's CPU per call,
 * which made up most of an uncached page's data time.
 */

/** Articles with their section: what every listing reads from. */
export const ARTICLES_WITH_SECTION = Prisma.sql`articles a JOIN sections s ON s.id = a.section_id`;
/** The articles a reader may see (lib/queries/visibility.ts), as a WHERE condition on `a`. */
const PUBLIC = published('a');

/**
 * How many articles section `s` shows: `article_count` (kept by the import) counts its
 * scheduled articles too, so those still to come are taken off. Few articles wait at any time,
 * and the index on public_at finds them (one probe when none waits).
 */
const SHOWN_COUNT = Prisma.sql`(s.article_count - (SELECT count(*) FROM articles w
  WHERE w.public_at > now() AND w.section_id = s.id))::int`;
/** Section `s` shows articles (it has a public one). */
const SECTION_SHOWN = Prisma.sql`s.article_count > 0 AND ${SHOWN_COUNT} > 0`;

/** The columns every shape below shares, from ARTICLES_WITH_SECTION (see fieldsFromSql). */
/**
 * An article's authors or tags ({slug, name}, in order) as one JSON array: a subquery on the link
 * table's primary key (article_id first), so a listing of 20 costs 20 index probes, no second read.
 */
const namesOf = (
  links: 'article_authors' | 'article_tags',
  names: 'authors' | 'tags',
  key: 'author_id' | 'tag_id',
  article: 'a' | 'p' = 'a',
) =>
  Prisma.sql`(SELECT coalesce(json_agg(json_build_object('slug', n.slug, 'name', n.name) ORDER BY l.position), '[]')
     FROM ${Prisma.raw(links)} l JOIN ${Prisma.raw(names)} n ON n.id = l.${Prisma.raw(key)}
    WHERE l.article_id = ${Prisma.raw(article)}.id)`;
export const authorsOf = (article: 'a' | 'p') => namesOf('article_authors', 'authors', 'author_id', article);
/** The columns every shape below shares, from ARTICLES_WITH_SECTION (see fieldsFromSql), but the byline. */
const FIELD_COLUMNS = Prisma.sql`a.slug, a.headline, a.dateline_place, a.dateline_date, a.dateline_source,
  a.word_count, a.published_at, a.updated_at, a.language, s.slug AS section_slug, s.name AS section_name`;
/** The columns of an ArticleSummary, but the byline (see listingPage). */
export const SUMMARY_FIELDS = Prisma.sql`${FIELD_COLUMNS},
  jsonb_path_query_first(a.body, '$[*] ? (@.type == "paragraph")') ->> 'text' AS first_paragraph`;
/** The columns of an ArticleSummary. */
export const SUMMARY_COLUMNS = Prisma.sql`${SUMMARY_FIELDS}, ${authorsOf('a')} AS authors`;
/** The columns of a whole Article. */
export const ARTICLE_COLUMNS = Prisma.sql`${FIELD_COLUMNS}, ${authorsOf('a')} AS authors, a.body, a.first_imported_at,
  ${namesOf('article_tags', 'tags', 'tag_id')} AS tags, a.notes, a.dated`;

/**
 * A page of a listing read with an offset, as SummaryRows in the order given: the bylines are read
 * for the page's own rows, after the offset (in the page's select list, the subquery would run for
 * every row skipped too: a late page of a large section cost 20 ms more instead of 1).
 */
export const listingPage = (where: Prisma.Sql, direction: 'ASC' | 'DESC', offset: number, take: number) => {
  const order = Prisma.raw(direction);
  return Prisma.sql`
    SELECT p.*, ${authorsOf('p')} AS authors FROM (
      SELECT a.id, ${SUMMARY_FIELDS} FROM ${ARTICLES_WITH_SECTION}
       WHERE ${where}
       ORDER BY a.published_at ${order}, a.id ${order} OFFSET ${offset} LIMIT ${take}) p
     ORDER BY p.published_at ${order}, p.id ${order}`;
};

export interface SummaryRow {
  slug: string;
  headline: string;
  dateline_place: string | null;
  dateline_date: string | null;
  dateline_source: string | null;
  word_count: number;
  published_at: Date;
  updated_at: Date;
  section_slug: string;
  section_name: string;
  authors: NameRef[];
  first_paragraph: string | null;
  language: string;
}

export interface ArticleSqlRow extends Omit<SummaryRow, 'first_paragraph'> {
  body: unknown;
  first_imported_at: Date;
  tags: NameRef[];
  notes: unknown;
  dated: boolean;
}

/** A row of SUMMARY_COLUMNS or ARTICLE_COLUMNS in the shape the Prisma reads give. */
function fieldsFromSql(row: Omit<SummaryRow, 'first_paragraph'>): SummaryFields {
  return {
    slug: row.slug,
    headline: row.headline,
    datelinePlace: row.dateline_place,
    datelineDate: row.dateline_date,
    datelineSource: row.dateline_source,
    wordCount: row.word_count,
    publishedAt: row.published_at,
    updatedAt: row.updated_at,
    section: { slug: row.section_slug, name: row.section_name },
    authors: row.authors,
    language: row.language,
  };
}

export function summaryFromSql(row: SummaryRow): ArticleSummary {
  return summaryOf(fieldsFromSql(row), summarizeParagraph(row.first_paragraph ?? ''));
}

export function articleFromSql(row: ArticleSqlRow): Article {
  return toArticle({
    ...fieldsFromSql(row),
    body: row.body,
    firstImportedAt: row.first_imported_at,
    tags: row.tags,
    notes: row.notes,
    dated: row.dated,
  });
}

export async function loadSections(prisma: PrismaClient): Promise<SectionRef[]> {
  // In order of first sight: the order the newsroom's own exports introduced them. A section
  // whose articles all moved elsewhere has nothing to show, so it leaves the navigation.
  // One whose only articles are scheduled does not exist yet.
  return prisma.$queryRaw<SectionRef[]>`SELECT s.slug, s.name FROM sections s WHERE ${SECTION_SHOWN} ORDER BY s.id`;
}

export async function loadFrontPage(prisma: PrismaClient): Promise<FrontPage> {
  // The newest articles, and each section's newest (sections in navigation order: those with
  // articles, in order of first sight), in two statements.
  const [recent, perSection] = await Promise.all([
    prisma.$queryRaw<SummaryRow[]>`
      SELECT ${SUMMARY_COLUMNS} FROM ${ARTICLES_WITH_SECTION} WHERE ${PUBLIC}
       ORDER BY a.published_at DESC, a.id DESC LIMIT ${1 + FRONT_PAGE_LATEST}`,
    prisma.$queryRaw<SummaryRow[]>`
      SELECT ${SUMMARY_COLUMNS} FROM sections s
       CROSS JOIN LATERAL (SELECT * FROM articles a WHERE a.section_id = s.id AND ${PUBLIC}
                            ORDER BY a.published_at DESC, a.id DESC LIMIT ${FRONT_PAGE_PER_SECTION}) a
       WHERE s.article_count > 0
       ORDER BY s.id, a.published_at DESC, a.id DESC`,
  ]);
  const sections: FrontPage['sections'] = [];
  for (const row of perSection) {
    const last = sections.at(-1);
    const article = summaryFromSql(row);
    if (last?.section.slug === row.section_slug) last.articles.push(article);
    else sections.push({ section: { slug: row.section_slug, name: row.section_name }, articles: [article] });
  }
  const [lead, ...latest] = recent.map(summaryFromSql);
  return { lead: lead ?? null, latest, sections };
}

/** A section that shows articles (null: none by that slug, or it has none): every read of one section starts here. */
async function shownSection(
  prisma: SqlReader,
  slug: string,
): Promise<{ id: number; slug: string; name: string; article_count: number } | null> {
  const [section] = await prisma.$queryRaw<Array<{ id: number; slug: string; name: string; article_count: number }>>`
    SELECT * FROM (SELECT s.id, s.slug, s.name, ${SHOWN_COUNT} AS article_count FROM sections s
                    WHERE s.slug = ${slug} AND s.article_count > 0) shown
     WHERE article_count > 0`;
  return section ?? null;
}

/** null when the section does not exist or the page is past its last page. */
export async function loadSectionPage(prisma: PrismaClient, slug: string, page: number): Promise<SectionPage | null> {
  const section = await shownSection(prisma, slug);
  if (!section) return null;
  const total = section.article_count;
  const pageCount = sectionPageCount(total);
  if (page < 1 || page > pageCount) return null;
  const skip = (page - 1) * SECTION_PAGE_SIZE;
  const take = Math.min(SECTION_PAGE_SIZE, total - skip);
  const afterThisPage = total - skip - take;
  // An offset walks the index from its start: a page in the older half is read from the
  // other end, so that the last pages cost what the first ones do.
  const inSection = Prisma.sql`a.section_id = ${section.id} AND ${PUBLIC}`;
  const rows =
    afterThisPage < skip
      ? (await prisma.$queryRaw<SummaryRow[]>(listingPage(inSection, 'ASC', afterThisPage, take))).reverse()
      : await prisma.$queryRaw<SummaryRow[]>(listingPage(inSection, 'DESC', skip, take));
  return {
    section: { slug: section.slug, name: section.name },
    articles: rows.map(summaryFromSql),
    page,
    pageCount,
    total,
  };
}

export async function loadArticle(prisma: PrismaClient, slug: string): Promise<ArticleWithRevisions | null> {
  const [row] = await prisma.$queryRaw<Array<ArticleSqlRow & { id: number; revised: boolean }>>`
    SELECT a.id, ${ARTICLE_COLUMNS}, EXISTS (SELECT FROM article_revisions r WHERE r.article_id = a.id) AS revised
      FROM ${ARTICLES_WITH_SECTION} WHERE a.slug = ${slug} AND ${PUBLIC}`;
  if (!row) return null;
  const article = articleFromSql(row);
  // Most articles were never corrected: their versions are read only when there are some.
  const revisions = row.revised
    ? await prisma.articleRevision.findMany({
        where: { articleId: row.id },
        select: revisionFields,
        orderBy: oldestRevisionFirst,
      })
    : [];
  return { ...article, revisions: describeRevisions(revisions, article) };
}

const revisionFields = {
  replacedAt: true,
  versionOf: true,
  headline: true,
  body: true,
  datelinePlace: true,
  datelineDate: true,
  datelineSource: true,
  section: { select: { slug: true, name: true } },
  publishedAt: true,
  authors: true,
  tags: true,
  notes: true,
} as const;
const oldestRevisionFirst = [{ replacedAt: 'asc' as const }, { id: 'asc' as const }];

type RevisionRow = {
  replacedAt: Date;
  versionOf: Date;
  headline: string;
  body: unknown;
  datelinePlace: string | null;
  datelineDate: string | null;
  datelineSource: string | null;
  section: SectionRef;
  publishedAt: Date | null;
  authors: string[];
  tags: string[];
  notes: unknown;
};

/** An earlier version of an article, whole: what it said until `replacedAt`. */
export interface StoredRevision extends ArticleVersion {
  /** ISO 8601: when this version was written. */
  versionOf: string;
  /** ISO 8601: when an import replaced it. */
  replacedAt: string;
}

function toVersion(row: RevisionRow): StoredRevision {
  return {
    headline: row.headline,
    section: { slug: row.section.slug, name: row.section.name },
    dateline:
      row.datelinePlace && row.datelineDate && row.datelineSource
        ? { place: row.datelinePlace, dateText: row.datelineDate, source: row.datelineSource }
        : null,
    body: row.body as BodyBlock[],
    publishedAt: row.publishedAt?.toISOString() ?? null,
    authors: row.authors,
    tags: row.tags,
    notes: row.notes as StoredNote[],
    versionOf: row.versionOf.toISOString(),
    replacedAt: row.replacedAt.toISOString(),
  };
}

/** Each stored version compared with the one that replaced it (the next, or the article now), newest first. */
function describeRevisions(rows: readonly RevisionRow[], article: Article): ArticleRevision[] {
  const versions = rows.map(toVersion);
  const current: ArticleVersion = {
    ...article,
    authors: article.authors.map((author) => author.name),
    tags: article.tags.map((tag) => tag.name),
  };
  return versions
    .map((version, index) => ({
      revisedAt: version.replacedAt,
      changes: describeChanges(version, versions[index + 1] ?? current),
      changesSince: describeChanges(version, current),
    }))
    .reverse();
}

/** Every earlier version of an article, whole, oldest first: nothing an import replaced is lost. */
export async function loadArticleVersions(prisma: PrismaClient, slug: string): Promise<StoredRevision[]> {
  // Nothing of a scheduled article before its time: its earlier versions neither.
  const [{ now }] = await prisma.$queryRaw<[{ now: Date }]>`SELECT now()`;
  const rows = await prisma.articleRevision.findMany({
    where: { article: { slug, publicAt: { lte: now } } },
    select: revisionFields,
    orderBy: oldestRevisionFirst,
  });
  return rows.map(toVersion);
}

/** The newest articles, whole, for feeds: the site's, or one section's. */
export async function loadLatestArticles(
  prisma: PrismaClient,
  limit: number,
  sectionSlug?: string,
): Promise<Article[]> {
  const rows = await prisma.$queryRaw<ArticleSqlRow[]>`
    SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLES_WITH_SECTION}
     WHERE ${PUBLIC}
     ${sectionSlug === undefined ? Prisma.empty : Prisma.sql`AND a.section_id = (SELECT id FROM sections WHERE slug = ${sectionSlug})`}
     ORDER BY a.published_at DESC, a.id DESC LIMIT ${limit}`;
  return rows.map(articleFromSql);
}

/**
 * How many articles the site shows (every section's), or one section: what a feed covers and a
 * section's listing pages; null for a section that shows none. One row (or one sum over the
 * sections), never a count of articles.
 */
export async function loadFeedTotal(prisma: SqlReader, sectionSlug?: string): Promise<number | null> {
  if (sectionSlug !== undefined) return (await shownSection(prisma, sectionSlug))?.article_count ?? null;
  const [{ total }] = await prisma.$queryRaw<[{ total: number }]>`
    SELECT (COALESCE((SELECT SUM(article_count) FROM sections), 0)
            - (SELECT count(*) FROM articles w WHERE w.public_at > now()))::int AS total`;
  return total;
}

export interface FeedArchive {
  /** Newest first, as in the subscription feed. */
  articles: Article[];
  /** How many archives the feed has now. */
  archives: number;
  /** Full: it will not change again unless one of its articles does. */
  full: boolean;
}

/**
 * A page of a feed's archive read with an offset, in the order given: whole articles, their byline
 * and tags read for the page's own rows only, after the offset (as listingPage does).
 */
const archivePage = (inFeed: Prisma.Sql, direction: 'ASC' | 'DESC', offset: number, take: number) => {
  const order = Prisma.raw(direction);
  return Prisma.sql`
    SELECT ${ARTICLE_COLUMNS} FROM ${ARTICLES_WITH_SECTION}
     WHERE a.id IN (SELECT a.id FROM articles a ${inFeed}
                     ORDER BY a.published_at ${order}, a.id ${order} OFFSET ${offset} LIMIT ${take})
     ORDER BY a.published_at ${order}, a.id ${order}`;
};

/** Archive `number` of a feed's history (lib/feeds/archive.ts), or null when there is no such archive. */
export async function loadFeedArchive(
  prisma: PrismaClient,
  number: number,
  sectionSlug?: string,
): Promise<FeedArchive | null> {
  const total = await loadFeedTotal(prisma, sectionSlug);
  const range = total === null ? null : archiveRange(total, number);
  if (total === null || range === null) return null;
  // Numbered by position among the public articles (a scheduled one takes its place at its time).
  const inFeed = Prisma.sql`WHERE ${PUBLIC} ${
    sectionSlug === undefined
      ? Prisma.empty
      : Prisma.sql`AND a.section_id = (SELECT id FROM sections WHERE slug = ${sectionSlug})`
  }`;
  const newer = total - range.skipOldest - range.take;
  // As section pages do: an offset walks the index from its start, so read from the nearer end.
  const rows =
    newer < range.skipOldest
      ? await prisma.$queryRaw<ArticleSqlRow[]>(archivePage(inFeed, 'DESC', newer, range.take))
      : (await prisma.$queryRaw<ArticleSqlRow[]>(archivePage(inFeed, 'ASC', range.skipOldest, range.take))).reverse();
  return { articles: rows.map(articleFromSql), archives: archiveCount(total), full: range.full };
}

export async function loadSection(prisma: PrismaClient, slug: string): Promise<SectionRef | null> {
  const section = await shownSection(prisma, slug);
  return section && { slug: section.slug, name: section.name };
}

/** The section an article is in now (its slug), or null when there is no such article. */
export async function loadArticleSection(prisma: PrismaClient, slug: string): Promise<string | null> {
  const [row] = await prisma.$queryRaw<Array<{ section: string }>>`
    SELECT s.slug AS section FROM ${ARTICLES_WITH_SECTION} WHERE a.slug = ${slug} AND ${PUBLIC}`;
  return row?.section ?? null;
}

/**
 * For each of these articles, the next newer ('previous') and the next older ('next') article
 * of the same section, by (published_at, id), the listing's order: one statement, with the
 * columns asked for (of ARTICLES_WITH_SECTION) and the side.
 */
const neighboursOf = (slugs: readonly string[], columns: Prisma.Sql) => Prisma.sql`
  SELECT n.* FROM (SELECT id, section_id, published_at FROM articles a WHERE slug = ANY(${slugs}::text[]) AND ${PUBLIC}) t
   CROSS JOIN LATERAL (
     (SELECT 'previous' AS side, ${columns} FROM ${ARTICLES_WITH_SECTION}
       WHERE a.section_id = t.section_id AND (a.published_at, a.id) > (t.published_at, t.id) AND ${PUBLIC}
       ORDER BY a.published_at ASC, a.id ASC LIMIT 1)
     UNION ALL
     (SELECT 'next' AS side, ${columns} FROM ${ARTICLES_WITH_SECTION}
       WHERE a.section_id = t.section_id AND (a.published_at, a.id) < (t.published_at, t.id) AND ${PUBLIC}
       ORDER BY a.published_at DESC, a.id DESC LIMIT 1)
   ) n`;

/** The articles just before (newer) and just after (older) this one in its section's listing. */
export async function loadArticleNeighbours(prisma: SqlReader, slug: string): Promise<ArticleNeighbours> {
  const rows = await prisma.$queryRaw<Array<SummaryRow & { side: 'previous' | 'next' }>>(
    neighboursOf([slug], SUMMARY_COLUMNS),
  );
  const side = (name: 'previous' | 'next') => {
    const row = rows.find((candidate) => candidate.side === name);
    return row ? summaryFromSql(row) : null;
  };
  return { previous: side('previous'), next: side('next') };
}

/**
 * The slugs of the articles next to each of these in its section (what loadArticleNeighbours
 * shows on their pages): the import's expiry asks it of the articles it placed.
 */
export async function loadNeighbourSlugs(db: SqlReader, slugs: readonly string[]): Promise<string[]> {
  if (slugs.length === 0) return [];
  const rows = await db.$queryRaw<Array<{ slug: string }>>(neighboursOf(slugs, Prisma.sql`a.slug`));
  return rows.map((row) => row.slug);
}

/**
 * A short fingerprint of what the database holds for readers: how many articles and
 * sections, and a sum over every public article's content hash (which covers its headline,
 * section and text). Any import that changed what a page shows changes it, and so does a
 * scheduled article's release
 * (lib/shared-cache/content-version.ts compares it with what Redis's entries were made from).
 */
export async function loadContentVersion(db: SqlReader): Promise<string> {
  const [row] = await db.$queryRaw<Array<{ version: string }>>`
    SELECT (SELECT count(*) FROM sections)::text || ':' || count(*)::text || ':' ||
           coalesce(sum(('x' || left(content_hash, 8))::bit(32)::int::bigint), 0)::text AS version
      FROM articles a WHERE ${PUBLIC}`;
  return row?.version ?? '';
}

export const RELATED_LIMIT = 4;
/** Newest articles read for each shared word: a word in every headline costs no more than a rare one. */
const RELATED_PER_WORD = 50;
/** Headline words looked for (the first ones): a long headline costs no more than a short one. */
const RELATED_WORDS = 12;

/** A lexeme of the search index as a tsquery term, verbatim (no parsing, no stemming again). */
const tsqueryTerm = (lexeme: string) => `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/**
 * Articles to read next, through the search index (articles.search): those of the same
 * section first, then those of other sections that share words with this one's headline.
 * The words are the headline's own lexemes in the index (stemmed in the article's language, accents
 * folded, stop words, numbers and words of fewer than three letters left out: of two in scripts
 * written without spaces, where most words are two characters, such as 谈判). Candidates are, for each word, the newest articles that hold it, and
 * this section's newest; they are ranked by ts_rank against all the words (a word shared in the
 * headline counts 1, in a subheading 0.1, in the text 0.05 or less), then newer first. Never the
 * article itself. Articles that share its tags (each tag's newest are candidates too) rank above
 * all of those, the more tags shared the higher.
 *
 * Each word's candidates are one query, planned for how common that word is: the newest-first
 * index read until 50 are found for a word in every article, the GIN index for a rare one. (A
 * word asked for in headlines only, `word:A`, would be planned as if it were as common there as
 * in the text, and a word frequent in text but rare in headlines would read the whole table.)
 */
export async function loadRelatedArticles(
  prisma: PrismaClient,
  slug: string,
  limit = RELATED_LIMIT,
): Promise<ArticleSummary[]> {
  const [article] = await prisma.$queryRaw<
    Array<{ id: number; section_id: number; words: string[]; tag_ids: number[] }>
  >`
    SELECT a.id, a.section_id,
           array(SELECT w.lexeme FROM unnest(ts_filter(a.search, '{a}')) w
                  WHERE w.lexeme ~ '[[:alpha:]]'
                    AND (length(w.lexeme) >= 3 OR (length(w.lexeme) = 2 AND w.lexeme ~ ${SPACELESS_BLOCKS}))
                  ORDER BY w.positions[1] LIMIT ${RELATED_WORDS}) AS words,
           array(SELECT tag_id FROM article_tags WHERE article_id = a.id ORDER BY position LIMIT ${RELATED_WORDS}) AS tag_ids
      FROM articles a WHERE a.slug = ${slug} AND ${PUBLIC}`;
  if (!article) return [];
  const { id, section_id: sectionId, words, tag_ids: tagIds } = article;
  const sameSection = Prisma.sql`(SELECT id FROM articles a WHERE section_id = ${sectionId} AND id <> ${id} AND ${PUBLIC}
                                   ORDER BY published_at DESC, id DESC LIMIT ${limit})`;
  const sharing = words.map(
    (
      word,
    ) => Prisma.sql`(SELECT id FROM articles a WHERE search @@ ${tsqueryTerm(word)}::tsquery AND id <> ${id} AND ${PUBLIC}
                          ORDER BY published_at DESC, id DESC LIMIT ${RELATED_PER_WORD})`,
  );
  // Each shared tag's newest articles (its link index, newest first), as each word's are.
  const sharingTags = tagIds.map(
    (tagId) => Prisma.sql`(SELECT article_id AS id FROM article_tags WHERE tag_id = ${tagId} AND article_id <> ${id}
                           ORDER BY published_at DESC, article_id DESC LIMIT ${RELATED_PER_WORD})`,
  );
  const anyWord = words.map((word) => tsqueryTerm(word)).join(' | ');
  const ranked = await prisma.$queryRaw<Array<{ id: number }>>`
    SELECT a.id FROM (${Prisma.join([sameSection, ...sharing, ...sharingTags], ' UNION ')}) c
      JOIN articles a ON a.id = c.id
     WHERE ${PUBLIC}
     ORDER BY ${
       tagIds.length > 0
         ? Prisma.sql`(SELECT count(*) FROM article_tags t WHERE t.article_id = a.id AND t.tag_id = ANY(${tagIds}::int[])) DESC,`
         : Prisma.empty
     }
              a.section_id = ${sectionId} DESC,
              ${words.length > 0 ? Prisma.sql`ts_rank('{0.02, 0.05, 0.1, 1.0}', a.search, ${anyWord}::tsquery)` : Prisma.sql`0`} DESC,
              a.published_at DESC, a.id DESC
     LIMIT ${limit}`;
  const ids = ranked.map((row) => row.id);
  if (ids.length === 0) return [];
  const rows = await prisma.$queryRaw<Array<SummaryRow & { id: number }>>`
    SELECT a.id, ${SUMMARY_COLUMNS} FROM ${ARTICLES_WITH_SECTION}
     WHERE a.id IN (${Prisma.join(ids)}) AND ${PUBLIC}`;
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((rowId) => {
    const row = byId.get(rowId);
    return row ? [summaryFromSql(row)] : [];
  });
}
