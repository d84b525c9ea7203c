import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatReport } from '@/lib/importer/format-report';
import { importDocuments } from '@/lib/importer/import-documents';
import { loadArticle, loadLatestArticles, loadSectionPage } from '@/lib/queries/loaders';
import { loadSearchResults } from '@/lib/queries/search';
import { sentencesOf } from '@/lib/withdrawal/reason';
import {
  liftRemoval,
  listWithdrawals,
  loadRecord,
  restoreArticle,
  withdrawArticle,
  WithdrawalInputError,
} from '@/lib/withdrawal/actions';
import { addressHash } from '@/lib/withdrawal/hashes';
import { runScript } from './support/cli';
import { availableDatabaseKinds, childEnv, createTestDatabase, type TestDatabase } from './support/database';
import { listingDocument, uniqueWord, type DocumentArticle } from './support/documents';

const kinds = await availableDatabaseKinds();
const source = (file: string, text: string) => ({ file, bytes: new TextEncoder().encode(text) });
const ORIGIN = 'https://news.example';

/**
 * Every column of every table that could hold text (text, jsonb, arrays, tsvector), in every
 * schema of the database but PostgreSQL's own: where a legal removal must leave no sentence.
 */
async function textColumns(db: TestDatabase): Promise<Array<{ schema: string; table: string; column: string }>> {
  const { rows } = await db.pool.query<{ schema: string; table: string; column: string }>(
    `SELECT c.table_schema AS schema, c.table_name AS table, c.column_name AS column
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
        AND (c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'ARRAY', 'tsvector')
             OR c.udt_name = 'tsvector')`,
  );
  return rows;
}

