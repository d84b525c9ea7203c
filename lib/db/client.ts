import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { resolveDatabase } from './connection';
import { createPool, type PoolRole } from './pool';

export type { PrismaClient };

const globalForPrisma = globalThis as unknown as { prismaClient?: Promise<PrismaClient> };

/** The process-wide Prisma client, built once (pg pool → PrismaPg → client). */
export function getPrisma(): Promise<PrismaClient> {
  globalForPrisma.prismaClient ??= create().catch((error: unknown) => {
    globalForPrisma.prismaClient = undefined;
    throw error;
  });
  return globalForPrisma.prismaClient;
}

async function create(): Promise<PrismaClient> {
  return createPrismaClient((await resolveDatabase()).url);
}

/** A client for one database, on a pool with the role's timeouts (see pool.ts). */
export function createPrismaClient(url: string, role: PoolRole = 'site'): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg(createPool(url, role), { disposeExternalPool: true }) });
}

export async function disconnectPrisma(): Promise<void> {
  const client = globalForPrisma.prismaClient;
  globalForPrisma.prismaClient = undefined;
  if (client) await (await client).$disconnect();
}
