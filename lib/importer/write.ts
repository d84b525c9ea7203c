import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { importStreams } from '@/lib/db/pool';
import { segmentArticle } from '@/lib/search/segment';
import { countWords } from './content';
import type { ArticleDraft, StoredNote } from '@/lib/documents/types';
import type { NameRow } from './names';
import { draftKey, type PlannedArticle, type StoredArticle } from './plan';

/** Held by an import from start to end (Prisma's migration lock is 72707369). */
const IMPORT_LOCK_KEY = 72707370;
const LOCK_POLL_MS = 250;
/** Articles planned, staged and moved at a time (and per progress report): about 2 MB at 2 KB an article. */
export const WRITE_BATCH = 1_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `work` on one connection that holds the import lock, so that two imports
 * never interleave. Polls rather than blocks, so that the wait is not cut short
 * by the statement timeout; a killed run's lock goes with its session.
 */
export async function withImportLock<T>(
  pool: pg.Pool,
  onWait: (() => void) | undefined,
  work: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  const client = await pool.connect();
  let broken = false;
  try {
    for (let waited = false; ; waited = true) {
      const { rows } = await client.query<{ got: boolean }>('SELECT pg_try_advisory_lock($1) AS got', [
        IMPORT_LOCK_KEY,
      ]);
      if (rows[0]?.got) break;
      if (!waited) onWait?.();
      await sleep(LOCK_POLL_MS);
    }
    try {
      return await work(client);
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [IMPORT_LOCK_KEY]).catch(() => {
        broken = true;
      });
    }
  } finally {
    client.release(broken);
  }
}

/**
 * What is stored of the articles these drafts are, by draftKey ("Identity with dates"): for a
 * dated draft, the article of its headline on its day, else its headline's undated article (it
 * gains the date), else its headline's article that is still scheduled at `now` on another day
 * (a re-import with another date moves a scheduled article: "Newsroom lines"; a published one on
 * another day is a recurring headline, another article, and so is a withdrawn one, whose
 * public_at is 'infinity'); for an undated draft, the newest article of its headline, whatever
 * its day. One probe of the (identity, date_key) index each.
 */
export async function loadStoredArticles(
  client: pg.PoolClient,
  drafts: readonly ArticleDraft[],
  now: Date,
): Promise<Map<string, StoredArticle>> {
  const { rows } = await client.query<{
    i: string;
    id: number;
    slug: string;
    hash: string;
    section_slug: string;
    date_key: string;
    dated: boolean;
    published_at: Date;
    public_at: Date;
    notes: StoredNote[];
  }>(
    `SELECT q.i, a.id, a.slug, a.content_hash AS hash, s.slug AS section_slug, a.date_key, a.dated,
            a.published_at, a.public_at, a.notes
       FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS q(identity, day, i)
       CROSS JOIN LATERAL (
         SELECT * FROM articles a
          WHERE a.identity = q.identity AND (q.day = '' OR a.date_key = q.day OR a.date_key = '' OR (a.public_at > $3 AND a.public_at < 'infinity'))
          ORDER BY CASE WHEN q.day = '' THEN 0 WHEN a.date_key = q.day THEN 0 WHEN a.date_key = '' THEN 1 ELSE 2 END,
                   a.published_at DESC, a.id DESC
          LIMIT 1) a
       JOIN sections s ON s.id = a.section_id`,
    [drafts.map((draft) => draft.identity), drafts.map((draft) => draft.date?.day ?? ''), now],
  );
  const stored = new Map<string, StoredArticle>();
  for (const row of rows) {
    stored.set(draftKey(drafts[Number(row.i) - 1]!), {
      id: row.id,
      slug: row.slug,
      hash: row.hash,
      sectionSlug: row.section_slug,
      dateKey: row.date_key,
      dated: row.dated,
      publishedAt: row.published_at,
      publicAt: row.public_at,
      notes: row.notes,
    });
  }
  return stored;
}

