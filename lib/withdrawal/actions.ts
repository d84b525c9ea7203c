import type pg from 'pg';
import {
  CORRECTIONS_TAG,
  FRONT_TAG,
  LATEST_TAG,
  SECTIONS_TAG,
  articleTag,
  listingTagsOf,
  pageTagsOf,
  versionsTag,
} from '@/lib/cache-tags';
import { poolReader } from '@/lib/db/sql-reader';
import type { BodyBlock, Note } from '@/lib/documents/types';
import { loadNavigationSections, withImportLock } from '@/lib/importer/write';
import { loadNeighbourSlugs } from '@/lib/queries/loaders';
import { historyChain, loadArticleHistory } from '@/lib/queries/versions';
import { removedChain } from '@/lib/versions/chain';
import { articlePath, litePath, siteUrl } from '@/lib/site';
import { articleSlugOf, WithdrawalInputError } from './address';
import { addressHash, identityHash } from './hashes';
import { checkReasonQuotesNothing, type ArticleText } from './reason';

export { WithdrawalInputError } from './address';

export interface ActionOptions {
  /** The site's origin, which a full URL must name (default: SITE_URL, lib/site.ts). */
  origin?: string;
  /** Called when an import (or another editor's command) holds the database and this one waits for it. */
  onWait?: () => void;
}

/** What an action did, and what the site (and a CDN in front of it) must be told. */
export interface ActionOutcome {
  kind: 'withdraw' | 'legal-removal' | 'restore' | 'lift';
  /** False when nothing was changed (withdrawn already): `said` says why. */
  changed: boolean;
  said: string;
  /** The cache tags of every page that showed the article (or now shows it again). */
  tags: string[];
  /** A legal removal: the site deletes every cache entry under `tags`, not only expires it. */
  erase: boolean;
  /** A restored article that is still scheduled: the site's release clock must hear of it. */
  schedule: boolean;
  /** The addresses (paths) a cache in front of the site (a CDN) must purge. */
  purge: string[];
}

/** An article as an action finds it, holding its row. */
interface FoundArticle {
  id: number;
  slug: string;
  identity: string;
  date_key: string;
  headline: string;
  body: BodyBlock[];
  notes: Note[];
  section_id: number;
  section_slug: string;
  author_slugs: string[];
  tag_slugs: string[];
  /** Set when it is withdrawn. */
  withdrawn_at: Date | null;
  withdrawn_reason: string | null;
  /** When it was (or is to be) public, as the withdrawal kept it. */
  kept_public_at: Date | null;
}

interface FoundRemoval {
  id: number;
  removed_at: Date;
  reason: string;
}

/** The article of this slug, its row locked until the action's transaction ends. */
async function findArticle(client: pg.PoolClient, slug: string): Promise<FoundArticle | null> {
  const { rows } = await client.query<FoundArticle>(
    `SELECT a.id, a.slug, a.identity, a.date_key, a.headline, a.body, a.notes, a.section_id, s.slug AS section_slug,
            ARRAY(SELECT n.slug FROM article_authors l JOIN authors n ON n.id = l.author_id
                   WHERE l.article_id = a.id ORDER BY l.position) AS author_slugs,
            ARRAY(SELECT n.slug FROM article_tags l JOIN tags n ON n.id = l.tag_id
                   WHERE l.article_id = a.id ORDER BY l.position) AS tag_slugs,
            w.withdrawn_at, w.reason AS withdrawn_reason, w.public_at AS kept_public_at
       FROM articles a JOIN sections s ON s.id = a.section_id LEFT JOIN withdrawals w ON w.article_id = a.id
      WHERE a.slug = $1
        FOR UPDATE OF a`,
    [slug],
  );
  return rows[0] ?? null;
}

/** The legal removal in force at this slug, if any (the GIN index on address_hashes). */
async function findRemoval(client: pg.PoolClient, slug: string): Promise<FoundRemoval | null> {
  const { rows } = await client.query<FoundRemoval>(
    `SELECT id, removed_at, reason FROM legal_removals
      WHERE address_hashes @> ARRAY[$1::text] AND lifted_at IS NULL
      ORDER BY removed_at DESC LIMIT 1`,
    [addressHash(slug)],
  );
  return rows[0] ?? null;
}

const day = (at: Date) => at.toISOString().slice(0, 10);

/** Every address of an article: its page, lite twin, Markdown copy and share image. */
export function articleAddresses(sectionSlug: string, slug: string): string[] {
  const page = articlePath(sectionSlug, slug);
  return [page, litePath(page), `${page}.md`, `${page}/opengraph-image`];
}

