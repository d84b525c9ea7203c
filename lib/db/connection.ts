import { openEmbeddedDatabase, resolveDataDir, type EmbeddedDatabase } from './embedded';

export interface DatabaseTarget {
  /** The role that owns the tables: migrations and imports connect with it. */
  ownerUrl: string;
  /** The site's role, for the site's reads: it may only read (lib/db/roles.ts). */
  siteUrl: string;
  /** One URL serves both (DATABASE_URL without DATABASE_OWNER_URL): the site's connection can write. */
  sharedUrl: boolean;
  /** True for the embedded server in DATA_DIR. */
  embedded: boolean;
  close(): Promise<void>;
}

let current: Promise<DatabaseTarget> | null = null;

/**
 * The database this process talks to: DATABASE_URL (the site's reads) and DATABASE_OWNER_URL
 * (migrations and imports; DATABASE_URL too when unset) when set, otherwise the embedded
 * PostgreSQL in DATA_DIR, started here if no other process runs it, with a role of each kind.
 */
export function resolveDatabase(options: { closeOnSignals?: boolean } = {}): Promise<DatabaseTarget> {
  current ??= openDatabaseTarget(process.env, options.closeOnSignals ?? true).catch((error: unknown) => {
    current = null;
    throw error;
  });
  return current;
}

/** The database `env` points at (see resolveDatabase). */
export async function openDatabaseTarget(env: NodeJS.ProcessEnv, handleSignals = false): Promise<DatabaseTarget> {
  const siteUrl = env.DATABASE_URL?.trim();
  const ownerUrl = env.DATABASE_OWNER_URL?.trim();
  if (siteUrl)
    return { siteUrl, ownerUrl: ownerUrl || siteUrl, sharedUrl: !ownerUrl, embedded: false, close: async () => {} };
  if (ownerUrl)
    throw new Error(
      'DATABASE_OWNER_URL is set but DATABASE_URL is not: set DATABASE_URL to the role the site reads with ' +
        '(see docs/database.md, "Connections and timeouts"), or unset both for the embedded database.',
    );
  const embedded = await openEmbeddedDatabase(resolveDataDir(env));
  if (embedded.owner && handleSignals) closeOnSignals(embedded);
  return {
    ownerUrl: embedded.url,
    siteUrl: embedded.siteUrl,
    sharedUrl: false,
    embedded: true,
    close: embedded.close,
  };
}

function closeOnSignals(embedded: EmbeddedDatabase): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void embedded.close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
  }
}
