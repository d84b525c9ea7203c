import type pg from 'pg';
import { Prisma } from '@/lib/generated/prisma/client';

/**
 * What a read in lib/queries needs of a database: one statement, its rows back. A Prisma
 * client is one (the site's reads); so is a pg pool through poolReader (the import, which
 * connects as the owner on a pool of its own), so that both ask through the same statements.
 */
export interface SqlReader {
  $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T>;
}

/** A pg pool (or one of its clients) as a SqlReader: the statement's `$1…` text and values, as Prisma sends them. */
export function poolReader(pool: Pick<pg.Pool, 'query'>): SqlReader {
  return {
    async $queryRaw<T>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T> {
      const sql = Array.isArray(query) ? Prisma.sql(query as TemplateStringsArray, ...values) : (query as Prisma.Sql);
      return (await pool.query(sql.text, sql.values)).rows as T;
    },
  };
}