/**
 * What a CDN in front must purge when an article leaves or comes back: its own addresses and
 * the pages and documents that list it (later pages and feed archives shift too: purging the
 * whole site is the simple way).
 */
function purgeList(article: Pick<FoundArticle, 'section_slug' | 'slug' | 'author_slugs' | 'tag_slugs'>): string[] {
  const section = `/${article.section_slug}`;
  const feeds = ['feed.xml', 'atom.xml', 'feed.json'];
  return [
    ...articleAddresses(article.section_slug, article.slug),
    '/',
    '/lite',
    section,
    litePath(section),
    ...feeds.map((file) => `/${file}`),
    ...feeds.map((file) => `${section}/${file}`),
    ...article.author_slugs.flatMap((slug) => [`/authors/${slug}`, ...feeds.map((file) => `/authors/${slug}/${file}`)]),
    ...article.tag_slugs.flatMap((slug) => [`/tags/${slug}`, ...feeds.map((file) => `/tags/${slug}/${file}`)]),
    '/sitemap.xml',
    '/news-sitemap.xml',
    '/llms.txt',
    '/corrections',
  ];
}

/** The tags of every page that shows (or showed) the article, as an import's expiry names them. */
function articleTags(
  article: Pick<FoundArticle, 'section_slug' | 'slug' | 'author_slugs' | 'tag_slugs'>,
  navigationChanged: boolean,
  neighbours: readonly string[] = [],
): string[] {
  const tags = new Set([
    FRONT_TAG,
    LATEST_TAG,
    CORRECTIONS_TAG,
    ...listingTagsOf({
      sectionSlug: article.section_slug,
      authorSlugs: article.author_slugs,
      tagSlugs: article.tag_slugs,
    }),
    ...pageTagsOf(article.slug),
    // Its versions' pages, which no import expires (docs/versions.md).
    versionsTag(article.slug),
  ]);
  if (navigationChanged) tags.add(SECTIONS_TAG);
  for (const slug of neighbours) tags.add(articleTag(slug));
  return [...tags];
}

/** Records an editorial action (the record, `--log`). */
async function record(
  client: pg.PoolClient,
  action: {
    kind: string;
    articleId?: number | null;
    address?: string | null;
    legalRemovalId?: number | null;
    reason?: string | null;
    detail?: object;
  },
): Promise<void> {
  await client.query(
    `INSERT INTO editorial_actions (kind, article_id, address, legal_removal_id, reason, detail)
     VALUES ($1, $2, $3, $4, $5, $6)`,
    [
      action.kind,
      action.articleId ?? null,
      action.address ?? null,
      action.legalRemovalId ?? null,
      action.reason ?? null,
      JSON.stringify(action.detail ?? {}),
    ],
  );
}

/**
 * Runs an action in one transaction, serialised with imports (it holds the import's lock, so
 * no import plans against the article while it changes); bad input rolls it back.
 */
async function inTransaction<T>(
  pool: pg.Pool,
  options: ActionOptions,
  work: (client: pg.PoolClient) => Promise<T>,
  after?: (client: pg.PoolClient, result: T) => Promise<void>,
): Promise<T> {
  return withImportLock(pool, options.onWait, async (client) => {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    await after?.(client, result);
    return result;
  });
}

const requireReason = (reason: string | undefined, what: string): string => {
  const text = reason?.trim() ?? '';
  if (!text) throw new WithdrawalInputError(`${what} needs a reason: --reason "…" (readers are shown it)`);
  return text;
};

const unchanged = (kind: ActionOutcome['kind'], said: string): ActionOutcome => ({
  kind,
  changed: false,
  said,
  tags: [],
  erase: false,
  schedule: false,
  purge: [],
});

/**
 * Withdraws an article (`npm run withdraw -- <address or slug> --reason "…"`): it stays stored,
 * versions and all, but is never public (its public_at 'infinity', what it was kept in
 * `withdrawals`) until restored. Withdrawn already: says so and changes nothing, unless `legal`,
 * which escalates it to a legal removal (removeLegally).
 */
