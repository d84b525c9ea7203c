import { Prisma } from '@/lib/generated/prisma/client';
import type { SqlReader } from '@/lib/db/sql-reader';
import type { BodyBlock, StoredNote } from '@/lib/documents/types';
import { chainOf, type ChainEntry } from '@/lib/versions/chain';
import { versionMarkdown, type VersionText } from '@/lib/versions/markdown';
import { addressHash } from '@/lib/withdrawal/hashes';
import { loadArticleAt, type ArticleAt } from './article-at-loaders';
import { published } from './visibility';

/**
 * Every version of an article, whole, the current one last (docs/versions.md): version n is the
 * n-th oldest, the stored ones (article_revisions, oldest first) then the article as it is now,
 * so a version keeps its number when an import stores it and adds the next.
 */
export interface StoredVersion extends VersionText {
  /** Each with the day the import first carried it. */
  notes: readonly StoredNote[];
  /** 64 hex digits, made when it was first stored (prisma/migrations/20261207000000_version_salts). */
  salt: string;
}

export interface ArticleHistory {
  slug: string;
  /** The section the article is in now: its versions' addresses are under it. */
  section: string;
  versions: StoredVersion[];
}

interface Row {
  article_section: string;
  written_at: Date;
  headline: string;
  section_slug: string;
  section_name: string;
  body: BodyBlock[];
  dateline_place: string | null;
  dateline_date: string | null;
  dateline_source: string | null;
  published_at: Date | null;
  authors: string[];
  tags: string[];
  notes: StoredNote[];
  salt: string;
}

/**
 * The article's versions, oldest first, in one statement: its stored versions (their index on
 * article_id, replaced_at) and itself, with its byline's and tags' names as a stored version
 * keeps them. Public articles only, unless `hidden` (a withdrawn article's chain, and what a
 * legal removal keeps of it). Null when there is no such article.
 */
export async function loadArticleHistory(
  db: SqlReader,
  slug: string,
  { hidden = false }: { hidden?: boolean } = {},
): Promise<ArticleHistory | null> {
  const rows = await db.$queryRaw<Row[]>`
    WITH a AS (SELECT a.*, s.slug AS article_section FROM articles a JOIN sections s ON s.id = a.section_id
                WHERE a.slug = ${slug} AND ${hidden ? Prisma.sql`TRUE` : published('a')})
    SELECT v.* FROM (
      SELECT a.article_section, r.version_of AS written_at, r.headline, s.slug AS section_slug,
             s.name AS section_name, r.body, r.dateline_place, r.dateline_date, r.dateline_source,
             r.published_at, r.authors, r.tags, r.notes, r.salt, 0 AS current, r.replaced_at AS replaced, r.id
        FROM a JOIN article_revisions r ON r.article_id = a.id JOIN sections s ON s.id = r.section_id
      UNION ALL
      SELECT a.article_section, a.updated_at, a.headline, s.slug, s.name, a.body, a.dateline_place,
             a.dateline_date, a.dateline_source, a.published_at,
             ARRAY(SELECT n.name FROM article_authors l JOIN authors n ON n.id = l.author_id
                    WHERE l.article_id = a.id ORDER BY l.position),
             ARRAY(SELECT n.name FROM article_tags l JOIN tags n ON n.id = l.tag_id
                    WHERE l.article_id = a.id ORDER BY l.position),
             a.notes, a.version_salt, 1, NULL, 0
        FROM a JOIN sections s ON s.id = a.section_id
    ) v ORDER BY v.current, v.replaced, v.id`;
  const first = rows[0];
  if (!first) return null;
  return {
    slug,
    section: first.article_section,
    versions: rows.map((row, index) => ({
      n: index + 1,
      writtenAt: row.written_at.toISOString(),
      headline: row.headline,
      section: { slug: row.section_slug, name: row.section_name },
      dateline:
        row.dateline_place && row.dateline_date && row.dateline_source
          ? { place: row.dateline_place, dateText: row.dateline_date, source: row.dateline_source }
          : null,
      body: row.body,
      publishedAt: row.published_at?.toISOString() ?? null,
      authors: row.authors,
      tags: row.tags,
      notes: row.notes,
      salt: row.salt,
    })),
  };
}

/** How many versions a public article has (its stored ones and itself), or null for none at the slug. */
export async function loadVersionCount(db: SqlReader, slug: string): Promise<number | null> {
  const [row] = await db.$queryRaw<Array<{ versions: number }>>`
    SELECT 1 + (SELECT count(*) FROM article_revisions r WHERE r.article_id = a.id)::int AS versions
      FROM articles a WHERE a.slug = ${slug} AND ${published('a')}`;
  return row?.versions ?? null;
}

/** What a legal removal in force at the slug kept of its article's chain (null: none, or none kept). */
export async function loadRemovedChain(db: SqlReader, slug: string): Promise<ChainEntry[] | null> {
  const [row] = await db.$queryRaw<Array<{ chain: ChainEntry[] | null }>>`
    SELECT chain FROM legal_removals
     WHERE address_hashes @> ARRAY[${addressHash(slug)}]::text[] AND lifted_at IS NULL
     ORDER BY removed_at DESC LIMIT 1`;
  return row?.chain ?? null;
}

/** What the front door knows of an article's versions: what is at its slug and, when public, how many. */
export interface VersionsAt {
  at: ArticleAt;
  versions: number;
}

/** What is at the slug (lib/queries/article-at-loaders.ts) and a public article's number of versions; null for nothing. */
export async function loadVersionsAt(db: SqlReader, slug: string): Promise<VersionsAt | null> {
  const at = await loadArticleAt(db, slug);
  if (at === null) return null;
  return { at, versions: typeof at === 'string' ? ((await loadVersionCount(db, slug)) ?? 0) : 0 };
}

/** The chain of an article's versions (lib/versions/chain.ts), each hash over its Markdown copy as served. */
export const historyChain = (history: ArticleHistory): ChainEntry[] =>
  chainOf(
    history.versions.map((version) => ({
      at: version.writtenAt,
      salt: version.salt,
      markdown: versionMarkdown(version),
    })),
  );

/**
 * An article's published chain as its versions.json answers it: a public article's (200), a
 * withdrawn one's (410: its versions are kept, and their salts still published, so that a copy
 * can still be checked), or what a legal removal kept (451: no salt, no address). Null: nothing.
 */
export type ArticleChain =
  { status: 200 | 410; section: string; entries: ChainEntry[] } | { status: 451; entries: ChainEntry[] };

export async function loadArticleChain(db: SqlReader, slug: string): Promise<ArticleChain | null> {
  const at = await loadArticleAt(db, slug);
  if (at === null) return null;
  if (typeof at !== 'string' && at.gone === 451)
    return { status: 451, entries: (await loadRemovedChain(db, slug)) ?? [] };
  const history = await loadArticleHistory(db, slug, { hidden: typeof at !== 'string' });
  if (!history) return null;
  return { status: typeof at === 'string' ? 200 : 410, section: history.section, entries: historyChain(history) };
}
