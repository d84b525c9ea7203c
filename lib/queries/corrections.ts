import type { SqlReader } from '@/lib/db/sql-reader';
import { noteParts } from '@/lib/article-lines';
import { archiveCount, archiveRange } from '@/lib/feeds/archive';
import { Prisma } from '@/lib/generated/prisma/client';
import { UNDETERMINED_LANGUAGE } from '@/lib/language-tags';
import { SECTION_PAGE_SIZE, sectionPageCount } from '@/lib/listing';
import type { SectionRef } from './types';
import { published } from './visibility';

/**
 * Uncached reads of the corrections listing (docs/corrections.md): every correction and
 * clarification note of a public article, every editorial withdrawal of an article readers had
 * seen, and every legal removal (in force or lifted), newest first, as one list. Editor's notes
 * are not corrections: they say something about the article, not that it was wrong.
 *
 * Few articles have notes: the notes are read through articles_with_notes_idx (partial, WHERE
 * notes <> '[]'), whose predicate the statement repeats word for word so that PostgreSQL uses
 * it, never a scan of every article. Withdrawals and legal removals are their own small tables.
 */

/** The article an entry is about, as its link shows it. */
export interface CorrectedArticle {
  slug: string;
  headline: string;
  section: SectionRef;
  /** Its language, a BCP 47 tag, `und` when undetermined: its headline is shown in it. */
  language: string;
}

export type CorrectionEntry =
  | {
      kind: 'note';
      /** As the document wrote it: "Correction" or "Clarification". */
      label: string;
      /** The note's text, after its label. */
      text: string;
      /** ISO 8601: the import that first carried the note (an undated one: its article's last update). */
      at: string;
      article: CorrectedArticle;
    }
  | { kind: 'withdrawal'; reason: string; at: string; article: CorrectedArticle }
  /** No headline, no address: nothing of the article remains to show (docs/withdrawal.md). */
  | { kind: 'legal-removal'; id: number; reason: string; at: string; liftedAt: string | null };

export interface CorrectionsPage {
  entries: CorrectionEntry[];
  page: number;
  pageCount: number;
  total: number;
}

export interface CorrectionsArchive {
  /** Newest first, as in the subscription feed. */
  entries: CorrectionEntry[];
  archives: number;
  full: boolean;
}

// Notes of public articles that are corrections (`Clarification:` is one: docs/document-format.md,
// "Notes"). A note stored without a date (none should be: the notes came with their dates) is
// dated by its article's last update.
const NOTES = Prisma.sql`
  SELECT 'note' AS kind, coalesce((n.note->>'datedAt')::timestamptz, a.updated_at) AS at,
         a.id AS article_id, n.ord::int AS ord, 0 AS removal_id,
         n.note->>'text' AS text, NULL::text AS reason, NULL::timestamptz AS lifted_at,
         a.slug, a.headline, s.slug AS section_slug, s.name AS section_name, a.published_at AS article_at,
         a.language
    FROM articles a
    CROSS JOIN LATERAL jsonb_array_elements(a.notes) WITH ORDINALITY AS n(note, ord)
    JOIN sections s ON s.id = a.section_id
   WHERE a.notes <> '[]'::jsonb AND ${published()} AND n.note->>'kind' = 'correction'`;
// Withdrawals of articles that were public when withdrawn: a scheduled article withdrawn before
// its time never appeared, and its headline is not shown now either.
const WITHDRAWALS = Prisma.sql`
  SELECT 'withdrawal', w.withdrawn_at, a.id, 0, 0, NULL, w.reason, NULL,
         a.slug, a.headline, s.slug, s.name, a.published_at, a.language
    FROM withdrawals w
    JOIN articles a ON a.id = w.article_id
    JOIN sections s ON s.id = a.section_id
   WHERE w.public_at <= w.withdrawn_at`;
const REMOVALS = Prisma.sql`
  SELECT 'legal-removal', r.removed_at, 0, 0, r.id, NULL, r.reason, r.lifted_at, NULL, NULL, NULL, NULL, NULL, NULL
    FROM legal_removals r`;