export async function withdrawArticle(
  pool: pg.Pool,
  input: string,
  { reason, legal = false, ...options }: ActionOptions & { reason?: string; legal?: boolean },
): Promise<ActionOutcome> {
  const slug = articleSlugOf(input, options.origin ?? siteUrl());
  const why = requireReason(reason, legal ? 'A legal removal' : 'A withdrawal');
  if (legal) return removeLegally(pool, slug, why, options);
  return inTransaction(pool, options, async (client) => {
    const article = await findArticle(client, slug);
    if (!article) return unchanged('withdraw', await nothingAt(client, slug, 'withdraw'));
    const address = articlePath(article.section_slug, article.slug);
    if (article.withdrawn_at)
      return unchanged(
        'withdraw',
        `${address} is withdrawn already (since ${day(article.withdrawn_at)}: ${article.withdrawn_reason}): nothing changed. ` +
          'Add --legal to make it a legal removal.',
      );
    await client.query(
      `INSERT INTO withdrawals (article_id, reason, public_at) SELECT id, $2, public_at FROM articles WHERE id = $1`,
      [article.id, why],
    );
    await client.query(`UPDATE articles SET public_at = 'infinity' WHERE id = $1`, [article.id]);
    await record(client, { kind: 'withdraw', articleId: article.id, address, reason: why });
    return {
      kind: 'withdraw',
      changed: true,
      said: `Withdrew ${address} ("${article.headline}"): it answers 410 Gone with the reason.`,
      tags: articleTags(article, false),
      erase: false,
      schedule: false,
      purge: purgeList(article),
    } satisfies ActionOutcome;
  });
}

/**
 * Why there is nothing to act on at this slug: a legal removal there (said, for a withdrawal;
 * refused, for a restore), or no such article (an error).
 */
async function nothingAt(client: pg.PoolClient, slug: string, action: 'withdraw'): Promise<string>;
async function nothingAt(client: pg.PoolClient, slug: string, action: 'restore'): Promise<never>;
async function nothingAt(client: pg.PoolClient, slug: string, action: 'withdraw' | 'restore'): Promise<string> {
  const removal = await findRemoval(client, slug);
  if (!removal) throw new WithdrawalInputError(`no article at "${slug}": nothing to ${action}`);
  if (action === 'restore')
    throw new WithdrawalInputError(
      `"${slug}" was removed for legal reasons on ${day(removal.removed_at)}: a legal removal cannot be restored ` +
        '(its text is erased). Use --lift to end it; a later import may then publish the article again',
    );
  return `"${slug}" was removed for legal reasons on ${day(removal.removed_at)} already: nothing changed.`;
}

/** Tables a legal removal deletes from: vacuumed after it, so that no dead row still holds the text. */
const ERASED_TABLES = [
  'articles',
  'article_revisions',
  'article_authors',
  'article_tags',
  'withdrawals',
  'authors',
  'tags',
  'sections',
  'editorial_actions',
  'import_work.stage',
];

/**
 * A legal removal (`--legal`): in one transaction the article, every stored version of it and
 * its links are deleted; what remains is a row of `legal_removals` (hashes of its identity and
 * slug, the date and the reason), so that its addresses answer 451 and an import does not
 * publish it again. The record's rows about it lose its address. Then the tables are vacuumed.
 */
