// npm run db:migrate: apply pending migrations to the database (embedded unless DATABASE_URL is set), as the
// role that owns the tables (DATABASE_OWNER_URL, or DATABASE_URL when it is unset).
import { resolveDatabase } from '@/lib/db/connection';
import { migrate } from '@/lib/db/migrate';

const database = await resolveDatabase();
try {
  const result = await migrate(database.ownerUrl);
  console.log(
    result.applied.length > 0
      ? `Applied ${result.applied.length} migration(s): ${result.applied.join(', ')}`
      : `Up to date: ${result.alreadyApplied} migration(s) already applied.`,
  );
  for (const note of result.notes) console.log(note);
} catch (error) {
  console.error(`db:migrate: ${(error as Error).message}`);
  process.exitCode = 1;
} finally {
  await database.close();
}
