// Concurrent index builds that fail leave indexes behind marked INVALID: never used by queries,
// yet maintained on every write. A failed CREATE INDEX CONCURRENTLY leaves its index, which blocks
// the retry ("relation already exists") or, with IF NOT EXISTS, lets the retry "succeed" without
// an index; unnamed, the retry succeeds under the next name (`…_idx1`) and the leftover stays. A
// failed REINDEX CONCURRENTLY leaves `<index>_ccnew` (or, past the swap, the old index as
// `<index>_ccold`); the retry succeeds beside it and the leftover stays for good. Before a
// migration runs, the leftovers of its own concurrent statements go.
import type { IndexStmt, Node, ReindexStmt } from 'libpg-query';
import type { Database } from '../db/database.js';
import { quoteIdent } from '../db/quote.js';
import { findOption, optionIsTrue } from '../lint/ast.js';
import { generatedIndexName, makeObjectName } from './index-names.js';

export interface ConcurrentIndex {
  /** the index name as PostgreSQL stores it */
  name: string;
  /** the table as the SQL wrote it, quoted, for to_regclass (search_path resolves unqualified names) */
  table: string;
}

/** An unnamed CREATE INDEX CONCURRENTLY over plain columns, whose name PostgreSQL makes up. */
export interface UnnamedConcurrentIndex {
  /** the table as the SQL wrote it, quoted, for to_regclass */
  table: string;
  /** the table's own name, which the index's name starts with */
  tableName: string;
  keyColumns: string[];
  includeColumns: string[];
  unique: boolean;
  method: string;
  partial: boolean;
}

/** What a REINDEX … CONCURRENTLY rebuilds: one index, a table's indexes, a schema's, the database's. */
export type ConcurrentReindex =
  | { kind: 'index'; index: string }
  | { kind: 'table'; table: string }
  | { kind: 'schema'; schema: string }
  | { kind: 'database' };

export interface ConcurrentBuilds {
  indexes: ConcurrentIndex[];
  /** unnamed ones over expressions are left out: their names are not worked out here */
  unnamed: UnnamedConcurrentIndex[];
  reindexes: ConcurrentReindex[];
}

/** The concurrent builds a migration's statements start, found by PostgreSQL's parser. */
export async function concurrentBuilds(statements: string[]): Promise<ConcurrentBuilds> {
  const found: ConcurrentBuilds = { indexes: [], unnamed: [], reindexes: [] };
  if (statements.length === 0) return found;
  const { parseStatements } = await import('../lint/parser.js');
  for (const sql of statements) {
    let nodes: Node[];
    try {
      nodes = await parseStatements(sql);
    } catch {
      continue; // SQL the parser rejects fails in the migration itself, with the server's message
    }
    for (const node of nodes) {
      if ('IndexStmt' in node) {
        const { concurrent, idxname, relation } = node.IndexStmt;
        if (!concurrent || !relation?.relname) continue;
        const table = qualified(relation.schemaname, relation.relname);
        if (idxname) found.indexes.push({ name: idxname, table });
        else {
          const unnamed = unnamedIndex(node.IndexStmt, table, relation.relname);
          if (unnamed) found.unnamed.push(unnamed);
        }
      } else if ('ReindexStmt' in node) {
        const reindex = concurrentReindex(node.ReindexStmt);
        if (reindex) found.reindexes.push(reindex);
      }
    }
  }
  return found;
}

function unnamedIndex(stmt: IndexStmt, table: string, tableName: string): UnnamedConcurrentIndex | null {
  const columnsOf = (params: Node[] | undefined) => (params ?? []).map((param) => ('IndexElem' in param && !param.IndexElem.expr ? param.IndexElem.name : undefined));
  const keyColumns = columnsOf(stmt.indexParams);
  const includeColumns = columnsOf(stmt.indexIncludingParams);
  if ([...keyColumns, ...includeColumns].some((column) => column === undefined)) return null;
  return {
    table,
    tableName,
    keyColumns: keyColumns as string[],
    includeColumns: includeColumns as string[],
    unique: stmt.unique === true,
    method: stmt.accessMethod ?? 'btree',
    partial: stmt.whereClause !== undefined,
  };
}

