// npm run seed -- [--dry-run] [--skip-invalid] [--language TAG] [PATH ...]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { resolveDatabase } from '@/lib/db/connection';
import { migrate } from '@/lib/db/migrate';
import { createPool } from '@/lib/db/pool';
import { DocumentPathError, readDocumentFiles, type UnreadableDocument } from '@/lib/documents/read';
import { formatReport } from '@/lib/importer/format-report';
import { importDocuments } from '@/lib/importer/import-documents';
import { ImportFailed, type ImportReport } from '@/lib/importer/report';
import { releaseDue, tagsToExpire } from '@/lib/importer/expiry';
import { notifySite } from '@/lib/importer/notify-site';
import { expireInSharedCache } from '@/lib/shared-cache/import-expiry';
import { canonicalLanguageTag, LanguageTagError } from '@/lib/language';
import { siteTimeZone } from '@/lib/time-zone';

const BUNDLED_DOCUMENTS = path.resolve(import.meta.dirname, '../prisma/seed');

const USAGE = `Usage: npm run seed -- [--dry-run] [--skip-invalid] [--language TAG] [PATH ...]

Loads listing documents into the site's database. Each PATH is a document or a
folder of .txt documents; with no PATH, the bundled documents in prisma/seed/.

  --dry-run       parse, validate and compare; print the summary; write nothing
  --skip-invalid  load the valid documents even if others are invalid (still exits 1)
  --language TAG  the language of every article of these documents, a BCP 47 tag
                  (en, es, ru, zh-Hant, pt-BR…); without it, each article's is
                  found from its text
  --help          show this text

Exit status: 0 loaded, 1 some document invalid or a database error (what was
committed before it is reported, and the site told), 2 bad arguments.`;

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        'dry-run': { type: 'boolean', default: false },
        'skip-invalid': { type: 'boolean', default: false },
        language: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    console.error(`seed: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args.values.help) {
    console.log(USAGE);
    return 0;
  }
  let language: string | undefined;
  try {
    if (args.values.language !== undefined) language = canonicalLanguageTag(args.values.language);
  } catch (error) {
    if (!(error instanceof LanguageTagError)) throw error;
    console.error(`seed: --language: ${error.message}\n\n${USAGE}`);
    return 2;
  }
  // Dates without an offset are read in the site's time zone: a wrong setting loads nothing.
  try {
    siteTimeZone();
  } catch (error) {
    console.error(`seed: ${(error as Error).message}`);
    return 1;
  }

  let files;
  try {
    files = await readDocumentFiles(args.positionals.length > 0 ? args.positionals : [BUNDLED_DOCUMENTS]);
  } catch (error) {
    if (error instanceof DocumentPathError) {
      console.error(`seed: ${error.message}`);
      return 2;
    }
    throw error;
  }
  const { documents: sources, unreadable } = files;
  if (unreadable.length > 0) {
    console.log(formatUnreadable(unreadable));
    // Like an invalid document: nothing from this run is written, unless --skip-invalid.
    if (!args.values['skip-invalid']) {
      const documents = unreadable.length === 1 ? '1 document' : `${unreadable.length} documents`;
      console.log(`Nothing loaded: ${documents} could not be read (use --skip-invalid to load the others).`);
      return 1;
    }
  }

  const database = await resolveDatabase();
  // As the owner of the tables (DATABASE_OWNER_URL, or the embedded superuser): the site's role only reads.
  const pool = createPool(database.ownerUrl, 'import');
  try {
    for (const note of (await migrate(database.ownerUrl)).notes) console.error(note);
    let lastProgress = Date.now();
    let failed: ImportFailed | null = null;
    const report = await importDocuments(pool, sources, {
      dryRun: args.values['dry-run'],
      skipInvalid: args.values['skip-invalid'],
      ...(language ? { language } : {}),
      onWait: () => console.error('Another import is running: waiting for it to finish…'),
      onProgress: ({ documents, totalDocuments, articles }) => {
        if (Date.now() - lastProgress < 1000) return;
        lastProgress = Date.now();
        console.error(`… ${documents}/${totalDocuments} documents, ${articles} articles`);
      },
    }).catch((error: unknown): ImportReport => {
      // A database error after earlier documents were committed: what was committed is reported,
      // and the site told of it, before the error.
      if (!(error instanceof ImportFailed)) throw error;
      failed = error;
      return error.report;
    });
    console.log(formatReport(report));
    if (failed) {
      const { file, cause } = failed as ImportFailed;
      console.error(`seed: ${file}: ${cause instanceof Error ? cause.message : String(cause)}`);
    }
    if (!report.dryRun) {
      const tags = await tagsToExpire(pool, report);
      const shared = await expireInSharedCache(pool, tags);
      if (shared) console.log(shared.said);
      const told = await notifySite(tags, { schedule: releaseDue(report) });
      // With the change in the shared cache, an instance that was not told shows it anyway.
      console.log(shared?.everywhere && told.startsWith('No running site') ? 'No running site found to tell.' : told);
    }
    return failed || report.totals.invalid > 0 || unreadable.length > 0 ? 1 : 0;
  } finally {
    await pool.end();
    await database.close();
  }
}

/** Each document that could not be read, as an invalid document's problems are shown: file:line: message. */
function formatUnreadable(unreadable: UnreadableDocument[]): string {
  return unreadable
    .map(({ file, problem }) => `${file}: not read, nothing loaded\n${file}:${problem.line}: ${problem.message}`)
    .join('\n');
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`seed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
