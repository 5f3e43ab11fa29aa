// Puts numbers on the preview's warnings from the live database, read-only: rows or non-null
// values a data-loss statement would destroy, and the size of big tables a lock or rewrite hits.
// Only catalog lookups that cannot fail (to_regclass) run before a COUNT, so a missing table
// never aborts the caller's (read-only) transaction.

import type { Queryable } from '../core/data-step.js';
import type { StatementPreview } from '../core/warning.js';
import type { LintWarning, LossSubject } from './lint-types.js';
import { quoteIdent, quoteQualified } from './quote-ident.js';

/** below this many rows (pg_class estimate) a lock or rewrite is not worth a number */
export const BIG_TABLE_ROWS = 10_000;

/**
 * Fills `affectedRows` of data-loss warnings (null when the table or column does not exist yet,
 * e.g. created by an earlier pending step) and adds the row estimate of big tables to long-lock
 * and table-rewrite messages. Returns new previews; the input is not changed.
 */
export async function measureWarnings<P extends StatementPreview>(db: Queryable, previews: P[]): Promise<P[]> {
  const counts = new Map<string, Promise<number | null>>();
  const once = (key: string, count: () => Promise<number | null>) => {
    if (!counts.has(key)) counts.set(key, count());
    return counts.get(key)!;
  };
  const measured: P[] = [];
  for (const preview of previews) {
    const warnings: LintWarning[] = [];
    for (const warning of preview.warnings as LintWarning[]) {
      warnings.push(await measureOne(db, warning, once));
    }
    measured.push({ ...preview, warnings });
  }
  return measured;
}

type CountOnce = (key: string, count: () => Promise<number | null>) => Promise<number | null>;

async function measureOne(db: Queryable, warning: LintWarning, once: CountOnce): Promise<LintWarning> {
  if (warning.kind === 'data-loss') {
    const subject = lossSubject(warning);
    const key = JSON.stringify([subject, warning.schema, warning.table, warning.column]);
    const affectedRows = await once(key, () => countLoss(db, subject, warning));
    return { ...warning, affectedRows };
  }
  if (warning.table === undefined || warning.estimatedRows !== undefined) return warning;
  const key = JSON.stringify(['estimate', warning.schema, warning.table]);
  const estimate = await once(key, () => estimateRows(db, quoteQualified(warning.table!, warning.schema)));
  if (estimate === null || estimate < BIG_TABLE_ROWS) return warning;
  const sentence = warning.message.endsWith('.') ? warning.message.slice(0, -1) : warning.message;
  const rows = new Intl.NumberFormat('en-US').format(estimate);
  return { ...warning, message: `${sentence} (about ${rows} rows).`, estimatedRows: estimate };
}

/** warnings built elsewhere may lack `loses`: a column means its values, a table its rows */
function lossSubject(warning: LintWarning): LossSubject | undefined {
  if (warning.loses) return warning.loses;
  if (warning.table !== undefined) return warning.column !== undefined ? 'column-values' : 'rows';
  return undefined;
}

async function countLoss(db: Queryable, subject: LossSubject | undefined, warning: LintWarning): Promise<number | null> {
  if (subject === 'schema-rows') return warning.schema === undefined ? null : countSchemaRows(db, warning.schema);
  if (warning.table === undefined) return null;
  const table = quoteQualified(warning.table, warning.schema);
  if (!(await relationExists(db, table))) return null;
  if (subject === 'rows') return countRows(db, table, '*');
  if (subject === 'column-values' && warning.column !== undefined) {
    const { rows } = await db.query(
      'SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass($1) AND attname = $2 AND attnum > 0 AND NOT attisdropped',
      [table, warning.column],
    );
    return rows.length === 0 ? null : countRows(db, table, quoteIdent(warning.column));
  }
  return null;
}

async function relationExists(db: Queryable, quotedTable: string): Promise<boolean> {
  const { rows } = await db.query<{ found: boolean }>('SELECT to_regclass($1) IS NOT NULL AS found', [quotedTable]);
  return rows[0]?.found === true;
}

/** `count(*)` counts rows; `count("col")` counts the column's non-null values */
async function countRows(db: Queryable, quotedTable: string, what: string): Promise<number> {
  const { rows } = await db.query<{ n: unknown }>(`SELECT count(${what}) AS n FROM ${quotedTable}`);
  return Number(rows[0]?.n ?? 0);
}

/** rows of every table in the schema; partitions are counted as the tables they are */
async function countSchemaRows(db: Queryable, schema: string): Promise<number | null> {
  const { rows: found } = await db.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
  if (found.length === 0) return null;
  const { rows: tables } = await db.query<{ relname: string }>(
    `SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relkind = 'r' ORDER BY c.relname`,
    [schema],
  );
  let total = 0;
  for (const { relname } of tables) total += await countRows(db, quoteQualified(relname, schema), '*');
  return total;
}

/** pg_class.reltuples, summed over the leaves of a partitioned table; null before any ANALYZE */
async function estimateRows(db: Queryable, quotedTable: string): Promise<number | null> {
  const { rows } = await db.query<{ own: unknown; leaves: unknown }>(
    `SELECT c.reltuples::float8 AS own,
            (SELECT sum(l.reltuples)::float8 FROM pg_partition_tree(c.oid) t JOIN pg_class l ON l.oid = t.relid
              WHERE t.isleaf AND l.reltuples > 0) AS leaves
       FROM pg_class c WHERE c.oid = to_regclass($1)`,
    [quotedTable],
  );
  const row = rows[0];
  if (!row) return null;
  const estimate = Number(row.leaves ?? row.own);
  return Number.isFinite(estimate) && estimate >= 0 ? Math.round(estimate) : null;
}
