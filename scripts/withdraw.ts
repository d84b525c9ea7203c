// npm run withdraw -- <address or slug> --reason "…" [--legal] | --restore <address> | --lift <address> | --list | --log
import { parseArgs } from 'node:util';
import { resolveDatabase } from '@/lib/db/connection';
import { migrate } from '@/lib/db/migrate';
import { createPool } from '@/lib/db/pool';
import { notifySite } from '@/lib/importer/notify-site';
import { expireInSharedCache } from '@/lib/shared-cache/import-expiry';
import {
  liftRemoval,
  listWithdrawals,
  loadRecord,
  restoreArticle,
  withdrawArticle,
  WithdrawalInputError,
  type ActionOutcome,
} from '@/lib/withdrawal/actions';
import { eraseInSharedCache } from '@/lib/withdrawal/erase-shared';
import { formatList, formatPurge, formatRecord } from '@/lib/withdrawal/format';

const USAGE = `Usage:
  npm run withdraw -- <address or slug> --reason "…"          withdraw an article (410 Gone, with the reason)
  npm run withdraw -- <address or slug> --reason "…" --legal  remove it for legal reasons (451; its text erased)
  npm run withdraw -- --restore <address or slug>             restore a withdrawn article
  npm run withdraw -- --lift <address or slug> [--reason "…"] end a legal removal (the address then answers 404)
  npm run withdraw -- --list                                  withdrawn articles and legal removals in force
  npm run withdraw -- --log [--limit N]                       the record of editorial actions, newest first

An address is the article's slug, its path (/<section>/<slug>, or its lite, .md or
share image address) or its full URL on this site (SITE_URL). The reason of a legal
removal is kept and shown: it must not quote the article.

Exit status: 0 done (or nothing to do, said why), 1 refused (no such article, not
withdrawn, a legal removal to restore, a reason that quotes the text) or a database
error, 2 bad arguments. Nothing is changed unless it exits 0.`;

type Command =
  | { kind: 'withdraw'; address: string; reason: string | undefined; legal: boolean }
  | { kind: 'restore'; address: string }
  | { kind: 'lift'; address: string; reason: string | undefined }
  | { kind: 'list' }
  | { kind: 'log'; limit: number }
  | { kind: 'help' };

class UsageError extends Error {}

function readCommand(argv: string[]): Command {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      reason: { type: 'string' },
      legal: { type: 'boolean', default: false },
      restore: { type: 'string' },
      lift: { type: 'string' },
      list: { type: 'boolean', default: false },
      log: { type: 'boolean', default: false },
      limit: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) return { kind: 'help' };
  const modes = [values.restore !== undefined, values.lift !== undefined, values.list, values.log].filter(Boolean);
  if (modes.length > 1) throw new UsageError('give one of --restore, --lift, --list and --log');
  if (modes.length === 1 && positionals.length > 0)
    throw new UsageError(`unexpected argument "${positionals[0]}" (an address goes after --restore or --lift)`);
  if (values.limit !== undefined && !values.log) throw new UsageError('--limit goes with --log');
  if (values.legal && modes.length > 0) throw new UsageError('--legal goes with an address to withdraw');
  if (values.restore !== undefined) {
    if (values.reason !== undefined) throw new UsageError('--restore takes no reason');
    return { kind: 'restore', address: values.restore };
  }
  if (values.lift !== undefined) return { kind: 'lift', address: values.lift, reason: values.reason };
  if (values.list || values.log) {
    if (values.reason !== undefined) throw new UsageError(`--${values.list ? 'list' : 'log'} takes no reason`);
    if (values.list) return { kind: 'list' };
    const limit = values.limit === undefined ? 100 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit "${values.limit}" is not a whole number`);
    return { kind: 'log', limit };
  }
  if (positionals.length === 0) throw new UsageError('no address or slug given');
  if (positionals.length > 1) throw new UsageError(`one article at a time: "${positionals[1]}" is one too many`);
  return { kind: 'withdraw', address: positionals[0]!, reason: values.reason, legal: values.legal };
}

async function main(): Promise<number> {
  let command: Command;
  try {
    command = readCommand(process.argv.slice(2));
  } catch (error) {
    console.error(`withdraw: ${(error as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (command.kind === 'help') {
    console.log(USAGE);
    return 0;
  }
  // A missing reason is known before the database is reached.
  if (command.kind === 'withdraw' && !command.reason?.trim()) {
    console.error(
      `withdraw: ${command.legal ? 'a legal removal' : 'a withdrawal'} needs a reason: --reason "…" (readers are shown it)`,
    );
    return 2;
  }

  const database = await resolveDatabase();
  // As the owner of the tables (DATABASE_OWNER_URL, or the embedded superuser): the site's role only reads.
  const pool = createPool(database.ownerUrl, 'import');
  try {
    for (const note of (await migrate(database.ownerUrl)).notes) console.error(note);
    if (command.kind === 'list') {
      console.log(formatList(await listWithdrawals(pool)));
      return 0;
    }
    if (command.kind === 'log') {
      console.log(formatRecord(await loadRecord(pool, command.limit)));
      return 0;
    }
    const options = { onWait: () => console.error('An import is running: waiting for it to finish…') };
    let outcome: ActionOutcome;
    try {
      outcome =
        command.kind === 'withdraw'
          ? await withdrawArticle(pool, command.address, { ...options, reason: command.reason, legal: command.legal })
          : command.kind === 'restore'
            ? await restoreArticle(pool, command.address, options)
            : await liftRemoval(pool, command.address, { ...options, reason: command.reason });
    } catch (error) {
      if (!(error instanceof WithdrawalInputError)) throw error;
      console.error(`withdraw: ${error.message}. Nothing changed.`);
      return 1;
    }
    console.log(outcome.said);
    if (!outcome.changed) return 0;
    await tellTheSite(pool, outcome);
    return 0;
  } finally {
    await pool.end();
    await database.close();
  }
}

/** Expires (for a legal removal, deletes) what showed the article, in Redis and on the running site, and says what a CDN must purge. */
async function tellTheSite(pool: Awaited<ReturnType<typeof createPool>>, outcome: ActionOutcome): Promise<void> {
  if (outcome.erase) {
    const erased = await eraseInSharedCache(outcome.tags);
    if (erased) console.log(erased);
  }
  const shared = await expireInSharedCache(pool, outcome.tags);
  if (shared) console.log(shared.said);
  const told = await notifySite(outcome.tags, { schedule: outcome.schedule, erase: outcome.erase });
  console.log(shared?.everywhere && told.startsWith('No running site') ? 'No running site found to tell.' : told);
  const purge = formatPurge(outcome);
  if (purge) console.log(purge);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`withdraw: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
