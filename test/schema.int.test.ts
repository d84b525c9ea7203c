import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { availableDatabaseKinds, createTestDatabase, type TestDatabase } from './support/database';
import { compareSchemas, schemaShapeFromPrisma, schemaShapeOfDatabase, type SchemaShape } from './support/schema-shape';

const kinds = await availableDatabaseKinds();

const SCHEMA = fs.readFileSync(path.resolve(import.meta.dirname, '../prisma/schema.prisma'), 'utf8');

function edit(search: string | RegExp, replacement: string): (schema: string) => string {
  return (schema) => {
    const edited = schema.replace(search, replacement);
    if (edited === schema) throw new Error(`the fixture edit no longer applies to schema.prisma: ${String(search)}`);
    return edited;
  };
}

/** Schemas that differ from the migrations in one way each, and the differences the comparison must report. */
const WRONG_SCHEMAS = [
  {
    change: 'has an extra field',
    schema: edit(/^(\s+headline\s+String)$/m, '$1\n  subtitle String?'),
    differences: ['column articles.subtitle: in schema.prisma, not in the database'],
  },
  {
    change: 'has an extra model',
    schema: (schema: string) => `${schema}\nmodel Widget {\n  id Int @id\n  @@map("widgets")\n}\n`,
    differences: [
      'table widgets: in schema.prisma, not in the database',
      'index widgets_pkey: in schema.prisma (PRIMARY KEY INDEX ON widgets USING btree (id)), not in the database',
    ],
  },
  {
    change: 'makes a required field optional',
    schema: edit(/^(\s+headline\s+String)$/m, '$1?'),
    differences: ['column articles.headline: nullable in schema.prisma, NOT NULL in the database'],
  },
  {
    change: "changes a field's type",
    schema: edit(/(wordCount\s+)Int/, '$1BigInt'),
    differences: ['column articles.word_count: type bigint in schema.prisma, integer in the database'],
  },
  {
    change: 'changes a native type',
    schema: edit(/(publishedAt\s+DateTime\s+@map\("published_at"\) @db\.Timestamptz)\(3\)/, '$1(6)'),
    differences: [
      'column articles.published_at: type timestamp(6) with time zone in schema.prisma, timestamp(3) with time zone in the database',
    ],
  },
  {
    change: 'drops a default',
    schema: edit(/(firstImportedAt\s+DateTime\s+)@default\(now\(\)\) /, '$1'),
    differences: [
      'column articles.first_imported_at: no default in schema.prisma, default CURRENT_TIMESTAMP in the database',
    ],
  },
  {
    change: 'drops an index',
    schema: edit(/^\s+@@index\(\[publishedAt\(sort: Desc\), id\(sort: Desc\)\].*$/m, ''),
    differences: [
      'index articles_published_at_id_idx: in the database (INDEX ON articles USING btree (published_at DESC, id DESC)), not in schema.prisma',
    ],
  },
  {
    change: "changes an index's sort order",
    schema: edit(
      '@@index([sectionId, publishedAt(sort: Desc), id(sort: Desc)]',
      '@@index([sectionId, publishedAt, id(sort: Desc)]',
    ),
    differences: [
      'index articles_section_id_published_at_id_idx: INDEX ON articles USING btree (section_id, published_at, id DESC) in schema.prisma, ' +
        'INDEX ON articles USING btree (section_id, published_at DESC, id DESC) in the database',
    ],
  },
  {
    change: 'gives the search column another type',
    schema: edit('Unsupported("tsvector")?', 'Unsupported("tsquery")?'),
    differences: ['column articles.search: type tsquery in schema.prisma, tsvector in the database'],
  },
  {
    change: 'drops the search index',
    schema: edit(/^\s+@@index\(\[search\].*$/m, ''),
    differences: [
      'index articles_search_idx: in the database (INDEX ON articles USING gin (search)), not in schema.prisma',
    ],
  },
  {
    change: 'drops a unique constraint',
    schema: edit(/^(\s+slug\s+String\s+)@unique\n(\s+name\s+String)$/m, '$1\n$2'),
    differences: [
      'index sections_slug_key: in the database (UNIQUE INDEX ON sections USING btree (slug)), not in schema.prisma',
    ],
  },
  {
    change: 'changes what deleting a section does to its articles',
    schema: edit('onDelete: Restrict', 'onDelete: Cascade'),
    differences: [
      'foreign key articles_section_id_fkey: articles (section_id) REFERENCES sections (id) ON DELETE Cascade ON UPDATE Cascade in schema.prisma, ' +
        'articles (section_id) REFERENCES sections (id) ON DELETE Restrict ON UPDATE Cascade in the database',
    ],
  },
];

describe.each(kinds)('the migrated %s database', (kind) => {
  let db: TestDatabase;
  let migrated: SchemaShape;

  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    try {
      migrated = await schemaShapeOfDatabase(client);
    } finally {
      await client.end();
    }
  });
  afterAll(async () => db?.drop());

  test('matches prisma/schema.prisma: tables, columns, types, nullability, defaults, indexes and foreign keys', () => {
    const expected = schemaShapeFromPrisma(SCHEMA);

    expect(Object.keys(expected.tables).sort()).toEqual([
      'article_authors',
      'article_revisions',
      'article_tags',
      'articles',
      'authors',
      'editorial_actions',
      'legal_removals',
      'section_redirects',
      'sections',
      'site_settings',
      'tags',
      'withdrawals',
    ]);
    expect(compareSchemas(expected, migrated)).toEqual([]);
  });

  test.each(WRONG_SCHEMAS)('a schema.prisma that $change does not match it', ({ schema, differences }) => {
    expect(compareSchemas(schemaShapeFromPrisma(schema(SCHEMA)), migrated)).toEqual(differences);
  });
});