interface EntryRow {
  kind: 'note' | 'withdrawal' | 'legal-removal';
  at: Date;
  removal_id: number;
  text: string | null;
  reason: string | null;
  lifted_at: Date | null;
  slug: string | null;
  headline: string | null;
  section_slug: string | null;
  section_name: string | null;
  language: string | null;
}

/**
 * `take` entries after skipping `skip`, newest first (DESC) or oldest first (ASC): one order read
 * from either end. Entries of one moment (an import's notes) follow their articles' order, as the
 * listings do, and an article's notes their order in it.
 */
function entriesSql(order: 'DESC' | 'ASC', skip: number, take: number): Prisma.Sql {
  const o = Prisma.raw(order);
  const notes = Prisma.raw(order === 'DESC' ? 'ASC' : 'DESC');
  return Prisma.sql`
    SELECT * FROM (${NOTES} UNION ALL ${WITHDRAWALS} UNION ALL ${REMOVALS}) e(kind, at, article_id, ord, removal_id,
           text, reason, lifted_at, slug, headline, section_slug, section_name, article_at, language)
     ORDER BY at ${o}, removal_id ${o}, article_at ${o}, article_id ${o}, ord ${notes}
     OFFSET ${skip} LIMIT ${take}`;
}

function entryFromRow(row: EntryRow): CorrectionEntry {
  const at = row.at.toISOString();
  if (row.kind === 'legal-removal') {
    return {
      kind: 'legal-removal',
      id: row.removal_id,
      reason: row.reason ?? '',
      at,
      liftedAt: row.lifted_at?.toISOString() ?? null,
    };
  }
  const article = {
    slug: row.slug ?? '',
    headline: row.headline ?? '',
    section: { slug: row.section_slug ?? '', name: row.section_name ?? '' },
    language: row.language ?? UNDETERMINED_LANGUAGE,
  };
  if (row.kind === 'withdrawal') return { kind: 'withdrawal', reason: row.reason ?? '', at, article };
  const { label, text } = noteParts({ kind: 'correction', text: row.text ?? '' });
  return { kind: 'note', label, text, at, article };
}

/** How many entries the corrections listing has (0: none yet, still a page). */
export async function loadCorrectionsTotal(db: SqlReader): Promise<number> {
  const [row] = await db.$queryRaw<Array<{ total: number }>>`
    SELECT ((SELECT count(*) FROM articles a CROSS JOIN LATERAL jsonb_array_elements(a.notes) AS n(note)
              WHERE a.notes <> '[]'::jsonb AND ${published()} AND n.note->>'kind' = 'correction')
          + (SELECT count(*) FROM withdrawals w WHERE w.public_at <= w.withdrawn_at)
          + (SELECT count(*) FROM legal_removals))::int AS total`;
  return row?.total ?? 0;
}

/** The newest `limit` entries (the subscription feed). */
export async function loadLatestCorrections(db: SqlReader, limit: number): Promise<CorrectionEntry[]> {
  return (await db.$queryRaw<EntryRow[]>(entriesSql('DESC', 0, limit))).map(entryFromRow);
}

/** Page `page` of the listing (null: past the last; page 1 always is one, empty or not). */
export async function loadCorrectionsPage(db: SqlReader, page: number): Promise<CorrectionsPage | null> {
  const total = await loadCorrectionsTotal(db);
  const pageCount = Math.max(1, sectionPageCount(total));
  if (!Number.isInteger(page) || page < 1 || page > pageCount) return null;
  const rows = await db.$queryRaw<EntryRow[]>(entriesSql('DESC', (page - 1) * SECTION_PAGE_SIZE, SECTION_PAGE_SIZE));
  return { entries: rows.map(entryFromRow), page, pageCount, total };
}

/** Archive `number` of the corrections feed (RFC 5005, numbered from the oldest, as every feed's). */
export async function loadCorrectionsArchive(db: SqlReader, number: number): Promise<CorrectionsArchive | null> {
  const total = await loadCorrectionsTotal(db);
  const range = archiveRange(total, number);
  if (range === null) return null;
  const rows = await db.$queryRaw<EntryRow[]>(entriesSql('ASC', range.skipOldest, range.take));
  return { entries: rows.reverse().map(entryFromRow), archives: archiveCount(total), full: range.full };
}
