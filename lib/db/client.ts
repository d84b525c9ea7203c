import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { resolveDatabase } from './connection';

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
  return createPrismaClient(await resolveDatabase());
}

/** A client for one database; the embedded server multiplexes one backend, so it gets one connection. */
export function createPrismaClient(target: { url: string; embedded: boolean }): PrismaClient {
  const adapter = new PrismaPg({
    connectionString: target.url,
    max: target.embedded ? 1 : Number(process.env.DATABASE_POOL_MAX ?? 10),
    idleTimeoutMillis: 30_000,
  });
  return new PrismaClient({ adapter });
}

export async function disconnectPrisma(): Promise<void> {
  const client = globalForPrisma.prismaClient;
  globalForPrisma.prismaClient = undefined;
  if (client) await (await client).$disconnect();
}
