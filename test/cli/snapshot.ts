// What a database holds, coarsely: every table outside the system schemas with its row count.
// Equal snapshots before and after a refused command prove it changed nothing.
import type { TestDatabase } from '../helpers/postgres.js';

export async function snapshot(t: TestDatabase): Promise<Record<string, number>> {
  const tables = (
    await t.query<{ name: string }>(
      `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
        WHERE table_schema NOT IN ('pg_catalog', 'information_schema') AND table_type = 'BASE TABLE' ORDER BY 1`,
    )
  ).rows;
  const out: Record<string, number> = {};
  for (const { name } of tables) out[name] = (await t.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${name}`)).rows[0].n;
  const columns = await t.query<{ n: number }>("SELECT count(*)::int AS n FROM information_schema.columns WHERE table_schema = 'public'");
  out['(public columns)'] = columns.rows[0].n;
  return out;
}