/** What an article's authors and tags are before an update: their identities and slugs, in order. */
export interface StoredLinks {
  authors: NameRow[];
  tags: NameRow[];
}

/** The stored authors and tags of these articles, by article id. */
export async function loadStoredLinks(
  client: pg.PoolClient,
  ids: readonly number[],
): Promise<Map<number, StoredLinks>> {
  const { rows } = await client.query<{ article_id: number; kind: 'author' | 'tag' } & NameRow>(
    `SELECT l.article_id, 'author' AS kind, l.position, n.identity, n.slug, n.name
       FROM article_authors l JOIN authors n ON n.id = l.author_id WHERE l.article_id = ANY($1::int[])
     UNION ALL
     SELECT l.article_id, 'tag', l.position, n.identity, n.slug, n.name
       FROM article_tags l JOIN tags n ON n.id = l.tag_id WHERE l.article_id = ANY($1::int[])
     ORDER BY 1, 2, 3`,
    [ids],
  );
  const links = new Map<number, StoredLinks>();
  for (const { article_id: id, kind, identity, slug, name } of rows) {
    let entry = links.get(id);
    if (!entry) links.set(id, (entry = { authors: [], tags: [] }));
    (kind === 'author' ? entry.authors : entry.tags).push({ identity, slug, name });
  }
  return links;
}

/** Which of these slugs an article holds (one probe of the slug's unique index each). */
export async function loadTakenSlugs(client: pg.PoolClient, slugs: string[]): Promise<Set<string>> {
  const { rows } = await client.query<{ slug: string }>(`SELECT slug FROM articles WHERE slug = ANY($1::text[])`, [
    slugs,
  ]);
  return new Set(rows.map((row) => row.slug));
}

/** The sections the navigation shows (those with articles), as one comparable string. */
export async function loadNavigationSections(client: pg.PoolClient): Promise<string> {
  const { rows } = await client.query<{ slugs: string | null }>(
    `SELECT string_agg(slug, ' ' ORDER BY id) AS slugs FROM sections WHERE article_count > 0`,
  );
  return rows[0]?.slugs ?? '';
}

/**
 * The sections a migration moved off a slug the site's routes now use (`section_redirects`):
 * old slug → the slug the section has now. The parser puts a marker naming the old one there.
 */
export async function loadMovedSections(pool: pg.Pool): Promise<Map<string, string>> {
  // On a connection of its own, as every other query of the import's (pool.connect, not pool.query).
  const client = await pool.connect();
  try {
    const { rows } = await client.query<{ old_slug: string; slug: string }>(
      `SELECT r.old_slug, s.slug FROM section_redirects r JOIN sections s ON s.id = r.section_id`,
    );
    return new Map(rows.map((row) => [row.old_slug, row.slug]));
  } finally {
    client.release();
  }
}

/** Chunks read and planned ahead of the connections that stage them. */
const PLAN_AHEAD = 2;

/**
 * Writes one document's new and changed articles, taken batch by batch from `nextBatch` (the
 * caller reads and plans each batch when it is asked for, over the connection it is given),
 * until it gives null.
 *
 * - `client` opens the import's one transaction before anything is staged; nothing is visible
 *   to readers until it commits, so a run killed at any point leaves the articles as they were,
 *   and a failure (or a batch that cannot be planned) rolls it back before it is thrown.
 * - One more connection reads and plans the next batches while the others write them, so that
 *   reading the document overlaps writing it.
 * - Each batch is staged in `import_work.stage` by one `COPY`, which computes its rows' search
 *   vectors (most of an import's work for PostgreSQL) as they arrive, over IMPORT_STREAMS
 *   connections at once, `client` included: one core per connection. The others' COPYs are
 *   committed on their own, outside the transaction.
 * - The transaction moves each staged chunk into place as soon as it is committed (rows,
 *   revisions, indexes), so that this overlaps later chunks' vectors instead of following
 *   them; when no chunk is waiting, it stages the next batch itself, within the transaction.
 * - `lastWrite` is the document's last write (its row in the record of editorial actions), made
 *   in the transaction just before it commits, so that the one is never kept without the other;
 *   alone when the document changes nothing (no transaction).
 */