function concurrentReindex(reindex: ReindexStmt): ConcurrentReindex | null {
  const concurrently = findOption(reindex.params, 'concurrently');
  if (!concurrently || !optionIsTrue(concurrently)) return null;
  const relation = reindex.relation;
  switch (reindex.kind) {
    case 'REINDEX_OBJECT_INDEX':
      return relation?.relname ? { kind: 'index', index: qualified(relation.schemaname, relation.relname) } : null;
    case 'REINDEX_OBJECT_TABLE':
      return relation?.relname ? { kind: 'table', table: qualified(relation.schemaname, relation.relname) } : null;
    case 'REINDEX_OBJECT_SCHEMA':
      return reindex.name ? { kind: 'schema', schema: reindex.name } : null;
    case 'REINDEX_OBJECT_DATABASE':
      return { kind: 'database' };
    default:
      return null;
  }
}

const qualified = (schema: string | undefined, name: string) => (schema ? `${quoteIdent(schema)}.${quoteIdent(name)}` : quoteIdent(name));

/**
 * Drops what earlier failed runs of these statements left: each index they create concurrently
 * that exists and is invalid (a valid one is someone's working index and stays), unnamed ones
 * found by the name PostgreSQL gave them and their definition, and each invalid `_ccnew`/`_ccold`
 * index a REINDEX CONCURRENTLY of theirs left. Returns the dropped indexes, schema-qualified.
 * Outside a transaction it uses DROP INDEX CONCURRENTLY, which does not block writes.
 */
export async function dropInvalidIndexes(db: Database, statements: string[]): Promise<string[]> {
  const builds = await concurrentBuilds(statements);
  const leftovers: { schema: string; name: string }[] = [];
  for (const index of builds.indexes) {
    // an index lives in its table's schema
    const { rows } = await db.query<{ schema: string }>(
      `SELECT n.nspname AS schema
         FROM pg_index i
         JOIN pg_class c ON c.oid = i.indexrelid
         JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE NOT i.indisvalid AND c.relname = $1 AND i.indrelid = to_regclass($2)`,
      [index.name, index.table],
    );
    leftovers.push(...rows.map(({ schema }) => ({ schema, name: index.name })));
  }
  for (const unnamed of builds.unnamed) leftovers.push(...(await unnamedLeftovers(db, unnamed)));
  for (const reindex of builds.reindexes) leftovers.push(...(await reindexLeftovers(db, reindex)));
  const dropped: string[] = [];
  for (const { schema, name } of leftovers) {
    const index = `${quoteIdent(schema)}.${quoteIdent(name)}`;
    if (dropped.includes(index)) continue;
    await db.exec(`DROP INDEX ${db.depth === 0 ? 'CONCURRENTLY ' : ''}IF EXISTS ${index}`);
    dropped.push(index);
  }
  return dropped;
}

/** An invalid index as the catalog describes it, to compare with an unnamed statement's. */
export interface InvalidIndex {
  schema: string;
  name: string;
  unique: boolean;
  method: string;
  partial: boolean;
  expressions: boolean;
  keyCount: number;
  /** key columns, then INCLUDE ones */
  columns: string[];
}

async function unnamedLeftovers(db: Database, build: UnnamedConcurrentIndex): Promise<InvalidIndex[]> {
  const { rows } = await db.query<InvalidIndex>(
    `SELECT n.nspname AS schema, c.relname AS name, i.indisunique AS "unique", am.amname AS method,
            i.indpred IS NOT NULL AS partial, i.indexprs IS NOT NULL AS expressions, i.indnkeyatts::int AS "keyCount",
            ARRAY(SELECT a.attname::text FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, position)
                    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum ORDER BY k.position) AS columns
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_am am ON am.oid = c.relam
      WHERE NOT i.indisvalid AND i.indrelid = to_regclass($1)`,
    [build.table],
  );
  return rows.filter((index) => isLeftoverOfUnnamed(index, build));
}

