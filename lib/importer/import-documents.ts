import type { PrismaClient } from '@/lib/db/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { parseListingDocument } from '@/lib/documents/parse';
import type { SourceDocument } from '@/lib/documents/read';
import type { ArticleDraft, DocumentProblem } from '@/lib/documents/types';
import { contentHash, countWords } from './content';

export interface ImportOptions {
  /** Parse, validate and compare with the database, writing nothing. */
  dryRun?: boolean;
  /** Load the valid documents even when others are invalid. */
  skipInvalid?: boolean;
  /** The time the run counts as; articles with no known publication time are dated from it. */
  now?: Date;
  onProgress?: (progress: { documents: number; totalDocuments: number; articles: number }) => void;
}

export type DocumentStatus = 'loaded' | 'would load' | 'invalid' | 'not loaded';

export interface DocumentReport {
  file: string;
  status: DocumentStatus;
  created: number;
  updated: number;
  unchanged: number;
  chromeLines: number;
  problems: DocumentProblem[];
}

export interface ChangedArticle {
  slug: string;
  sectionSlug: string;
  /** The section it was in before, when this run moved it. */
  previousSectionSlug?: string;
}

export interface ImportReport {
  documents: DocumentReport[];
  totals: {
    created: number;
    updated: number;
    unchanged: number;
    chromeLines: number;
    problems: number;
    invalid: number;
  };
  changed: ChangedArticle[];
  dryRun: boolean;
}

const BATCH = 500;

