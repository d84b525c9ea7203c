import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { resolveDatabase } from './connection';
import { createPool, type PoolRole } from './pool';
import { ReadRouter, describeDatabaseUrl, replicaUrls } from './replicas';

export type { PrismaClient };

/**
 * The site's clients, each connected as a role that may only read: the primary (DATABASE_URL,
 * or the embedded database's site role) and, with DATABASE_REPLICA_URLS, a router over the
 * replicas. Migrations and imports connect as the owner instead (resolveDatabase().ownerUrl).
 */
interface SiteDatabase {
  primary: PrismaClient;
  router: ReadRouter | null;
}

const globalForPrisma = globalThis as unknown as { siteDatabase?: Promise<SiteDatabase> };

function siteDatabase(): Promise<SiteDatabase> {
  globalForPrisma.siteDatabase ??= open().catch((error: unknown) => {
    globalForPrisma.siteDatabase = undefined;
    throw error;
  });
  return globalForPrisma.siteDatabase;
}

async function open(): Promise<SiteDatabase> {
  const primary = createPrismaClient((await resolveDatabase()).siteUrl);
  const replicas = replicaUrls();
  if (replicas.length === 0) return { primary, router: null };
  return {
    primary,
    router: new ReadRouter(
      primary,
      replicas.map((url) => ({ label: describeDatabaseUrl(url), client: createPrismaClient(url) })),
    ),
  };
}

/**
 * The client for the site's next read, built once per process (pg pool → PrismaPg →
 * client): a replica that has replayed every import the site was told of, or the
 * primary. Ask for it per read, not once: the choice changes with each import.
 */
export async function getPrisma(): Promise<PrismaClient> {
  const database = await siteDatabase();
  return database.router ? database.router.pick() : database.primary;
}

/** The primary, for what must see the latest write (the import's notice, the start-up checks). */
export async function getPrimaryPrisma(): Promise<PrismaClient> {
  return (await siteDatabase()).primary;
}

/** Whether reads may go to replicas (DATABASE_REPLICA_URLS is set). */
export const hasReplicas = (): boolean => replicaUrls().length > 0;

/** A client for one database, on a pool with the role's timeouts (see pool.ts). */
export function createPrismaClient(url: string, role: PoolRole = 'site'): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(createPool(url, role), { disposeExternalPool: true }) });
}

export async function disconnectPrisma(): Promise<void> {
  const database = globalForPrisma.siteDatabase;
  globalForPrisma.siteDatabase = undefined;
  if (!database) return;
  const { primary, router } = await database;
  await Promise.allSettled([primary.$disconnect(), router?.close()]);
}
