import type pg from 'pg';
import { nameSlug, suffixedSlug } from '@/lib/slug';
import { SLUG_SUFFIX_MAX_LENGTH } from '@/lib/url-params';

/** An author or a tag as the import writes it: its identity (lib/slug.ts nameIdentity), slug and shown name. */
export interface NameRow {
  identity: string;
  slug: string;
  name: string;
}

/** Largest suffix a slug may carry (`-` and 9 digits). */
const MAX_SUFFIX = 10 ** (SLUG_SUFFIX_MAX_LENGTH - 1) - 1;

/**
 * The authors (or tags) of a run: each identity's slug and name, as stored, or as this run gives
 * them (the first spelling seen is the name; the slug `nameSlug` asks for, or the next free
 * `-2`, `-3`, … when a different identity holds it, stored or given earlier in the run). The run
 * holds the import lock, so no other import takes a slug between this look-up and the write; a
 * document rolled back keeps what it was given here, and the next one to name it writes it so.
 */
export class RunNames {
  private readonly rows = new Map<string, NameRow>();
  private readonly given = new Set<string>();

  constructor(private readonly table: 'authors' | 'tags') {}

  /** Makes every identity of `names` (identity → its spelling, first seen first) known: stored, or given a slug. */
  async resolve(client: pg.PoolClient, names: ReadonlyMap<string, string>): Promise<void> {
    const missing = [...names.keys()].filter((identity) => !this.rows.has(identity));
    if (missing.length === 0) return;
    const { rows } = await client.query<NameRow>(
      `SELECT identity, slug, name FROM ${this.table} WHERE identity = ANY($1::text[])`,
      [missing],
    );
    for (const row of rows) this.rows.set(row.identity, row);
    const fresh = missing.filter((identity) => !this.rows.has(identity));
    const known = new Map<string, boolean>();
    for (;;) {
      const slugs = new Map<string, string>();
      const unknown: string[] = [];
      const taking = new Set<string>();
      for (const identity of fresh) {
        const name = names.get(identity)!;
        const base = nameSlug(name);
        for (let n = 1; ; n++) {
          if (n > MAX_SUFFIX) throw new Error(`no free slug for "${name}": ${base}-2 to -${MAX_SUFFIX} are taken`);
          const slug = suffixedSlug(base, n);
          if (this.given.has(slug) || taking.has(slug) || known.get(slug)) continue;
          if (!known.has(slug)) unknown.push(slug);
          slugs.set(identity, slug);
          taking.add(slug);
          break;
        }
      }
      if (unknown.length === 0) {
        for (const identity of fresh) {
          const slug = slugs.get(identity)!;
          this.given.add(slug);
          this.rows.set(identity, { identity, slug, name: names.get(identity)! });
        }
        return;
      }
      const { rows: taken } = await client.query<{ slug: string }>(
        `SELECT slug FROM ${this.table} WHERE slug = ANY($1::text[])`,
        [unknown],
      );
      const takenSlugs = new Set(taken.map((row) => row.slug));
      for (const slug of unknown) known.set(slug, takenSlugs.has(slug));
    }
  }

  /** A resolved identity's row. */
  row(identity: string): NameRow {
    const row = this.rows.get(identity);
    if (!row) throw new Error(`the ${this.table} identity "${identity}" was not resolved`);
    return row;
  }
}

/** The authors and tags of one run. */
export interface RunNameTables {
  authors: RunNames;
  tags: RunNames;
}

export const runNameTables = (): RunNameTables => ({ authors: new RunNames('authors'), tags: new RunNames('tags') });
