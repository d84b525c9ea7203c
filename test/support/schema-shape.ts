import { get_dmmf } from '@prisma/prisma-schema-wasm';
import type pg from 'pg';

/**
 * The shape of a PostgreSQL schema as the comparison sees it: tables and their
 * columns, indexes (primary keys and unique ones included) and foreign keys, each
 * written the way PostgreSQL's catalog reports it. One shape comes from
 * schema.prisma through Prisma's own parser, the other from a database.
 */
export interface SchemaShape {
  /** table → column → shape. */
  tables: Record<string, Record<string, ColumnShape>>;
  /** index name → definition, e.g. `UNIQUE INDEX ON sections USING btree (slug)`. */
  indexes: Record<string, string>;
  /** constraint name → definition, e.g. `articles (section_id) REFERENCES sections (id) ON DELETE Restrict …`. */
  foreignKeys: Record<string, string>;
}

export interface ColumnShape {
  /** As `format_type` writes it: `timestamp(3) with time zone`, `character varying(20)`, `text[]`. */
  type: string;
  nullable: boolean;
  /** As `pg_get_expr` writes it; null for none; undefined when the comparison cannot tell. */
  default: string | null | undefined;
}

// The parts of Prisma's DMMF (its parsed data model) that the comparison reads.
interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'object' | 'enum' | 'unsupported';
  isList: boolean;
  isRequired: boolean;
  isUpdatedAt: boolean;
  type: string;
  nativeType?: [string, string[]] | null;
  default?: unknown;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
  relationOnUpdate?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  dbName?: string | null;
  algorithm?: string | null;
  fields: Array<{ name: string; sortOrder?: 'asc' | 'desc' }>;
}
interface Dmmf {
  datamodel: { models: DmmfModel[]; enums: Array<{ name: string; dbName?: string | null }>; indexes: DmmfIndex[] };
}

const POSTGRES_MAX_IDENTIFIER = 63;

/** Prisma's default constraint names on PostgreSQL (`{table}_{columns}_{suffix}`, cut to fit 63 characters). */
function defaultName(table: string, columns: readonly string[], suffix: string): string {
  const body = [table, ...columns].join('_');
  return `${body.slice(0, POSTGRES_MAX_IDENTIFIER - suffix.length - 1)}_${suffix}`;
}

function quoteIdent(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`;
}

function withPrecision(type: string, args: readonly string[], zone?: string): string {
  const precision = args.length > 0 ? `(${args.join(',')})` : '';
  return zone ? `${type}${precision} ${zone}` : `${type}${precision}`;
}

/** The PostgreSQL type Prisma's migrations create for a scalar field, or null when this mapping does not know it. */
function columnType(field: DmmfField, enumNames: ReadonlyMap<string, string>): string | null {
  const [native, args = []] = field.nativeType ?? [];
  let base: string | null;
  if (field.kind === 'enum') {
    base = quoteIdent(enumNames.get(field.type) ?? field.type);
  } else if (native) {
    const natives: Record<string, string> = {
      Text: 'text',
      VarChar: withPrecision('character varying', args),
      Char: withPrecision('character', args),
      Uuid: 'uuid',
      Xml: 'xml',
      Inet: 'inet',
      Citext: 'citext',
      Bit: withPrecision('bit', args),
      VarBit: withPrecision('bit varying', args),
      Integer: 'integer',
      SmallInt: 'smallint',
      Oid: 'oid',
      BigInt: 'bigint',
      DoublePrecision: 'double precision',
      Real: 'real',
      Decimal: withPrecision('numeric', args),
      Money: 'money',
      Boolean: 'boolean',
      Timestamp: withPrecision('timestamp', args, 'without time zone'),
      Timestamptz: withPrecision('timestamp', args, 'with time zone'),
      Date: 'date',
      Time: withPrecision('time', args, 'without time zone'),
      Timetz: withPrecision('time', args, 'with time zone'),
      Json: 'json',
      JsonB: 'jsonb',
      ByteA: 'bytea',
    };
    base = natives[native] ?? null;
  } else {
    const defaults: Record<string, string> = {
      String: 'text',
      Int: 'integer',
      BigInt: 'bigint',
      Float: 'double precision',
      Decimal: 'numeric(65,30)',
      Boolean: 'boolean',
      DateTime: 'timestamp(3) without time zone',
      Json: 'jsonb',
      Bytes: 'bytea',
    };
    base = defaults[field.type] ?? null;
  }
  return base && field.isList ? `${base}[]` : base;
}

/** The column default Prisma's migrations create, null for none, undefined when not simple enough to compare. */
function columnDefault(field: DmmfField, table: string, column: string, type: string): string | null | undefined {
  const value = field.default;
  if (value === undefined || field.isUpdatedAt) return null;
  if (typeof value === 'object' && value !== null && 'name' in value) {
    const { name, args = [] } = value as { name: string; args?: unknown[] };
    if (name === 'autoincrement') return `nextval('${quoteIdent(defaultName(table, [column], 'seq'))}'::regclass)`;
    if (name === 'now') return 'CURRENT_TIMESTAMP';
    // Made by Prisma's client, not by the database.
    if (['uuid', 'cuid', 'nanoid', 'ulid'].includes(name)) return null;
    if (name === 'dbgenerated' && typeof args[0] === 'string') return args[0];
    return undefined;
  }
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string' && (type === 'text' || type.startsWith('character varying'))) {
    return `'${value.replaceAll("'", "''")}'::${type.startsWith('character varying') ? 'character varying' : 'text'}`;
  }
  return undefined;
}

