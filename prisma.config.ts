import { defineConfig } from 'prisma/config';

// The datasource URL is only needed by `prisma migrate`/`studio`, which cannot run
// here (no schema engine); the app resolves its database in lib/db/connection.ts.
export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres' },
});
