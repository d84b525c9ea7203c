import type pg from 'pg';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { SharedCache } from './store';

/**
 * A short fingerprint of what the database holds for readers: how many articles and
 * sections, and a sum over every article's content hash (which covers its headline,
 * section and text). Any import that changed what a page shows changes it.
 */
export async function contentVersion(db: PrismaClient | pg.Pool): Promise<string> {
  const rows =
    'query' in db
      ? (await db.query<{ version: string }>(CONTENT_VERSION)).rows
      : await db.$queryRawUnsafe<{ version: string }[]>(CONTENT_VERSION);
  return rows[0]?.version ?? '';
}

const CONTENT_VERSION = `
  SELECT (SELECT count(*) FROM sections)::text || ':' || count(*)::text || ':' ||
         coalesce(sum(('x' || left(content_hash, 8))::bit(32)::int::bigint), 0)::text AS version
    FROM articles`;

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
