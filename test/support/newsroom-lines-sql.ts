import type pg from 'pg';

/**
 * Newsroom lines put in with SQL, for articles a normal import made: what the import will store
 * for a document's `Written by`, `Tagged under` and note lines, until the tests can import them.
 * Authors and tags are named by their display name; their slug is the name in lower case with dashes.
 */
export async function giveNewsroomLines(
  db: pg.Pool | pg.Client,
  articleSlug: string,
  lines: {
    authors?: string[];
    tags?: string[];
    notes?: Array<{ kind: 'correction' | 'editor'; text: string; datedAt: string }>;
    publishedAt?: string;
  },
): Promise<void> {
  const slugOf = (name: string) =>
    name
      .toLowerCase()
      .split(/[^a-z0-9]+/u)
      .filter(Boolean)
      .join('-');
  const [{ id }] = (await db.query<{ id: number }>('SELECT id FROM articles WHERE slug = $1', [articleSlug])).rows as [
    { id: number },
  ];
  if (lines.publishedAt) {
    await db.query('UPDATE articles SET published_at = $2, dated = true WHERE id = $1', [id, lines.publishedAt]);
  }
  if (lines.notes) await db.query('UPDATE articles SET notes = $2 WHERE id = $1', [id, JSON.stringify(lines.notes)]);
  for (const [names, links, key] of [
    [lines.authors, 'article_authors', 'author_id'],
    [lines.tags, 'article_tags', 'tag_id'],
  ] as const) {
    if (!names) continue;
    const table = links === 'article_authors' ? 'authors' : 'tags';
    await db.query(`DELETE FROM ${links} WHERE article_id = $1`, [id]);
    for (const [position, name] of names.entries()) {
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO ${table} (slug, identity, name) VALUES ($1, $1, $2)
           ON CONFLICT (slug) DO UPDATE SET name = ${table}.name RETURNING id`,
        [slugOf(name), name],
      );
      await db.query(
        `INSERT INTO ${links} (article_id, ${key}, position, published_at)
           SELECT $1, $2, $3, published_at FROM articles WHERE id = $1`,
        [id, rows[0]!.id, position],
      );
    }
  }
}
