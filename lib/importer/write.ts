import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { importStreams } from '@/lib/db/pool';
import { countWords } from './content';
import type { PlannedArticle, StoredArticle } from './plan';

/** Held by an import from start to end (Prisma's migration lock is 72707369). */
const IMPORT_LOCK_KEY = 72707370;
const LOCK_POLL_MS = 250;
/** Rows per chunk sent to COPY (and per progress report): about 2 MB at 2 KB an article. */
const CHUNK = 1_000;

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

/** What is stored of the articles with these identities (by identity): their slug, content hash and section. */
export async function loadStoredArticles(
  client: pg.PoolClient,
  identities: string[],
): Promise<Map<string, StoredArticle>> {
  const { rows } = await client.query<{ identity: string; slug: string; hash: string; section_slug: string }>(
    `SELECT a.identity, a.slug, a.content_hash AS hash, s.slug AS section_slug
       FROM articles a JOIN sections s ON s.id = a.section_id
      WHERE a.identity = ANY($1::text[])`,
    [identities],
  );
  return new Map(rows.map((row) => [row.identity, { slug: row.slug, hash: row.hash, sectionSlug: row.section_slug }]));
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
 * Writes one document's new and changed articles. The rows are first staged in
 * `import_work.stage` (bulk COPY, outside any transaction), over IMPORT_STREAMS
 * connections at once: parsing text into search words is most of an import's work
 * for PostgreSQL, and the staging table does it as rows arrive, one core per
 * connection. The transaction then only moves the rows into place, so it stays
 * short, and a run killed at any point leaves the articles as they were.
 */
export async function writeDocument(
  pool: pg.Pool,
  client: pg.PoolClient,
  articles: readonly PlannedArticle[],
  now: Date,
  onProgress: (written: number) => void,
): Promise<void> {
  if (articles.length === 0) return;
  await client.query('TRUNCATE import_work.stage');
  await stageArticles(pool, client, articles, onProgress);

  await client.query('BEGIN');
  await client.query(
    `INSERT INTO sections (slug, name)
     SELECT DISTINCT ON (section_slug) section_slug, section_name FROM import_work.stage
     ON CONFLICT (slug) DO NOTHING`,
  );
  // The version each update replaces is kept whole first, from the same staged rows (one
  // statement however many changed): a correction never loses what the article said.
  await client.query(
    `INSERT INTO article_revisions (article_id, version_of, replaced_at, headline, section_id, body,
                                    dateline_place, dateline_date, dateline_source, content_hash)
     SELECT a.id, a.updated_at, $1, a.headline, a.section_id, a.body,
            a.dateline_place, a.dateline_date, a.dateline_source, a.content_hash
       FROM articles a JOIN import_work.stage s ON s.identity = a.identity
      WHERE NOT s.is_new AND a.content_hash <> s.content_hash`,
    [now],
  );
  // An update finds its article by identity and keeps its slug: an article's URL never changes.
  await client.query(
    `UPDATE articles a
        SET headline = s.headline, section_id = sec.id, body = s.body,
            dateline_place = s.dateline_place, dateline_date = s.dateline_date,
            dateline_source = s.dateline_source, word_count = s.word_count,
            content_hash = s.content_hash, search = s.search, updated_at = $1
       FROM import_work.stage s JOIN sections sec ON sec.slug = s.section_slug
      WHERE a.identity = s.identity AND NOT s.is_new`,
    [now],
  );
  await client.query(
    `INSERT INTO articles (identity, slug, headline, section_id, body, dateline_place, dateline_date, dateline_source,
                           word_count, published_at, first_imported_at, updated_at, content_hash, search)
     SELECT s.identity, s.slug, s.headline, sec.id, s.body, s.dateline_place, s.dateline_date, s.dateline_source,
            s.word_count, s.published_at, $1, $1, s.content_hash, s.search
       FROM import_work.stage s JOIN sections sec ON sec.slug = s.section_slug
      WHERE s.is_new`,
    [now],
  );
  // Each section's length, for its listing's page count (only rows whose count moved are written).
  await client.query(
    `UPDATE sections s SET article_count = c.n
       FROM (SELECT sec.id, count(a.id)::int AS n FROM sections sec LEFT JOIN articles a ON a.section_id = sec.id
              GROUP BY sec.id) c
      WHERE c.id = s.id AND s.article_count <> c.n`,
  );
  await client.query('COMMIT');
  await client.query('TRUNCATE import_work.stage');
}

const STAGE_COLUMNS =
  'identity, slug, headline, section_slug, section_name, body, dateline_place, dateline_date, dateline_source, word_count, published_at, content_hash, is_new';

/**
 * COPYs the articles into the staging table over `client` and IMPORT_STREAMS - 1 more
 * connections, chunk by chunk (each stream takes every IMPORT_STREAMS-th chunk).
 */
async function stageArticles(
  pool: pg.Pool,
  client: pg.PoolClient,
  articles: readonly PlannedArticle[],
  onProgress: (written: number) => void,
): Promise<void> {
  const chunks = Math.ceil(articles.length / CHUNK);
  const streams = Math.min(importStreams(), chunks);
  const extra: pg.PoolClient[] = [];
  try {
    for (let i = 1; i < streams; i++) extra.push(await pool.connect());
  } catch (error) {
    for (const other of extra) other.release();
    throw error;
  }
  let written = 0;
  const report = (count: number) => onProgress((written += count));
  const results = await Promise.allSettled(
    [client, ...extra].map((connection, stream) =>
      pipeline(
        Readable.from(copyText(articles, stream, streams, report)),
        connection.query(copyFrom(`COPY import_work.stage (${STAGE_COLUMNS}) FROM STDIN`)),
      ),
    ),
  );
  // A stream that failed may have left its connection mid-COPY: such a connection is not reused.
  results.slice(1).forEach((result, i) => extra[i]!.release(result.status === 'rejected'));
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
}

/** COPY's text format: a tab between fields, a row a line, `\N` for null, and these four characters escaped. */
const COPY_SPECIAL = /[\\\t\n\r]/;
const COPY_ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
function copyField(value: string | null): string {
  if (value === null) return '\\N';
  return COPY_SPECIAL.test(value) ? value.replace(/[\\\t\n\r]/g, (c) => COPY_ESCAPES[c] ?? c) : value;
}

/** One stream's rows as COPY text (chunks stream, stream + streams, …), reporting each chunk as it is taken. */
function* copyText(
  articles: readonly PlannedArticle[],
  stream: number,
  streams: number,
  onChunk: (count: number) => void,
): Generator<string> {
  for (let start = stream * CHUNK; start < articles.length; start += streams * CHUNK) {
    const chunk = articles.slice(start, start + CHUNK);
    let text = '';
    for (const { draft, slug, hash, publishedAt, isNew } of chunk) {
      text += [
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
      ].join('\t');
      text += '\n';
    }
    yield text;
    onChunk(chunk.length);
  }
}
