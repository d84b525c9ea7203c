import { openEmbeddedDatabase, type EmbeddedDatabase } from './embedded';

export interface DatabaseTarget {
  url: string;
  /** True for the embedded server in DATA_DIR. */
  embedded: boolean;
  close(): Promise<void>;
}

let current: Promise<DatabaseTarget> | null = null;

/**
 * The database this process talks to: DATABASE_URL when set, otherwise the
 * embedded PostgreSQL in DATA_DIR, started here if no other process runs it.
 */
export function resolveDatabase(options: { closeOnSignals?: boolean } = {}): Promise<DatabaseTarget> {
  current ??= open(options.closeOnSignals ?? true).catch((error: unknown) => {
    current = null;
    throw error;
  });
  return current;
}

async function open(handleSignals: boolean): Promise<DatabaseTarget> {
  const url = process.env.DATABASE_URL?.trim();
  if (url) return { url, embedded: false, close: async () => {} };
  const embedded = await openEmbeddedDatabase();
  if (embedded.owner && handleSignals) closeOnSignals(embedded);
  return { url: embedded.url, embedded: true, close: embedded.close };
}

function closeOnSignals(embedded: EmbeddedDatabase): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void embedded.close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}
