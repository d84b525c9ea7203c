import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The `CREATE TABLE _prisma_migrations` that Prisma's own schema engine runs on
 * PostgreSQL, read out of the engine shipped with the installed Prisma CLI, so that
 * the comparison follows Prisma rather than a copy of it written down here.
 */
export function prismaLedgerDefinition(): string {
  const require = createRequire(import.meta.url);
  const engine = path.join(path.dirname(require.resolve('prisma/package.json')), 'build', 'schema_engine_bg.wasm');
  const text = fs.readFileSync(engine).toString('latin1');
  // The PostgreSQL flavour is the one with VARCHAR ids; the string ends before its closing parenthesis.
  const match =
    /CREATE TABLE _prisma_migrations \(\s*id\s+VARCHAR[^\0]*?applied_steps_count\s+INTEGER NOT NULL DEFAULT 0/.exec(
      text,
    );
  if (!match) throw new Error(`Prisma's PostgreSQL migrations table definition was not found in ${engine}`);
  return `${match[0]}\n)`;
}