export async function writeDocument(
  pool: pg.Pool,
  client: pg.PoolClient,
  nextBatch: (connection: pg.PoolClient) => Promise<readonly PlannedArticle[] | null>,
  now: Date,
  onProgress: (written: number) => void,
  lastWrite: (client: pg.PoolClient) => Promise<void>,
): Promise<void> {
  const helpers = await connectHelpers(pool);
  const planner = helpers[0] ?? client;
  const stagers = helpers.slice(1);
  const broken = new Set<pg.PoolClient>();
  const changes = new Changes();
  let failure = null as { reason: unknown } | null;
  const fail = (reason: unknown) => {
    failure ??= { reason };
    changes.notify();
  };
  // Chunks planned and waiting to be staged; chunks the other connections have staged
  // (committed), waiting for the transaction to move them.
  const planned: Chunk[] = [];
  const staged: Chunk[] = [];
  let planning = true;
  let staging = stagers.length;

  const planAhead = (async () => {
    try {
      for (let id = 0; ;) {
        while (planned.length >= PLAN_AHEAD && !failure) await changes.wait();
        if (failure) return;
        const batch = await nextBatch(planner);
        if (!batch) return;
        if (batch.length === 0) continue;
        planned.push(chunkOf(batch, id++));
        changes.notify();
      }
    } catch (error) {
      fail(error);
    } finally {
      planning = false;
      changes.notify();
    }
  })();
  const take = async (): Promise<Chunk | null> => {
    for (;;) {
      const chunk = failure ? undefined : planned.shift();
      if (chunk) {
        changes.notify();
        return chunk;
      }
      if (!planning || failure) return null;
      await changes.wait();
    }
  };

  // Moves staged chunks into place, staging one itself when none is waiting, until all are moved.
  const writeChunks = async () => {
    const others = stagers.map(async (connection) => {
      try {
        for (let chunk = await take(); chunk; chunk = await take()) {
          try {
            await stage(connection, chunk);
          } catch (error) {
            // A connection that failed mid-COPY is not reused.
            broken.add(connection);
            throw error;
          }
          staged.push(chunk);
          changes.notify();
        }
      } catch (error) {
        fail(error);
      } finally {
        staging -= 1;
        changes.notify();
      }
    });
    const move = new ChunkMover(client, now);
    let written = 0;
    try {
      while (!failure) {
        // A chunk another connection staged, or else one to stage here.
        let chunk = staged.shift();
        if (!chunk) {
          chunk = planned.shift();
          if (chunk) {
            changes.notify(); // room for the planner
            await stage(client, chunk);
          }
        }
        if (chunk) {
          await move.chunk(chunk);
          onProgress((written += chunk.articles));
        } else if (planning || staging > 0) {
          await changes.wait();
        } else {
          break;
        }
      }
    } catch (error) {
      fail(error);
    }
    await Promise.all(others);
  };

  // Unchanged documents (a re-import) have no first chunk, and need no transaction.
  let transaction = false;
  try {
    const first = await take();
    if (first) {
      planned.unshift(first);
      await client.query('TRUNCATE import_work.stage');
      await client.query('BEGIN');
      transaction = true;
      // Every row it writes brings the vector it staged (its words split where the script needs
      // it): the update trigger must not make it again from the unsplit text (migration
      // 20261208000000_article_search_languages).
      await client.query(`SELECT set_config('news.search_given', 'on', true)`);
      await writeChunks();
    }
  } catch (error) {
    fail(error);
  } finally {
    // The planner (and each stager, above) has finished with its connection before it goes back.
    await planAhead;
    for (const connection of helpers) connection.release(broken.has(connection));
  }
  // What failed is what is thrown: a connection too broken to roll back is the lock holder's to drop.
  const rollBack = () =>
    client
      .query('ROLLBACK')
      .then(() => client.query('TRUNCATE import_work.stage'))
      .catch(() => undefined);
  if (failure) {
    if (transaction) await rollBack();
    throw failure.reason;
  }
  if (!transaction) return lastWrite(client);
  try {
    // Each section's length, for its listing's page count (only rows whose count moved are written).
    await client.query(
      `UPDATE sections s SET article_count = c.n
         FROM (SELECT sec.id, count(a.id)::int AS n FROM sections sec LEFT JOIN articles a ON a.section_id = sec.id
                GROUP BY sec.id) c
        WHERE c.id = s.id AND s.article_count <> c.n`,
    );
    await lastWrite(client);
  } catch (error) {
    await rollBack();
    throw error;
  }
  await client.query('COMMIT');
  await client.query('TRUNCATE import_work.stage');
}