export async function importDocuments(
  prisma: PrismaClient,
  sources: readonly SourceDocument[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const now = options.now ?? new Date();
  const dryRun = options.dryRun ?? false;
  const parsed = sources.map((source) => ({ source, result: parseListingDocument(source.bytes) }));
  const anyInvalid = parsed.some(({ result }) => !result.ok);
  const writeValid = !anyInvalid || (options.skipInvalid ?? false);

  const documents: DocumentReport[] = [];
  const changed: ChangedArticle[] = [];
  // Dry runs see what earlier documents of the same run would have written.
  const pending = new Map<string, { hash: string; sectionSlug: string }>();
  let ordinal = 0;
  let articlesDone = 0;

  for (const [index, { source, result }] of parsed.entries()) {
    const report: DocumentReport = {
      file: source.file,
      status: 'invalid',
      created: 0,
      updated: 0,
      unchanged: 0,
      chromeLines: 0,
      problems: [],
    };
    documents.push(report);
    if (!result.ok) {
      report.problems = result.problems;
      continue;
    }
    report.chromeLines = result.chromeLines;
    if (!writeValid) {
      report.status = 'not loaded';
      continue;
    }
    const firstOrdinal = ordinal;
    ordinal += result.articles.length;
    const dated = result.articles.map((draft) => ({
      draft,
      hash: contentHash(draft),
      // The first block of a document is the newest; a second apart keeps the order in second-precise feeds.
      publishedAt: new Date(now.getTime() - (firstOrdinal + draft.position) * 1000),
    }));
    const outcome = dryRun
      ? await planDocument(prisma, dated, pending)
      : await prisma.$transaction(
          (tx) =>
            writeDocument(tx as unknown as PrismaClient, dated, now, (written) =>
              // A long document reports progress while its transaction is still open.
              options.onProgress?.({
                documents: index,
                totalDocuments: sources.length,
                articles: articlesDone + written,
              }),
            ),
          {
            maxWait: 60_000,
            timeout: 300_000,
          },
        );
    report.status = dryRun ? 'would load' : 'loaded';
    report.created = outcome.created;
    report.updated = outcome.updated;
    report.unchanged = outcome.unchanged;
    changed.push(...outcome.changed);
    articlesDone += result.articles.length;
    options.onProgress?.({ documents: index + 1, totalDocuments: sources.length, articles: articlesDone });
  }

  const sum = (key: 'created' | 'updated' | 'unchanged' | 'chromeLines') =>
    documents.reduce((total, doc) => total + doc[key], 0);
  return {
    documents,
    totals: {
      created: sum('created'),
      updated: sum('updated'),
      unchanged: sum('unchanged'),
      chromeLines: sum('chromeLines'),
      problems: documents.reduce((total, doc) => total + doc.problems.length, 0),
      invalid: documents.filter((doc) => doc.status === 'invalid').length,
    },
    changed,
    dryRun,
  };
}

interface DatedDraft {
  draft: ArticleDraft;
  hash: string;
  publishedAt: Date;
}

interface Outcome {
  created: number;
  updated: number;
  unchanged: number;
  changed: ChangedArticle[];
}

async function existingArticles(prisma: PrismaClient, slugs: string[]) {
  const found = new Map<string, { id: number; hash: string; sectionSlug: string }>();
  for (let i = 0; i < slugs.length; i += BATCH) {
    const rows = await prisma.article.findMany({
      where: { slug: { in: slugs.slice(i, i + BATCH) } },
      select: { id: true, slug: true, contentHash: true, section: { select: { slug: true } } },
    });
    for (const row of rows) found.set(row.slug, { id: row.id, hash: row.contentHash, sectionSlug: row.section.slug });
  }
  return found;
}

async function planDocument(
  prisma: PrismaClient,
  dated: DatedDraft[],
  pending: Map<string, { hash: string; sectionSlug: string }>,
): Promise<Outcome> {
  const stored = await existingArticles(
    prisma,
    dated.map(({ draft }) => draft.slug),
  );
  const outcome: Outcome = { created: 0, updated: 0, unchanged: 0, changed: [] };
  for (const { draft, hash } of dated) {
    const before = pending.get(draft.slug) ?? stored.get(draft.slug);
    pending.set(draft.slug, { hash, sectionSlug: draft.sectionSlug });
    if (!before) outcome.created += 1;
    else if (before.hash === hash) outcome.unchanged += 1;
    else outcome.updated += 1;
  }
  return outcome;
}

async function writeDocument(
  tx: PrismaClient,
  dated: DatedDraft[],
  now: Date,
  onBatch: (written: number) => void,
): Promise<Outcome> {
  const sectionNames = new Map(dated.map(({ draft }) => [draft.sectionSlug, draft.sectionName]));
  await tx.section.createMany({
    data: [...sectionNames].map(([slug, name]) => ({ slug, name })),
    skipDuplicates: true,
  });
  const sections = await tx.section.findMany({
    where: { slug: { in: [...sectionNames.keys()] } },
    select: { id: true, slug: true },
  });
  const sectionIds = new Map(sections.map((section) => [section.slug, section.id]));
  const stored = await existingArticles(
    tx,
    dated.map(({ draft }) => draft.slug),
  );

  const outcome: Outcome = { created: 0, updated: 0, unchanged: 0, changed: [] };
  const toCreate: Prisma.ArticleCreateManyInput[] = [];
  for (const { draft, hash, publishedAt } of dated) {
    const sectionId = sectionIds.get(draft.sectionSlug);
    if (sectionId === undefined) throw new Error(`section ${draft.sectionSlug} was not stored`);
    const fields = {
      headline: draft.headline,
      sectionId,
      body: draft.body,
      datelinePlace: draft.dateline?.place ?? null,
      datelineDate: draft.dateline?.dateText ?? null,
      datelineSource: draft.dateline?.source ?? null,
      wordCount: countWords(draft),
      contentHash: hash,
      updatedAt: now,
    };
    const before = stored.get(draft.slug);
    if (!before) {
      toCreate.push({ slug: draft.slug, publishedAt, firstImportedAt: now, ...fields });
      outcome.created += 1;
      outcome.changed.push({ slug: draft.slug, sectionSlug: draft.sectionSlug });
    } else if (before.hash === hash) {
      outcome.unchanged += 1;
    } else {
      await tx.article.update({ where: { id: before.id }, data: fields });
      outcome.updated += 1;
      outcome.changed.push({
        slug: draft.slug,
        sectionSlug: draft.sectionSlug,
        ...(before.sectionSlug !== draft.sectionSlug ? { previousSectionSlug: before.sectionSlug } : {}),
      });
    }
  }
  for (let i = 0; i < toCreate.length; i += BATCH) {
    await tx.article.createMany({ data: toCreate.slice(i, i + BATCH) });
    onBatch(Math.min(i + BATCH, toCreate.length));
  }
  return outcome;
}
