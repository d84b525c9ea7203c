import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { disconnectPrisma, getPrimaryPrisma, getPrisma } from '@/lib/db/client';
import { primaryWalPosition, requireReadPosition } from '@/lib/db/read-position';
import { importDocuments } from '@/lib/importer/import-documents';
import { loadArticle } from '@/lib/queries/loaders';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';
import { listingDocument } from './support/listing';

// DATABASE_REPLICA_URLS pointed at a second database that is not the primary (nor a
// standby of it): each holds its own text of one article, so a page's text says where
// its read went.
const headline = 'Where the reads go';
const slug = 'where-the-reads-go';
const document = (paragraph: string) => ({
  file: 'replica-test.txt',
  bytes: Buffer.from(listingDocument([{ headline, section: 'World', paragraphs: [paragraph] }])),
});

let primary: TestDatabase;
let replica: TestDatabase;
const saved = { url: process.env.DATABASE_URL, replicas: process.env.DATABASE_REPLICA_URLS };

beforeAll(async () => {
  // In CI the PostgreSQL server must answer (this throws); elsewhere without one there is nothing to test.
  if (!(await availableDatabaseKinds()).includes('postgres')) return;
  [primary, replica] = await Promise.all([createTestDatabase('postgres'), createTestDatabase('postgres')]);
  await importDocuments(primary.pool, [document('The text on the primary.')]);
  await importDocuments(replica.pool, [document('The text on the replica.')]);
  process.env.DATABASE_URL = primary.url;
  process.env.DATABASE_REPLICA_URLS = replica.url;
});

afterAll(async () => {
  await disconnectPrisma();
  process.env.DATABASE_URL = saved.url;
  if (saved.replicas === undefined) delete process.env.DATABASE_REPLICA_URLS;
  else process.env.DATABASE_REPLICA_URLS = saved.replicas;
  await Promise.all([primary?.drop(), replica?.drop()]);
});

const bodyText = async () => JSON.stringify((await loadArticle(await getPrisma(), slug))?.body ?? null);

describe('with DATABASE_REPLICA_URLS', () => {
  it('the site reads from the replica; an import writes to the primary, and after its notice the site reads from the primary', async (context) => {
    if (!primary) return context.skip();
    expect(await bodyText()).toContain('The text on the replica.');

    await importDocuments(primary.pool, [document('Corrected on the primary.')]);
    // What the import's notice does (expireEverywhere, lib/caches.ts): the replica must have replayed this far.
    requireReadPosition(await primaryWalPosition(await getPrimaryPrisma()));

    expect(await bodyText()).toContain('Corrected on the primary.');
    expect(JSON.stringify((await loadArticle(replica.prisma, slug))?.body)).toContain('The text on the replica.');
  });
});