/**
 * The connections `pool` can spare beside `client`, up to IMPORT_STREAMS: the first plans, the
 * others stage. With none to spare, `client` does all three.
 */
async function connectHelpers(pool: pg.Pool): Promise<pg.PoolClient[]> {
  const spare = Math.min(importStreams(), (pool.options.max ?? 10) - 1);
  const helpers: pg.PoolClient[] = [];
  try {
    for (let i = 0; i < spare; i++) helpers.push(await pool.connect());
  } catch (error) {
    for (const helper of helpers) helper.release();
    throw error;
  }
  return helpers;
}

/** Wakes whoever waits for a change of the import's queues. */
class Changes {
  private waiting: Array<() => void> = [];

  wait(): Promise<void> {
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  notify(): void {
    for (const resolve of this.waiting.splice(0)) resolve();
  }
}

/** A batch of planned articles as COPY text, and what moving it into place involves. */
interface Chunk {
  id: number;
  text: string;
  articles: number;
  /** New articles, and stored ones whose text changed. */
  created: number;
  updated: number;
  /** Each section its articles are in: slug → name. */
  sections: Map<string, string>;
  /** The authors and tags its articles name (by identity), and how many articles' links are written again. */
  authors: Map<string, NameRow>;
  tags: Map<string, NameRow>;
  relinked: number;
}

/** A batch of planned articles as chunk number `id`. */
function chunkOf(batch: readonly PlannedArticle[], id: number): Chunk {
  const chunk: Chunk = {
    id,
    text: copyText(batch, id),
    articles: batch.length,
    created: 0,
    updated: 0,
    sections: new Map(),
    authors: new Map(),
    tags: new Map(),
    relinked: 0,
  };
  for (const article of batch) {
    if (article.isNew) chunk.created += 1;
    else chunk.updated += 1;
    chunk.sections.set(article.draft.sectionSlug, article.draft.sectionName);
    if (!article.relink) continue;
    chunk.relinked += 1;
    for (const row of article.authorRows) chunk.authors.set(row.identity, row);
    for (const row of article.tagRows) chunk.tags.set(row.identity, row);
  }
  return chunk;
}

/** Sends a chunk's rows to the staging table with one COPY. */
async function stage(connection: pg.PoolClient, chunk: Chunk): Promise<void> {
  await pipeline(
    Readable.from([chunk.text]),
    connection.query(copyFrom(`COPY import_work.stage (${STAGE_COLUMNS}) FROM STDIN`)),
  );
  chunk.text = '';
}

/** Moves staged chunks into place, within the import's transaction. */
class ChunkMover {
  /** Sections made (or found) by this document's earlier chunks. */
  private readonly sections = new Set<string>();
  /** Authors and tags (by identity) this document's earlier chunks wrote (or found). */
  private readonly names = { authors: new Set<string>(), tags: new Set<string>() };

  constructor(
    private readonly client: pg.PoolClient,
    private readonly now: Date,
  ) {}

