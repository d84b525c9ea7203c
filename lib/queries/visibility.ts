import { Prisma } from '@/lib/generated/prisma/client';

/**
 * What a reader may see of the articles: those whose publication time has come. A scheduled
 * article (a date line later than its import: docs/document-format.md, "Newsroom lines") is
 * stored, and nothing of it is public before its time. Every read of articles the site serves
 * filters through this (its `public_at`, which a re-import's later date does not move once it has
 * come: prisma/migrations/20261203000000_newsroom_lines), with the database's clock, so that every instance agrees on the instant.
 * A withdrawn article's `public_at` is 'infinity' until it is restored (prisma/migrations/
 * 20261204000000_withdrawal), so this one condition keeps it out of every read too.
 */
export const published = (alias = 'a') => Prisma.sql`${Prisma.raw(alias)}.public_at <= now()`;