function foreignKeyDefinition(fk: {
  table: string;
  columns: readonly string[];
  referencedTable: string;
  referencedColumns: readonly string[];
  onDelete: string;
  onUpdate: string;
}): string {
  return (
    `${fk.table} (${fk.columns.join(', ')}) REFERENCES ${fk.referencedTable} (${fk.referencedColumns.join(', ')}) ` +
    `ON DELETE ${fk.onDelete} ON UPDATE ${fk.onUpdate}`
  );
}

function indexDefinition(index: {
  table: string;
  primary: boolean;
  unique: boolean;
  method: string;
  columns: readonly string[];
}): string {
  const kind = index.primary ? 'PRIMARY KEY INDEX' : index.unique ? 'UNIQUE INDEX' : 'INDEX';
  return `${kind} ON ${index.table} USING ${index.method} (${index.columns.join(', ')})`;
}

/**
 * Fields of `Unsupported("…")` types, by model name. Prisma's DMMF leaves them out (its client
 * cannot read or write them), so they are read from the schema's text: `name Unsupported("type")?`
 * with an optional `@map("column")`. Their defaults (a generated column's expression) are not compared.
 */
function unsupportedFields(
  schema: string,
): Map<string, Array<{ name: string; column: string; type: string; nullable: boolean }>> {
  const byModel = new Map<string, Array<{ name: string; column: string; type: string; nullable: boolean }>>();
  for (const [, model = '', body = ''] of schema.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gmu)) {
    for (const [, name = '', type = '', optional, rest = ''] of body.matchAll(
      /^\s*(\w+)\s+Unsupported\("([^"]+)"\)(\?)?(.*)$/gmu,
    )) {
      const column = /@map\("([^"]+)"\)/u.exec(rest)?.[1] ?? name;
      byModel.set(model, [...(byModel.get(model) ?? []), { name, column, type, nullable: optional === '?' }]);
    }
  }
  return byModel;
}