/** Where in the database `needle` is found (as `schema.table.column`), case aside. */
async function whereFound(db: TestDatabase, needles: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const { schema, table, column } of await textColumns(db)) {
    const { rows } = await db.pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${schema}"."${table}" WHERE "${column}"::text ILIKE ANY($1::text[])`,
      [needles.map((needle) => `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)],
    );
    if ((rows[0]?.n ?? 0) > 0) found.push(`${schema}.${table}.${column}`);
  }
  return found;
}

/** What the editor's actions leave, counted: a refused action must change none of it. */
async function snapshot(db: TestDatabase) {
  const { rows } = await db.pool.query(
    `SELECT (SELECT count(*) FROM withdrawals)::int AS withdrawals,
            (SELECT count(*) FROM legal_removals)::int AS removals,
            (SELECT count(*) FROM editorial_actions)::int AS actions,
            (SELECT count(*) FROM articles)::int AS articles,
            (SELECT string_agg(slug || '@' || public_at::text, ',' ORDER BY slug) FROM articles) AS public`,
  );
  return rows[0];
}

describe.each(kinds)('withdrawal and legal removal, on the %s database', (kind) => {
  let db: TestDatabase;
  const word = uniqueWord();
  const low = word.toLowerCase();
  const section = `Desk ${word}`;
  const sectionSlug = `desk-${low}`;
  const secret = `Secret${word}`;
  // Longer than a slug: a second headline alike in its first 80 characters asks for the same slug.
  const removedHeadline = `${secret} minister resigns after the inquiry into the harbour contracts finds that the tender was rigged from the start`;
  const removedBody = [
    `${secret} a former aide told the inquiry that the tender had been decided before it was advertised.`,
    `The minister denied any knowledge of the arrangement in a statement on Tuesday evening.`,
    `Opposition members called for the contracts to be cancelled and the money returned.`,
  ];
  const removedBodyLater = [
    ...removedBody,
    `A spokesperson for the ministry declined to comment further on the matter.`,
  ];
  const withdrawnHeadline = `Withdrawn ${word} report on the council budget`;
  const keptHeadline = `Kept ${word} report on the weather`;
  const scheduledHeadline = `Scheduled ${word} report on the festival`;
  let slugs: Record<string, string>;

  const removed = (paragraphs: string[]): DocumentArticle => ({
    headline: removedHeadline,
    section,
    paragraphs,
    authors: [`Reporter ${word}`],
    tags: [`Inquiry ${word}`],
  });
  const documentWith = (paragraphs: string[]) =>
    listingDocument([
      removed(paragraphs),
      { headline: withdrawnHeadline, section, paragraphs: [`${word} budget text.`] },
      { headline: keptHeadline, section, paragraphs: [`${word} weather text.`] },
      { headline: scheduledHeadline, section, date: '2099-06-01 10:00', paragraphs: [`${word} festival text.`] },
    ]);

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await importDocuments(db.pool, [source('first.txt', documentWith(removedBody))], { timeZone: 'UTC' });
    // A correction: the removed article has a stored version too.
    await importDocuments(db.pool, [source('second.txt', documentWith(removedBodyLater))], { timeZone: 'UTC' });
    const { rows } = await db.pool.query<{ headline: string; slug: string }>(`SELECT headline, slug FROM articles`);
    slugs = Object.fromEntries(rows.map((row) => [row.headline, row.slug]));
  });
  afterAll(async () => db?.drop());

  test('bad input is a clear message and changes nothing', async () => {
    const before = await snapshot(db);
    const attempt = (run: () => Promise<unknown>) => expect(run()).rejects.toBeInstanceOf(WithdrawalInputError);

    await expect(withdrawArticle(db.pool, `no-such-${low}`, { reason: 'x', origin: ORIGIN })).rejects.toThrow(
      `no article at "no-such-${low}": nothing to withdraw`,
    );
    await expect(
      withdrawArticle(db.pool, `https://elsewhere.example/${sectionSlug}/${slugs[keptHeadline]}`, {
        reason: 'x',
        origin: ORIGIN,
      }),
    ).rejects.toThrow('is an address of elsewhere.example, not of this site (news.example');
    await expect(withdrawArticle(db.pool, slugs[keptHeadline]!, { reason: '  ', origin: ORIGIN })).rejects.toThrow(
      'A withdrawal needs a reason',
    );
    await expect(restoreArticle(db.pool, slugs[keptHeadline]!, { origin: ORIGIN })).rejects.toThrow(
      'is not withdrawn: nothing to restore',
    );
    await attempt(() => liftRemoval(db.pool, slugs[keptHeadline]!, { origin: ORIGIN }));
    await attempt(() => withdrawArticle(db.pool, '/lite/', { reason: 'x', origin: ORIGIN }));

    expect(await snapshot(db)).toEqual(before);
  });

  test('the command exits non-zero with a clear message on bad input, and changes nothing', async () => {
    const before = await snapshot(db);
    const env = { ...childEnv(db), SITE_URL: ORIGIN };
    const run = (args: string[]) => runScript('scripts/withdraw.ts', args, env);

    const missingReason = await run([slugs[keptHeadline]!]);
    expect(missingReason.code).toBe(2);
    expect(missingReason.stderr).toContain('withdraw: a withdrawal needs a reason: --reason "…"');

    const elsewhere = await run([`https://elsewhere.example/${sectionSlug}/${slugs[keptHeadline]}`, '--reason', 'x']);
    expect(elsewhere.code).toBe(1);
    expect(elsewhere.stderr).toContain('is an address of elsewhere.example, not of this site');
    expect(elsewhere.stderr).toContain('Nothing changed.');

    const nothing = await run([`/${sectionSlug}/no-such-${low}`, '--reason', 'x']);
    expect(nothing.code).toBe(1);
    expect(nothing.stderr).toContain(`withdraw: no article at "no-such-${low}": nothing to withdraw. Nothing changed.`);

    expect(await snapshot(db)).toEqual(before);
  });

  test('a withdrawal takes the article out of every read and keeps its versions; again, it says so; restore puts it back', async () => {
    const slug = slugs[withdrawnHeadline]!;
    const publicBefore = (await db.pool.query(`SELECT public_at FROM articles WHERE slug = $1`, [slug])).rows[0];
    const countBefore = (await loadSectionPage(db.prisma, sectionSlug, 1))?.total;

    // Any address of the article names it: here its lite twin's full URL.
    const outcome = await withdrawArticle(db.pool, `${ORIGIN}/lite/${sectionSlug}/${slug}`, {
      reason: 'The budget figures were wrong.',
      origin: ORIGIN,
    });
    expect(outcome).toMatchObject({ kind: 'withdraw', changed: true, erase: false });
    expect(outcome.tags).toEqual(
      expect.arrayContaining([
        `article:${slug}`,
        `shows:${slug}`,
        `section:${sectionSlug}`,
        'front',
        'latest',
        'corrections',
      ]),
    );
    expect(outcome.purge).toEqual(expect.arrayContaining([`/${sectionSlug}/${slug}`, `/lite/${sectionSlug}/${slug}`]));

    expect(await loadArticle(db.prisma, slug)).toBeNull();
    expect((await loadLatestArticles(db.prisma, 50)).map((a) => a.slug)).not.toContain(slug);
    expect((await loadSearchResults(db.prisma, `${word} budget`, 1)).hits.map((hit) => hit.slug)).not.toContain(slug);
    const listed = await loadSectionPage(db.prisma, sectionSlug, 1);
    expect(listed?.total).toBe(countBefore! - 1);
    expect(listed?.articles.map((a) => a.slug)).not.toContain(slug);
    expect((await db.pool.query(`SELECT 1 FROM articles WHERE slug = $1`, [slug])).rowCount).toBe(1);
    expect(await listWithdrawals(db.pool)).toMatchObject({
      withdrawn: [
        { address: `/${sectionSlug}/${slug}`, headline: withdrawnHeadline, reason: 'The budget figures were wrong.' },
      ],
    });

    const before = await snapshot(db);
    const again = await withdrawArticle(db.pool, slug, { reason: 'Another reason', origin: ORIGIN });
    expect(again.changed).toBe(false);
    expect(again.said).toContain('is withdrawn already');
    expect(await snapshot(db)).toEqual(before);

    // An import of the same document does not bring it back, and says so at its line.
    const report = await importDocuments(db.pool, [source('again.txt', documentWith(removedBodyLater))], {
      timeZone: 'UTC',
    });
    const line = documentWith(removedBodyLater).split('\n').indexOf(withdrawnHeadline) + 1;
    expect(report.documents[0]!.withdrawn).toEqual([line]);
    expect(formatReport(report, 'UTC').split('\n')).toContain(`again.txt:${line}: withdrawn: not republished`);
    expect(report.totals.invalid).toBe(0);
    expect(await loadArticle(db.prisma, slug)).toBeNull();

    const restored = await restoreArticle(db.pool, `/${sectionSlug}/${slug}.md`, { origin: ORIGIN });
    expect(restored).toMatchObject({ kind: 'restore', changed: true, schedule: false });
    expect((await loadArticle(db.prisma, slug))?.headline).toBe(withdrawnHeadline);
    expect((await db.pool.query(`SELECT public_at FROM articles WHERE slug = $1`, [slug])).rows[0]).toEqual(
      publicBefore,
    );
    expect((await loadSectionPage(db.prisma, sectionSlug, 1))?.total).toBe(countBefore);
  });

  test('a scheduled article can be withdrawn, and restored it is scheduled still', async () => {
    const slug = slugs[scheduledHeadline]!;
    const kept = (await db.pool.query(`SELECT public_at FROM articles WHERE slug = $1`, [slug])).rows[0];

    expect((await withdrawArticle(db.pool, slug, { reason: 'Cancelled.', origin: ORIGIN })).changed).toBe(true);
    const restored = await restoreArticle(db.pool, slug, { origin: ORIGIN });

    expect(restored.schedule).toBe(true);
    expect((await db.pool.query(`SELECT public_at FROM articles WHERE slug = $1`, [slug])).rows[0]).toEqual(kept);
    expect(await loadArticle(db.prisma, slug)).toBeNull();
  });

  test('a legal removal refuses a reason that quotes the text, escalates a withdrawal, and erases every sentence from every table', async () => {
    const slug = slugs[removedHeadline]!;
    const sentences = [removedHeadline, ...removedBodyLater.flatMap(sentencesOf)];
    expect(await whereFound(db, sentences)).toEqual(
      expect.arrayContaining(['public.articles.headline', 'public.articles.body', 'public.article_revisions.body']),
    );
    const withdrawn = await withdrawArticle(db.pool, slug, { reason: 'Under legal review.', origin: ORIGIN });
    expect(withdrawn.changed).toBe(true);
    const before = await snapshot(db);

    await expect(
      withdrawArticle(db.pool, slug, { reason: `Court order: ${removedBody[1]}`, legal: true, origin: ORIGIN }),
    ).rejects.toThrow('the reason quotes a sentence of the article being removed');
    await expect(
      withdrawArticle(db.pool, slug, { reason: removedHeadline.toUpperCase(), legal: true, origin: ORIGIN }),
    ).rejects.toThrow('the reason quotes the headline');
    expect(await snapshot(db)).toEqual(before);

    const rowsCount = () =>
      db.pool.query(`SELECT article_count FROM sections WHERE slug = $1`, [sectionSlug]).then((r) => r.rows[0]);
    const countBefore = (await rowsCount()).article_count as number;
    const outcome = await withdrawArticle(db.pool, `/${sectionSlug}/${slug}/opengraph-image`, {
      reason: 'Court order 2026/114 (High Court)',
      legal: true,
      origin: ORIGIN,
    });
    expect(outcome).toMatchObject({ kind: 'legal-removal', changed: true, erase: true });

    expect(await whereFound(db, [...sentences, secret])).toEqual([]);
    expect((await db.pool.query(`SELECT 1 FROM articles WHERE slug = $1`, [slug])).rowCount).toBe(0);
    const { rows: removals } = await db.pool.query(`SELECT * FROM legal_removals WHERE lifted_at IS NULL`);
    expect(removals).toEqual([
      expect.objectContaining({ address_hashes: [addressHash(slug)], reason: 'Court order 2026/114 (High Court)' }),
    ]);
    // Its author and tag named no other article: they went with it.
    expect((await db.pool.query(`SELECT 1 FROM authors WHERE name = $1`, [`Reporter ${word}`])).rowCount).toBe(0);
    expect((await db.pool.query(`SELECT 1 FROM tags WHERE name = $1`, [`Inquiry ${word}`])).rowCount).toBe(0);
    expect(await rowsCount()).toEqual({ article_count: countBefore - 1 });
    expect((await listWithdrawals(db.pool)).removals).toEqual([
      { removedAt: expect.any(Date), reason: 'Court order 2026/114 (High Court)' },
    ]);

    // Withdrawn again: it says so; restored: refused.
    expect((await withdrawArticle(db.pool, slug, { reason: 'x', origin: ORIGIN })).said).toContain(
      'was removed for legal reasons',
    );
    await expect(restoreArticle(db.pool, slug, { origin: ORIGIN })).rejects.toThrow(
      'a legal removal cannot be restored',
    );

    // The same document again does not publish it, says so, and gives its address to no other article.
    const alike = `${removedHeadline.split(' ').slice(0, 14).join(' ')} and more besides`;
    const document = listingDocument([removed(removedBody), { headline: alike, section }]);
    const report = await importDocuments(db.pool, [source('after-removal.txt', document)], { timeZone: 'UTC' });
    expect(report.documents[0]!.withdrawn).toEqual([1]);
    expect(formatReport(report, 'UTC').split('\n')).toContain('after-removal.txt:1: withdrawn: not republished');
    expect(await whereFound(db, sentences)).toEqual([]);
    const { rows: alikeRows } = await db.pool.query<{ slug: string }>(`SELECT slug FROM articles WHERE headline = $1`, [
      alike,
    ]);
    expect(alikeRows[0]?.slug).toBe(`${slug}-2`);
  });

  test('the record holds every action, newest first, without the removed text', async () => {
    const { actions } = await loadRecord(db.pool, 1000);
    const kinds = actions.map((action) => action.kind);
    expect(kinds).toEqual(expect.arrayContaining(['import', 'withdraw', 'restore', 'legal-removal']));
    expect(actions[actions.length - 1]).toMatchObject({
      kind: 'import',
      detail: { document: 'first.txt', added: 4, changed: 0, unchanged: 0, withdrawn: 0 },
    });
    expect(actions.find((action) => action.detail.document === 'after-removal.txt')).toMatchObject({
      detail: { added: 1, withdrawn: 1 },
    });
    const removal = actions.find((action) => action.kind === 'legal-removal')!;
    expect(removal).toMatchObject({ address: null, reason: 'Court order 2026/114 (High Court)' });
    // The rows about the removed article lost its address; the restored one's kept theirs.
    const about = actions.filter((action) => action.legalRemovalId === removal.legalRemovalId);
    expect(about.map((action) => action.kind).sort()).toEqual(['legal-removal', 'withdraw']);
    expect(about.every((action) => action.address === null)).toBe(true);
    expect(actions.some((action) => action.address === `/${sectionSlug}/${slugs[withdrawnHeadline]}`)).toBe(true);
  });

  test('lifting a legal removal ends it: a later import publishes the article again', async () => {
    const slug = slugs[removedHeadline]!;

    const lifted = await liftRemoval(db.pool, `${ORIGIN}/${sectionSlug}/${slug}`, { origin: ORIGIN });
    expect(lifted).toMatchObject({ kind: 'lift', changed: true });
    expect((await listWithdrawals(db.pool)).removals).toEqual([]);
    await expect(liftRemoval(db.pool, slug, { origin: ORIGIN })).rejects.toThrow('no legal removal is in force');

    const report = await importDocuments(db.pool, [source('lifted.txt', listingDocument([removed(removedBody)]))], {
      timeZone: 'UTC',
    });
    expect(report.totals).toMatchObject({ created: 1, withdrawn: 0 });
    expect((await loadArticle(db.prisma, slug))?.headline).toBe(removedHeadline);
    expect((await loadRecord(db.pool, 1)).actions[0]).toMatchObject({ kind: 'import' });
  });
});