async function removeLegally(pool: pg.Pool, slug: string, reason: string, options: ActionOptions) {
  return inTransaction(
    pool,
    options,
    async (client): Promise<ActionOutcome> => {
      const article = await findArticle(client, slug);
      if (!article) return unchanged('legal-removal', await nothingAt(client, slug, 'withdraw'));
      const { rows: versions } = await client.query<ArticleText>(
        `SELECT headline, body, notes FROM article_revisions WHERE article_id = $1`,
        [article.id],
      );
      checkReasonQuotesNothing(reason, [article, ...versions]);
      const navigationBefore = await loadNavigationSections(client);
      // Its hash chain stays published, without the salts (erased with the text) or any address,
      // and the removal an entry of its own (docs/versions.md).
      const history = await loadArticleHistory(poolReader(client), article.slug, { hidden: true });
      const {
        rows: [removal],
      } = await client.query<{ id: number; removed_at: Date }>(
        `INSERT INTO legal_removals (identity_hash, address_hashes, reason) VALUES ($1, $2, $3) RETURNING id, removed_at`,
        [identityHash(article.identity, article.date_key), [addressHash(article.slug)], reason],
      );
      const removalId = removal!.id;
      const chain = removedChain(history ? historyChain(history) : [], removal!.removed_at.toISOString());
      await client.query(`UPDATE legal_removals SET chain = $2 WHERE id = $1`, [removalId, JSON.stringify(chain)]);
      // The record keeps that something was done, and when and why, but no longer where.
      await client.query(`UPDATE editorial_actions SET address = NULL, legal_removal_id = $2 WHERE article_id = $1`, [
        article.id,
        removalId,
      ]);
      await record(client, {
        kind: 'legal-removal',
        articleId: article.id,
        legalRemovalId: removalId,
        reason,
        detail: article.withdrawn_at ? { escalated: true } : {},
      });
      // Its versions and its withdrawal go with it (ON DELETE CASCADE), its author and tag links by
      // the articles' delete trigger (prisma/migrations/20261204010000_link_rows_checked_by_statement).
      const authorIds = await client.query<{ id: number }>(
        `SELECT author_id AS id FROM article_authors WHERE article_id = $1`,
        [article.id],
      );
      const tagIds = await client.query<{ id: number }>(`SELECT tag_id AS id FROM article_tags WHERE article_id = $1`, [
        article.id,
      ]);
      await client.query(`DELETE FROM articles WHERE id = $1`, [article.id]);
      // An author or tag no other article names goes too: a name may be what the order is
      // about, and with no article its page answers 404 anyway. A later import makes it again.
      await client.query(
        `DELETE FROM authors n WHERE n.id = ANY($1::int[])
            AND NOT EXISTS (SELECT 1 FROM article_authors l WHERE l.author_id = n.id)`,
        [authorIds.rows.map((row) => row.id)],
      );
      await client.query(
        `DELETE FROM tags n WHERE n.id = ANY($1::int[]) AND NOT EXISTS (SELECT 1 FROM article_tags l WHERE l.tag_id = n.id)`,
        [tagIds.rows.map((row) => row.id)],
      );
      await client.query(
        `UPDATE sections s SET article_count = (SELECT count(*) FROM articles a WHERE a.section_id = s.id)::int
          WHERE s.id = $1`,
        [article.section_id],
      );
      // An import's staging table is emptied after each document, but one killed mid-way leaves its rows.
      await client.query(`DELETE FROM import_work.stage WHERE article_id = $1 OR (identity = $2 AND date_key = $3)`, [
        article.id,
        article.identity,
        article.date_key,
      ]);
      const navigationChanged = (await loadNavigationSections(client)) !== navigationBefore;
      return {
        kind: 'legal-removal',
        changed: true,
        said:
          `Removed ${articlePath(article.section_slug, article.slug)} for legal reasons` +
          (article.withdrawn_at ? ' (it was withdrawn)' : '') +
          ': its text and every version of it are erased, and its addresses answer 451.',
        tags: articleTags(article, navigationChanged),
        erase: true,
        schedule: false,
        purge: purgeList(article),
      };
    },
    async (client, outcome) => {
      // VACUUM cannot run in a transaction: after the commit, so that no dead row version
      // still holds the text (one a reader's open snapshot still sees waits for the next).
      // The removal is committed whatever happens here: a vacuum that fails is said, for the
      // operator to run (docs/withdrawal.md), not taken for a failed removal.
      if (!outcome.changed) return;
      const failed: string[] = [];
      for (const table of ERASED_TABLES)
        await client.query(`VACUUM ${table}`).catch((error: Error) => failed.push(`${table} (${error.message})`));
      if (failed.length > 0)
        outcome.said += ` VACUUM failed for ${failed.join(', ')}: run it by hand, so that no dead row keeps the text.`;
    },
  );
}

/**
 * Restores a withdrawn article (`--restore`): public again at the time it had (a scheduled one
 * still waits for its time). Not withdrawn, or removed for legal reasons, is an error.
 */
export async function restoreArticle(pool: pg.Pool, input: string, options: ActionOptions = {}) {
  const slug = articleSlugOf(input, options.origin ?? siteUrl());
  return inTransaction(pool, options, async (client): Promise<ActionOutcome> => {
    // No article: an error either way (no such article, or a legal removal, whose text is gone).
    const found = (await findArticle(client, slug)) ?? (await nothingAt(client, slug, 'restore'));
    const address = articlePath(found.section_slug, found.slug);
    if (!found.withdrawn_at || !found.kept_public_at)
      throw new WithdrawalInputError(`${address} is not withdrawn: nothing to restore`);
    const navigationBefore = await loadNavigationSections(client);
    await client.query(`UPDATE articles SET public_at = $2 WHERE id = $1`, [found.id, found.kept_public_at]);
    await client.query(`DELETE FROM withdrawals WHERE article_id = $1`, [found.id]);
    await record(client, { kind: 'restore', articleId: found.id, address });
    const { rows } = await client.query<{ public: boolean }>(
      `SELECT public_at <= now() AS public FROM articles WHERE id = $1`,
      [found.id],
    );
    const scheduled = !rows[0]?.public;
    // Its neighbours' pages point at it again (their "previous/next"), as for a new article.
    const neighbours = scheduled ? [] : await loadNeighbourSlugs(poolReader(client), [found.slug]);
    const navigationChanged = (await loadNavigationSections(client)) !== navigationBefore;
    return {
      kind: 'restore',
      changed: true,
      said: scheduled
        ? `Restored ${address}: it is scheduled, and becomes public at ${found.kept_public_at.toISOString()}.`
        : `Restored ${address}: it is public again.`,
      tags: scheduled ? [CORRECTIONS_TAG] : articleTags(found, navigationChanged, neighbours),
      erase: false,
      schedule: scheduled,
      purge: scheduled ? [] : purgeList(found),
    };
  });
}

