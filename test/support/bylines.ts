import type pg from 'pg';

/**
 * Authors and tags given to stored articles with SQL, as the import stores them (a row of
 * `authors` or `tags`, a link per article with the article's published_at and the name's
 * position): for reads tested apart from the parser and the import.
 */
export async function giveByline(
  db: pg.Pool | pg.Client,
  kind: 'author' | 'tag',
  name: string,
  articleSlugs: readonly string[],
): Promise<string> {
  const [names, links, id] =
    kind === 'author' ? ['authors', 'article_authors', 'author_id'] : ['tags', 'article_tags', 'tag_id'];
  const slug = nameSlugForTest(name);
  const {
    rows: [row],
  } = await db.query<{ id: number }>(
    `INSERT INTO ${names} (slug, identity, name) VALUES ($1, $1, $2)
     ON CONFLICT (slug) DO UPDATE SET name = ${names}.name RETURNING id`,
    [slug, name],
  );
  await db.query(
    `INSERT INTO ${links} (article_id, ${id}, position, published_at)
     SELECT a.id, $1, COALESCE((SELECT max(position) + 1 FROM ${links} l WHERE l.article_id = a.id), 0), a.published_at
       FROM articles a WHERE a.slug = ANY($2::text[])
     ON CONFLICT DO NOTHING`,
    [row!.id, articleSlugs],
  );
  return slug;
}

/** The slug a plain ASCII name made by a test gets (`Jane Doe` → `jane-doe`). */
export const nameSlugForTest = (name: string) =>
  name
    .toLowerCase()
    .split(/[^a-z0-9]+/u)
    .filter(Boolean)
    .join('-');
