import type { PrismaClient } from '@/lib/db/client';
import type { BodyBlock } from '@/lib/documents/types';
import { archiveCount, archiveRange } from '@/lib/feeds/archive';
import { Prisma } from '@/lib/generated/prisma/client';
import { type ArticleVersion, describeChanges } from '@/lib/revisions/changes';
import type {
  Article,
  ArticleNeighbours,
  ArticleRevision,
  ArticleSummary,
  ArticleWithRevisions,
  FrontPage,
  SectionPage,
  SectionRef,
} from './types';

/** Uncached reads. Pages use the cached wrappers in ./index.ts; tests call these directly. */

export const SECTION_PAGE_SIZE = 20;
/** How many listing pages a section of `articles` articles has. */
export const sectionPageCount = (articles: number) => Math.ceil(articles / SECTION_PAGE_SIZE);
export const FRONT_PAGE_LATEST = 10;
export const FRONT_PAGE_PER_SECTION = 4;
const WORDS_PER_MINUTE = 230;
const SUMMARY_LENGTH = 220;

const articleFields = {
  slug: true,
  headline: true,
  body: true,
  datelinePlace: true,
  datelineDate: true,
  datelineSource: true,
  wordCount: true,
  publishedAt: true,
  updatedAt: true,
  firstImportedAt: true,
  section: { select: { slug: true, name: true } },
} as const;

// Newest first; the id breaks ties so that pages never overlap or skip.
const newestFirst = [{ publishedAt: 'desc' as const }, { id: 'desc' as const }];
const oldestFirst = [{ publishedAt: 'asc' as const }, { id: 'asc' as const }];

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
};

export function summarize(body: readonly BodyBlock[], length = SUMMARY_LENGTH): string {
  const first = body.find((block) => block.type === 'paragraph')?.text ?? '';
  if (first.length <= length) return first;
  const cut = first.slice(0, length + 1);
  const boundary = cut.lastIndexOf(' ');
  return `${cut.slice(0, boundary > 0 ? boundary : length).replace(/[\s,;:.–—-]+$/u, '')}…`;
}

function toArticle(row: ArticleRow): Article {
  const body = row.body as BodyBlock[];
  return {
    slug: row.slug,
    headline: row.headline,
    section: { slug: row.section.slug, name: row.section.name },
    publishedAt: row.publishedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    firstImportedAt: row.firstImportedAt.toISOString(),
    dateline:
      row.datelinePlace && row.datelineDate && row.datelineSource
        ? { place: row.datelinePlace, dateText: row.datelineDate, source: row.datelineSource }
        : null,
    summary: summarize(body),
    readingMinutes: Math.max(1, Math.ceil(row.wordCount / WORDS_PER_MINUTE)),
    wordCount: row.wordCount,
    body,
  };
}

function toSummary(row: ArticleRow): ArticleSummary {
  const { body: _body, firstImportedAt: _first, ...summary } = toArticle(row);
  return summary;
}

export async function loadSections(prisma: PrismaClient): Promise<SectionRef[]> {
  // In order of first sight: the order the newsroom's own exports introduced them. A section
  // whose articles all moved elsewhere has nothing to show, so it leaves the navigation.
  return prisma.section.findMany({
    select: { slug: true, name: true },
    where: { articleCount: { gt: 0 } },
    orderBy: { id: 'asc' },
  });
}

export async function loadFrontPage(prisma: PrismaClient): Promise<FrontPage> {
  const [recent, sections] = await Promise.all([
    prisma.article.findMany({ select: articleFields, orderBy: newestFirst, take: 1 + FRONT_PAGE_LATEST }),
    loadSections(prisma),
  ]);
  const perSection = await Promise.all(
    sections.map(async (section) => ({
      section,
      articles: (
        await prisma.article.findMany({
          select: articleFields,
          where: { section: { slug: section.slug } },
          orderBy: newestFirst,
          take: FRONT_PAGE_PER_SECTION,
        })
      ).map(toSummary),
    })),
  );
  const [lead, ...latest] = recent.map(toSummary);
  return { lead: lead ?? null, latest, sections: perSection.filter((block) => block.articles.length > 0) };
}