  async chunk(chunk: Chunk): Promise<void> {
    const { client, now } = this;
    const sections = [...chunk.sections].filter(([slug]) => !this.sections.has(slug));
    if (sections.length > 0) {
      await client.query(
        `INSERT INTO sections (slug, name) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT (slug) DO NOTHING`,
        [sections.map(([slug]) => slug), sections.map(([, name]) => name)],
      );
      for (const [slug] of sections) this.sections.add(slug);
    }
    await this.insertNames('authors', chunk.authors);
    await this.insertNames('tags', chunk.tags);
    if (chunk.updated > 0) {
      // The version each update replaces is kept whole first, its date, byline, tags and notes
      // with it: a correction never loses what the article said.
      await client.query(
        `INSERT INTO article_revisions (article_id, version_of, replaced_at, headline, section_id, body,
                                        dateline_place, dateline_date, dateline_source, content_hash,
                                        published_at, authors, tags, notes, salt)
         SELECT a.id, a.updated_at, $1, a.headline, a.section_id, a.body,
                a.dateline_place, a.dateline_date, a.dateline_source, a.content_hash, a.published_at,
                ARRAY(SELECT n.name FROM article_authors l JOIN authors n ON n.id = l.author_id
                       WHERE l.article_id = a.id ORDER BY l.position),
                ARRAY(SELECT n.name FROM article_tags l JOIN tags n ON n.id = l.tag_id
                       WHERE l.article_id = a.id ORDER BY l.position),
                a.notes, a.version_salt
           FROM articles a JOIN import_work.stage s ON s.article_id = a.id
          WHERE s.chunk = $2 AND NOT s.is_new AND a.content_hash <> s.content_hash`,
        [now, chunk.id],
      );
      // An update finds its article by its row and keeps its slug: an article's URL never changes. The new
      // version gets a salt of its own (the column's default, new_version_salt(): docs/versions.md).
      await client.query(
        `UPDATE articles a
            SET headline = s.headline, section_id = sec.id, body = s.body,
                dateline_place = s.dateline_place, dateline_date = s.dateline_date,
                dateline_source = s.dateline_source, word_count = s.word_count,
                content_hash = s.content_hash, search = s.search, updated_at = $1,
                published_at = s.published_at, public_at = s.public_at, date_key = s.date_key,
                dated = s.dated, notes = s.notes, language = s.language, language_given = s.language_given,
                version_salt = DEFAULT
           FROM import_work.stage s JOIN sections sec ON sec.slug = s.section_slug
          WHERE s.chunk = $2 AND a.id = s.article_id AND NOT s.is_new`,
        [now, chunk.id],
      );
    }
    if (chunk.created > 0) {
      await client.query(
        `INSERT INTO articles (identity, slug, headline, section_id, body, dateline_place, dateline_date, dateline_source,
                               word_count, published_at, first_imported_at, updated_at, content_hash, search,
                               public_at, date_key, dated, notes, language, language_given)
         SELECT s.identity, s.slug, s.headline, sec.id, s.body, s.dateline_place, s.dateline_date, s.dateline_source,
                s.word_count, s.published_at, $1, $1, s.content_hash, s.search,
                s.public_at, s.date_key, s.dated, s.notes, s.language, s.language_given
           FROM import_work.stage s JOIN sections sec ON sec.slug = s.section_slug
          WHERE s.chunk = $2 AND s.is_new`,
        [now, chunk.id],
      );
    }
    if (chunk.relinked > 0) {
      // Written again where the byline, tags or date changed: the rows are in byline order, and
      // carry the article's publication time for the author's and the tag's listings. One
      // statement: each staged article is found once, for both.
      if (chunk.updated > 0)
        await client.query(
          `WITH gone AS (SELECT article_id FROM import_work.stage WHERE chunk = $1 AND relink AND NOT is_new),
                authors AS (DELETE FROM article_authors l USING gone WHERE l.article_id = gone.article_id)
           DELETE FROM article_tags l USING gone WHERE l.article_id = gone.article_id`,
          [chunk.id],
        );
      await client.query(
        `WITH linked AS MATERIALIZED (
           SELECT a.id, a.published_at, s.author_identities, s.tag_identities
             FROM import_work.stage s JOIN articles a ON a.identity = s.identity AND a.date_key = s.date_key
            WHERE s.chunk = $1 AND s.relink),
         authors AS (
           INSERT INTO article_authors (article_id, author_id, position, published_at)
           SELECT l.id, n.id, t.position, l.published_at
             FROM linked l CROSS JOIN LATERAL unnest(l.author_identities) WITH ORDINALITY AS t(identity, position)
             JOIN authors n ON n.identity = t.identity)
         INSERT INTO article_tags (article_id, tag_id, position, published_at)
         SELECT l.id, n.id, t.position, l.published_at
           FROM linked l CROSS JOIN LATERAL unnest(l.tag_identities) WITH ORDINALITY AS t(identity, position)
           JOIN tags n ON n.identity = t.identity`,
        [chunk.id],
      );
    }
  }