/**
 * Whether an invalid index is what the unnamed statement would build (same kind, same columns in
 * the same order, partial or not) under a name PostgreSQL gives such an index: `…_idx`, or
 * `…_idx<n>` when that was taken. Pure, for testing.
 */
export function isLeftoverOfUnnamed(index: InvalidIndex, build: UnnamedConcurrentIndex): boolean {
  const columns = [...build.keyColumns, ...build.includeColumns];
  const sameDefinition =
    !index.expressions &&
    index.unique === build.unique &&
    index.method === build.method &&
    index.partial === build.partial &&
    index.keyCount === build.keyColumns.length &&
    index.columns.length === columns.length &&
    index.columns.every((column, i) => column === columns[i]);
  const label = /_(idx\d*)$/.exec(index.name)?.[1];
  return sameDefinition && label !== undefined && index.name === generatedIndexName(build.tableName, columns, label);
}

export interface TableIndex {
  schema: string;
  name: string;
  valid: boolean;
  /** the table's oid: leftovers sit on the same table as the index they were to replace */
  table: number;
}

/** The invalid indexes of a REINDEX CONCURRENTLY's tables (their TOAST tables included) that one of its rebuilds left. */
async function reindexLeftovers(db: Database, reindex: ConcurrentReindex): Promise<TableIndex[]> {
  const { tables, params } = tablesRebuilt(reindex);
  const { rows } = await db.query<TableIndex>(
    `WITH base AS (${tables}),
          rel AS (SELECT c.oid FROM pg_class c WHERE c.oid IN (SELECT * FROM base)
                  UNION SELECT c.reltoastrelid FROM pg_class c WHERE c.oid IN (SELECT * FROM base) AND c.reltoastrelid <> 0)
     SELECT n.nspname AS schema, c.relname AS name, i.indisvalid AS valid, i.indrelid::int8::float8 AS "table"
       FROM pg_index i
       JOIN pg_class c ON c.oid = i.indexrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE i.indrelid IN (SELECT oid FROM rel)`,
    params,
  );
  const named = reindex.kind === 'index' ? await indexName(db, reindex.index) : undefined;
  return leftoversOfReindex(rows, named);
}

/** the oids of the tables a REINDEX rebuilds the indexes of, as a query */
function tablesRebuilt(reindex: ConcurrentReindex): { tables: string; params: string[] } {
  switch (reindex.kind) {
    case 'index':
      return { tables: 'SELECT indrelid FROM pg_index WHERE indexrelid = to_regclass($1)', params: [reindex.index] };
    case 'table':
      return { tables: 'SELECT to_regclass($1)::oid', params: [reindex.table] };
    case 'schema':
      return {
        tables: `SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`,
        params: [reindex.schema],
      };
    case 'database':
      return {
        tables: `SELECT c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE c.relkind IN ('r', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema')`,
        params: [],
      };
  }
}

async function indexName(db: Database, index: string): Promise<string | undefined> {
  const { rows } = await db.query<{ name: string }>('SELECT relname AS name FROM pg_class WHERE oid = to_regclass($1)', [index]);
  return rows[0]?.name;
}

// PostgreSQL names a rebuild's index with ChooseRelationName(<index>, NULL, "ccnew"): the index's
// name clipped with "_ccnew", then "_ccnew1", "_ccnew2", … until the name is free; "ccold"
// likewise for the old index once swapped out.
const LEFTOVER = /_(cc(?:new|old)\d*)$/;

/**
 * Among a table's indexes, the invalid ones named as a REINDEX CONCURRENTLY names its rebuilds
 * of another index of the same table (`only`: of that index alone). Pure, for testing.
 */
export function leftoversOfReindex(indexes: TableIndex[], only?: string): TableIndex[] {
  return indexes.filter((leftover) => {
    const label = LEFTOVER.exec(leftover.name)?.[1];
    if (leftover.valid || !label) return false;
    return indexes.some(
      (index) =>
        index !== leftover &&
        index.table === leftover.table &&
        (only === undefined || index.name === only) &&
        makeObjectName(index.name, undefined, label) === leftover.name,
    );
  });
}