/** null when the section does not exist or the page is past its last page. */
export async function loadSectionPage(prisma: PrismaClient, slug: string, page: number): Promise<SectionPage | null> {
  const section = await prisma.section.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, articleCount: true },
  });
  if (!section || section.articleCount === 0) return null;
  const total = section.articleCount;
  const pageCount = sectionPageCount(total);
  if (page < 1 || page > pageCount) return null;
  const skip = (page - 1) * SECTION_PAGE_SIZE;
  const take = Math.min(SECTION_PAGE_SIZE, total - skip);
  const afterThisPage = total - skip - take;
  // An offset walks the index from its start: a page in the older half is read from the
  // other end, so that the last pages cost what the first ones do.
  const rows =
    afterThisPage < skip
      ? (
          await prisma.article.findMany({
            select: articleFields,
            where: { sectionId: section.id },
            orderBy: oldestFirst,
            skip: afterThisPage,
            take,
          })
        ).reverse()
      : await prisma.article.findMany({
          select: articleFields,
          where: { sectionId: section.id },
          orderBy: newestFirst,
          skip,
          take,
        });
  return { section: { slug: section.slug, name: section.name }, articles: rows.map(toSummary), page, pageCount, total };
}

export async function loadArticle(prisma: PrismaClient, slug: string): Promise<ArticleWithRevisions | null> {
  const row = await prisma.article.findUnique({
    where: { slug },
    select: { ...articleFields, revisions: { select: revisionFields, orderBy: oldestRevisionFirst } },
  });
  if (!row) return null;
  const { revisions, ...fields } = row;
  const article = toArticle(fields);
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
    versionOf: row.versionOf.toISOString(),
    replacedAt: row.replacedAt.toISOString(),
  };
}

/** Each stored version compared with the one that replaced it (the next, or the article now), newest first. */
function describeRevisions(rows: readonly RevisionRow[], current: ArticleVersion): ArticleRevision[] {
  const versions = rows.map(toVersion);
  return versions
    .map((version, index) => ({
      revisedAt: version.replacedAt,
      changes: describeChanges(version, versions[index + 1] ?? current),
    }))
    .reverse();
}