/**
 * Lifts a legal removal (`--lift <address>`), found by its address's hash: its addresses then
 * answer 404, and a later import may publish the article again.
 */
export async function liftRemoval(
  pool: pg.Pool,
  input: string,
  options: ActionOptions & { reason?: string } = {},
): Promise<ActionOutcome> {
  const slug = articleSlugOf(input, options.origin ?? siteUrl());
  return inTransaction(pool, options, async (client) => {
    const removal = await findRemoval(client, slug);
    if (!removal) throw new WithdrawalInputError(`no legal removal is in force at "${slug}": nothing to lift`);
    await client.query(`UPDATE legal_removals SET lifted_at = now() WHERE id = $1`, [removal.id]);
    await record(client, { kind: 'lift', legalRemovalId: removal.id, reason: options.reason?.trim() || null });
    return {
      kind: 'lift',
      changed: true,
      said: `Lifted the legal removal of ${day(removal.removed_at)} at "${slug}": its addresses answer 404, and a later import may publish the article again.`,
      tags: [...pageTagsOf(slug), CORRECTIONS_TAG],
      erase: false,
      schedule: false,
      purge: [],
    } satisfies ActionOutcome;
  });
}

export interface WithdrawnArticle {
  address: string;
  headline: string;
  withdrawnAt: Date;
  reason: string;
}

export interface RemovalInForce {
  removedAt: Date;
  reason: string;
}

/** Withdrawn articles, and legal removals in force (no headline: none is kept), newest first (`--list`). */
export async function listWithdrawals(
  pool: pg.Pool,
): Promise<{ withdrawn: WithdrawnArticle[]; removals: RemovalInForce[] }> {
  const withdrawn = await pool.query<{ section: string; slug: string; headline: string; at: Date; reason: string }>(
    `SELECT s.slug AS section, a.slug, a.headline, w.withdrawn_at AS at, w.reason
       FROM withdrawals w JOIN articles a ON a.id = w.article_id JOIN sections s ON s.id = a.section_id
      ORDER BY w.withdrawn_at DESC, w.article_id DESC`,
  );
  const removals = await pool.query<{ at: Date; reason: string }>(
    `SELECT removed_at AS at, reason FROM legal_removals WHERE lifted_at IS NULL ORDER BY removed_at DESC, id DESC`,
  );
  return {
    withdrawn: withdrawn.rows.map((row) => ({
      address: articlePath(row.section, row.slug),
      headline: row.headline,
      withdrawnAt: row.at,
      reason: row.reason,
    })),
    removals: removals.rows.map((row) => ({ removedAt: row.at, reason: row.reason })),
  };
}

export interface RecordedAction {
  at: Date;
  kind: 'import' | 'withdraw' | 'legal-removal' | 'restore' | 'lift';
  address: string | null;
  legalRemovalId: number | null;
  reason: string | null;
  detail: Record<string, unknown>;
}

/** The record of editorial actions, newest first (`--log`): at most `limit`, and how many there are. */
export async function loadRecord(pool: pg.Pool, limit = 100): Promise<{ actions: RecordedAction[]; total: number }> {
  const { rows } = await pool.query<{
    at: Date;
    kind: RecordedAction['kind'];
    address: string | null;
    legal_removal_id: number | null;
    reason: string | null;
    detail: Record<string, unknown>;
  }>(
    `SELECT at, kind, address, legal_removal_id, reason, detail FROM editorial_actions ORDER BY at DESC, id DESC LIMIT $1`,
    [limit],
  );
  const { rows: count } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM editorial_actions`);
  return {
    actions: rows.map((row) => ({
      at: row.at,
      kind: row.kind,
      address: row.address,
      legalRemovalId: row.legal_removal_id,
      reason: row.reason,
      detail: row.detail,
    })),
    total: count[0]?.n ?? 0,
  };
}