  /** Adds the authors (or tags) a chunk names that are not stored yet, with the slugs planning gave them. */
  private async insertNames(table: 'authors' | 'tags', rows: ReadonlyMap<string, NameRow>): Promise<void> {
    const done = this.names[table];
    const fresh = [...rows.values()].filter((row) => !done.has(row.identity));
    if (fresh.length === 0) return;
    await this.client.query(
      `INSERT INTO ${table} (identity, slug, name) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (identity) DO NOTHING`,
      [fresh.map((row) => row.identity), fresh.map((row) => row.slug), fresh.map((row) => row.name)],
    );
    for (const row of fresh) done.add(row.identity);
  }
}

const STAGE_COLUMNS =
  'chunk, identity, slug, headline, section_slug, section_name, body, dateline_place, dateline_date, dateline_source, ' +
  'word_count, published_at, content_hash, is_new, article_id, date_key, dated, public_at, notes, author_identities, ' +
  'tag_identities, relink, language, language_given, search_headline, search_body, search_place';

/** COPY's text format: a tab between fields, a row a line, `\N` for null, and these four characters escaped. */
const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return COPY_SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] ?? c) : value;
}

/** A text[] in COPY text: `{"a","b"}`, each element quoted, `"` and `\\` escaped in it. */
function copyArray(values: readonly string[]): string {
  if (values.length === 0) return '{}';
  return copyField(`{${values.map((value) => `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`);
}

/** One chunk's rows as COPY text. */
function copyText(articles: readonly PlannedArticle[], chunk: number): string {
  let text = '';
  for (const article of articles) {
    const { draft, slug, hash, publishedAt, isNew } = article;
    const segmented = segmentArticle(draft.headline, draft.body, draft.dateline?.place ?? null);
    text += [
      String(chunk),
      copyField(draft.identity),
      copyField(slug),
      copyField(draft.headline),
      copyField(draft.sectionSlug),
      copyField(draft.sectionName),
      copyField(JSON.stringify(draft.body)),
      copyField(draft.dateline?.place ?? null),
      copyField(draft.dateline?.dateText ?? null),
      copyField(draft.dateline?.source ?? null),
      String(countWords(draft)),
      publishedAt.toISOString(),
      hash,
      isNew ? 't' : 'f',
      article.articleId === null ? '\\N' : String(article.articleId),
      copyField(article.dateKey),
      article.dated ? 't' : 'f',
      article.publicAt.toISOString(),
      article.notes.length === 0 ? '[]' : copyField(JSON.stringify(article.notes)),
      copyArray(article.authorIdentities),
      copyArray(article.tagIdentities),
      article.relink ? 't' : 'f',
      copyField(draft.language),
      draft.languageGiven ? 't' : 'f',
      copyField(segmented.headline),
      copyField(segmented.body === null ? null : JSON.stringify(segmented.body)),
      copyField(segmented.place),
    ].join('\t');
    text += '\n';
  }
  return text;
}
