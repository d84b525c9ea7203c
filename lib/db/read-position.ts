import { processWide } from '@/lib/process-state';
import type { SqlReader } from './sql-reader';

/**
 * How far a replica must have replayed the primary's write-ahead log before the site
 * reads from it: raised by each import's notice (to the primary's position after the
 * import committed), so that no page rendered because of an import is made from a
 * replica that has not replayed it yet. One per process (lib/process-state.ts): the notice's
 * route, the shared cache and the database client are bundled apart.
 */
const state = processWide('read-position', () => ({ required: 0n }));

/** A PostgreSQL LSN ("16/B374D848") as a number, or null when the text is not one. */
export function parseLsn(text: string | null | undefined): bigint | null {
  const match = /^([0-9A-F]{1,8})\/([0-9A-F]{1,8})$/iu.exec(text ?? '');
  return match ? (BigInt(`0x${match[1]}`) << 32n) + BigInt(`0x${match[2]}`) : null;
}

/** Reads must come from a server that has replayed at least this far (an LSN's text). */
export function requireReadPosition(lsn: string | null | undefined): void {
  const position = parseLsn(lsn);
  if (position !== null && position > state.required) state.required = position;
}

export const requiredReadPosition = (): bigint => state.required;

/** The primary's WAL position now: every commit made before this call is at or before it. */
export async function primaryWalPosition(primary: SqlReader): Promise<string | null> {
  const rows = await primary.$queryRaw<{ lsn: string | null }[]>`SELECT pg_current_wal_lsn()::text AS lsn`;
  return rows[0]?.lsn ?? null;
}