/** What a database migrated for `schema` (the text of a schema.prisma) must look like, read by Prisma's own parser. */
export function schemaShapeFromPrisma(schema: string): SchemaShape {
  let dmmf: Dmmf;
  try {
    dmmf = JSON.parse(get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schema]] }))) as Dmmf;
  } catch (error) {
    throw new Error(`Prisma could not read the schema: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { models, enums, indexes } = dmmf.datamodel;
  const enumNames = new Map(enums.map((e) => [e.name, e.dbName ?? e.name]));
  const tableOf = new Map(models.map((model) => [model.name, model.dbName ?? model.name]));
  const unsupported = unsupportedFields(schema);
  const columnOf = (modelName: string, fieldName: string) => {
    const field = models.find((m) => m.name === modelName)?.fields.find((f) => f.name === fieldName);
    const other = unsupported.get(modelName)?.find((f) => f.name === fieldName);
    return field?.dbName ?? other?.column ?? fieldName;
  };
  const shape: SchemaShape = { tables: {}, indexes: {}, foreignKeys: {} };

  for (const model of models) {
    const table = model.dbName ?? model.name;
    const columns: Record<string, ColumnShape> = {};
    for (const field of model.fields) {
      if (field.kind === 'object') continue;
      const column = field.dbName ?? field.name;
      const type = columnType(field, enumNames) ?? `(Prisma type ${field.type}: unknown to this comparison)`;
      columns[column] = { type, nullable: !field.isRequired, default: columnDefault(field, table, column, type) };
    }
    for (const field of unsupported.get(model.name) ?? []) {
      columns[field.column] = { type: field.type, nullable: field.nullable, default: undefined };
    }
    shape.tables[table] = columns;

    for (const field of model.fields) {
      if (field.kind !== 'object' || !field.relationFromFields?.length) continue;
      const referencedTable = tableOf.get(field.type) ?? field.type;
      const fkColumns = field.relationFromFields.map((name) => columnOf(model.name, name));
      shape.foreignKeys[defaultName(table, fkColumns, 'fkey')] = foreignKeyDefinition({
        table,
        columns: fkColumns,
        referencedTable,
        referencedColumns: (field.relationToFields ?? []).map((name) => columnOf(field.type, name)),
        // Prisma's defaults: a required relation restricts deletes, an optional one sets null.
        onDelete: field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull'),
        onUpdate: field.relationOnUpdate ?? 'Cascade',
      });
    }
  }

  for (const index of indexes) {
    const table = tableOf.get(index.model) ?? index.model;
    const columns = index.fields.map((f) => columnOf(index.model, f.name));
    const suffix = { id: 'pkey', unique: 'key', normal: 'idx', fulltext: 'idx' }[index.type];
    const name = index.dbName ?? (index.type === 'id' ? `${table}_pkey` : defaultName(table, columns, suffix));
    shape.indexes[name] = indexDefinition({
      table,
      primary: index.type === 'id',
      unique: index.type !== 'normal' && index.type !== 'fulltext',
      method: (index.algorithm ?? 'btree').toLowerCase(),
      columns: index.fields.map((f, i) => `${columns[i]}${f.sortOrder === 'desc' ? ' DESC' : ''}`),
    });
  }
  return shape;
}

const ACTIONS: Record<string, string> = { a: 'NoAction', r: 'Restrict', c: 'Cascade', n: 'SetNull', d: 'SetDefault' };

/** The shape of the current schema of the database `client` is connected to, Prisma's ledger left out. */
export async function schemaShapeOfDatabase(client: pg.Client): Promise<SchemaShape> {
  const ours = `n.nspname = current_schema() AND t.relname <> '_prisma_migrations'`;
  const shape: SchemaShape = { tables: {}, indexes: {}, foreignKeys: {} };

  const tables = await client.query<{ table: string }>(
    `SELECT t.relname AS table FROM pg_class t JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE t.relkind IN ('r', 'p') AND ${ours}`,
  );
  for (const { table } of tables.rows) shape.tables[table] = {};

  const columns = await client.query<{
    table: string;
    column: string;
    type: string;
    nullable: boolean;
    default: string | null;
  }>(
    `SELECT t.relname AS table, a.attname AS column, format_type(a.atttypid, a.atttypmod) AS type,
            NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default
     FROM pg_attribute a
     JOIN pg_class t ON t.oid = a.attrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
     WHERE t.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND ${ours}`,
  );
  for (const row of columns.rows) {
    (shape.tables[row.table] ??= {})[row.column] = { type: row.type, nullable: row.nullable, default: row.default };
  }

  const indexes = await client.query<{
    name: string;
    table: string;
    primary: boolean;
    unique: boolean;
    method: string;
    columns: string[];
  }>(
    `SELECT i.relname AS name, t.relname AS table, x.indisprimary AS primary, x.indisunique AS unique, am.amname AS method,
            array(SELECT coalesce(a.attname::text, pg_get_indexdef(x.indexrelid, k.i::int, true))
                           || CASE WHEN (x.indoption[k.i - 1] & 1) = 1 THEN ' DESC' ELSE '' END
                  FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, i)
                  LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                  ORDER BY k.i) AS columns
     FROM pg_index x
     JOIN pg_class i ON i.oid = x.indexrelid
     JOIN pg_class t ON t.oid = x.indrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     JOIN pg_am am ON am.oid = i.relam
     WHERE ${ours}`,
  );
  for (const row of indexes.rows) shape.indexes[row.name] = indexDefinition(row);

  const foreignKeys = await client.query<{
    name: string;
    table: string;
    columns: string[];
    referencedTable: string;
    referencedColumns: string[];
    onDelete: string;
    onUpdate: string;
  }>(
    `SELECT c.conname AS name, t.relname AS table, r.relname AS "referencedTable",
            array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, i)
                  JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.i) AS columns,
            array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, i)
                  JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.i) AS "referencedColumns",
            c.confdeltype AS "onDelete", c.confupdtype AS "onUpdate"
     FROM pg_constraint c
     JOIN pg_class t ON t.oid = c.conrelid
     JOIN pg_class r ON r.oid = c.confrelid
     JOIN pg_namespace n ON n.oid = t.relnamespace
     WHERE c.contype = 'f' AND ${ours}`,
  );
  for (const row of foreignKeys.rows) {
    shape.foreignKeys[row.name] = foreignKeyDefinition({
      ...row,
      onDelete: ACTIONS[row.onDelete] ?? row.onDelete,
      onUpdate: ACTIONS[row.onUpdate] ?? row.onUpdate,
    });
  }
  return shape;
}

function describeDefault(value: string | null | undefined): string {
  return value === null || value === undefined ? 'no default' : `default ${value}`;
}

/** Every difference between what schema.prisma says and what the database has, one sentence each. */
export function compareSchemas(prisma: SchemaShape, database: SchemaShape): string[] {
  const differences: string[] = [];
  const names = (a: object, b: object) => [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();

  for (const table of names(prisma.tables, database.tables)) {
    const expected = prisma.tables[table];
    const actual = database.tables[table];
    if (!actual) {
      differences.push(`table ${table}: in schema.prisma, not in the database`);
      continue;
    }
    if (!expected) {
      differences.push(`table ${table}: in the database, not in schema.prisma`);
      continue;
    }
    for (const column of names(expected, actual)) {
      const want = expected[column];
      const have = actual[column];
      const where = `column ${table}.${column}`;
      if (!have) differences.push(`${where}: in schema.prisma, not in the database`);
      else if (!want) differences.push(`${where}: in the database, not in schema.prisma`);
      else {
        if (want.type !== have.type)
          differences.push(`${where}: type ${want.type} in schema.prisma, ${have.type} in the database`);
        if (want.nullable !== have.nullable) {
          const say = (nullable: boolean) => (nullable ? 'nullable' : 'NOT NULL');
          differences.push(`${where}: ${say(want.nullable)} in schema.prisma, ${say(have.nullable)} in the database`);
        }
        if (want.default !== undefined && want.default !== have.default) {
          differences.push(
            `${where}: ${describeDefault(want.default)} in schema.prisma, ${describeDefault(have.default)} in the database`,
          );
        }
      }
    }
  }

  for (const [kind, want, have] of [
    ['index', prisma.indexes, database.indexes],
    ['foreign key', prisma.foreignKeys, database.foreignKeys],
  ] as const) {
    for (const name of names(want, have)) {
      if (want[name] === have[name]) continue;
      if (!have[name]) differences.push(`${kind} ${name}: in schema.prisma (${want[name]}), not in the database`);
      else if (!want[name]) differences.push(`${kind} ${name}: in the database (${have[name]}), not in schema.prisma`);
      else differences.push(`${kind} ${name}: ${want[name]} in schema.prisma, ${have[name]} in the database`);
    }
  }
  return differences;
}
