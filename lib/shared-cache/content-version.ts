import type pg from 'pg';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { poolReader, type SqlReader } from '@/lib/db/sql-reader';
import { loadContentVersion } from '@/lib/queries/loaders';
import type { SharedCache } from './store';

/** The content's fingerprint (lib/queries/loaders.ts), asked through the site's client or the import's pool. */
const contentVersion = (db: PrismaClient | pg.Pool): Promise<string> =>
  loadContentVersion('query' in db ? poolReader(db) : (db as SqlReader));

/**
 * Makes the shared entries agree with the database: when the content changed since
 * Redis last heard of it (an import that told no instance and did not reach Redis
 * itself, made while Redis or every instance was down), every entry made before now is
 * treated as expired (the tag `*`, on every entry). Run at each (re)connection, before
 * an entry is read.
 */
export async function reconcileSharedCache(shared: SharedCache, prisma: PrismaClient): Promise<'current' | 'expired'> {
  const [version, known] = await Promise.all([contentVersion(prisma), shared.getString('content')]);
  if (version === known) return 'current';
  await shared.expire(['*'], shared.now(), null);
  await shared.setString('content', version);
  return 'expired';
}

/** After an import's expiries reached Redis: the entries now agree with this content. */
export async function recordContentVersion(shared: SharedCache, db: PrismaClient | pg.Pool): Promise<void> {
  await shared.setString('content', await contentVersion(db));
}
