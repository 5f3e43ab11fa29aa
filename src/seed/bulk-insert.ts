// Set-based inserts: each batch of rows travels as one JSON parameter and becomes rows through
// json_to_recordset, so a batch costs one round trip whatever its size.
import type { Queryable } from '../core/data-step.js';

/** column name → PostgreSQL type of the value sent, e.g. `{ id: 'text', amount: 'int' }` */
export type Columns = Record<string, string>;

export interface BulkInsert<Row> {
  table: string;
  columns: Columns;
  rows: Row[];
  /**
   * SQL after `FROM json_to_recordset(…) AS r(…)`, to skip rows already present, e.g.
   * `WHERE NOT EXISTS (SELECT 1 FROM product p WHERE p.handle = r.handle)`
   */
  where?: string;
  /** expressions to select instead of `r.<column>` (casts to enums, jsonb, …) */
  select?: Partial<Record<keyof Row & string, string>>;
  /** rows that hit a unique constraint are skipped (natural keys) instead of failing the seed */
  skipConflicts?: boolean;
  /** columns to return for the rows inserted, e.g. `id` */
  returning?: string;
  batchSize?: number;
  /** called after each batch with the rows sent so far */
  onBatch?: (done: number) => void;
}

export const batchSize = 5000;

/** Inserts `rows` in batches; returns the number inserted and the `returning` rows. */
export async function bulkInsert<Row extends object, Returned = Record<string, unknown>>(
  db: Queryable,
  spec: BulkInsert<Row>,
): Promise<{ inserted: number; rows: Returned[] }> {
  const names = Object.keys(spec.columns);
  const recordType = names.map((name) => `${quote(name)} ${spec.columns[name]}`).join(', ');
  const selected = names
    .map((name) => spec.select?.[name as keyof Row & string] ?? `r.${quote(name)}`)
    .join(', ');
  const sql =
    `INSERT INTO ${spec.table} (${names.map(quote).join(', ')}) ` +
    `SELECT ${selected} FROM json_to_recordset($1::json) AS r(${recordType}) ${spec.where ?? ''} ` +
    (spec.skipConflicts ? 'ON CONFLICT DO NOTHING' : '') +
    (spec.returning ? ` RETURNING ${spec.returning}` : '');
  const size = spec.batchSize ?? batchSize;
  let inserted = 0;
  const returned: Returned[] = [];
  for (let start = 0; start < spec.rows.length; start += size) {
    const batch = spec.rows.slice(start, start + size);
    const result = await db.query<Returned>(sql, [JSON.stringify(batch)]);
    inserted += result.rowCount;
    if (spec.returning) returned.push(...result.rows);
    spec.onBatch?.(Math.min(start + size, spec.rows.length));
  }
  return { inserted, rows: returned };
}

function quote(name: string): string {
  return /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replace(/"/g, '""')}"`;
}