/** Every earlier version of an article, whole, oldest first: nothing an import replaced is lost. */
export async function loadArticleVersions(prisma: PrismaClient, slug: string): Promise<StoredRevision[]> {
  const rows = await prisma.articleRevision.findMany({
    where: { article: { slug } },
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
  const rows = await prisma.article.findMany({
    select: articleFields,
    where: sectionSlug ? { section: { slug: sectionSlug } } : {},
    orderBy: newestFirst,
    take: limit,
  });
  return rows.map(toArticle);
}

/**
 * How many articles a feed covers: the site's (every section's), or one section's;
 * null for a section that shows none. One row (or one sum over the sections), never a count of articles.
 */
export async function loadFeedTotal(prisma: PrismaClient, sectionSlug?: string): Promise<number | null> {
  if (sectionSlug !== undefined) {
    const section = await prisma.section.findFirst({
      where: { slug: sectionSlug, articleCount: { gt: 0 } },
      select: { articleCount: true },
    });
    return section?.articleCount ?? null;
  }
  const { _sum } = await prisma.section.aggregate({ _sum: { articleCount: true } });
  return _sum.articleCount ?? 0;
}

export interface FeedArchive {
  /** Newest first, as in the subscription feed. */
  articles: Article[];
  /** How many archives the feed has now. */
  archives: number;
  /** Full: it will not change again unless one of its articles does. */
  full: boolean;
}

/** Archive `number` of a feed's history (lib/feeds/archive.ts), or null when there is no such archive. */
export async function loadFeedArchive(
  prisma: PrismaClient,
  number: number,
  sectionSlug?: string,
): Promise<FeedArchive | null> {
  const total = await loadFeedTotal(prisma, sectionSlug);
  const range = total === null ? null : archiveRange(total, number);
  if (total === null || range === null) return null;
  const where = sectionSlug ? { section: { slug: sectionSlug } } : {};
  const newer = total - range.skipOldest - range.take;
  // As section pages do: an offset walks the index from its start, so read from the nearer end.
  const rows =
    newer < range.skipOldest
      ? await prisma.article.findMany({
          select: articleFields,
          where,
          orderBy: newestFirst,
          skip: newer,
          take: range.take,
        })
      : (
          await prisma.article.findMany({
            select: articleFields,
            where,
            orderBy: oldestFirst,
            skip: range.skipOldest,
            take: range.take,
          })
        ).reverse();
  return { articles: rows.map(toArticle), archives: archiveCount(total), full: range.full };
}

export async function loadSection(prisma: PrismaClient, slug: string): Promise<SectionRef | null> {
  return prisma.section.findFirst({ where: { slug, articleCount: { gt: 0 } }, select: { slug: true, name: true } });
}

/** The articles just before (newer) and just after (older) this one in its section's listing. */
export async function loadArticleNeighbours(prisma: PrismaClient, slug: string): Promise<ArticleNeighbours> {
  const article = await prisma.article.findUnique({
    where: { slug },
    select: { id: true, sectionId: true, publishedAt: true },
  });
  if (!article) return { previous: null, next: null };
  const { id, sectionId, publishedAt } = article;
  const [previous, next] = await Promise.all([
    prisma.article.findFirst({
      select: articleFields,
      where: { sectionId, OR: [{ publishedAt: { gt: publishedAt } }, { publishedAt, id: { gt: id } }] },
      orderBy: [{ publishedAt: 'asc' }, { id: 'asc' }],
    }),
    prisma.article.findFirst({
      select: articleFields,
      where: { sectionId, OR: [{ publishedAt: { lt: publishedAt } }, { publishedAt, id: { lt: id } }] },
      orderBy: newestFirst,
    }),
  ]);
  return { previous: previous && toSummary(previous), next: next && toSummary(next) };
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
 * The words are the headline's own lexemes in the index (stemmed, accents folded, stop words
 * and numbers left out). Candidates are, for each word, the newest articles that hold it, and
 * this section's newest; they are ranked by ts_rank against all the words (a word shared in the
 * headline counts 1, in a subheading 0.1, in the text 0.05 or less), then newer first. Never the
 * article itself.
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
  const [article] = await prisma.$queryRaw<Array<{ id: number; section_id: number; words: string[] }>>`
    SELECT a.id, a.section_id,
           array(SELECT w.lexeme FROM unnest(ts_filter(a.search, '{a}')) w
                  WHERE w.lexeme ~ '[[:alpha:]]' AND length(w.lexeme) >= 3
                  ORDER BY w.positions[1] LIMIT ${RELATED_WORDS}) AS words
      FROM articles a WHERE a.slug = ${slug}`;
  if (!article) return [];
  const { id, section_id: sectionId, words } = article;
  const sameSection = Prisma.sql`(SELECT id FROM articles WHERE section_id = ${sectionId} AND id <> ${id}
                                   ORDER BY published_at DESC, id DESC LIMIT ${limit})`;
  const sharing = words.map(
    (word) => Prisma.sql`(SELECT id FROM articles WHERE search @@ ${tsqueryTerm(word)}::tsquery AND id <> ${id}
                          ORDER BY published_at DESC, id DESC LIMIT ${RELATED_PER_WORD})`,
  );
  const anyWord = words.map((word) => tsqueryTerm(word)).join(' | ');
  const ranked = await prisma.$queryRaw<Array<{ id: number }>>`
    SELECT a.id FROM (${Prisma.join([sameSection, ...sharing], ' UNION ')}) c
      JOIN articles a ON a.id = c.id
     ORDER BY a.section_id = ${sectionId} DESC,
              ${words.length > 0 ? Prisma.sql`ts_rank('{0.02, 0.05, 0.1, 1.0}', a.search, ${anyWord}::tsquery)` : Prisma.sql`0`} DESC,
              a.published_at DESC, a.id DESC
     LIMIT ${limit}`;
  const ids = ranked.map((row) => row.id);
  const rows = await prisma.article.findMany({ select: { id: true, ...articleFields }, where: { id: { in: ids } } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((rowId) => {
    const row = byId.get(rowId);
    return row ? [toSummary(row)] : [];
  });
}
