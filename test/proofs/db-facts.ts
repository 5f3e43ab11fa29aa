// What a database holds, for proofs that compare two of them: its schema as pg_dump prints it
// (normalised: no comments, settings or ownership) and each table's rows as a count and a digest.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** `pg_dump --schema-only` of `schemas`, without the lines that differ between equal schemas. */
export async function schemaDump(url: string, schemas: string[] = ['public']): Promise<string> {
  const args = ['--schema-only', '--no-owner', '--no-privileges', '--no-comments', ...schemas.map((s) => `--schema=${s}`), url];
  const { stdout } = await run('pg_dump', args, { maxBuffer: 64 * 1024 * 1024 });
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '' && !line.startsWith('--') && !/^(SET |SELECT pg_catalog\.set_config|\\(un)?restrict )/.test(line))
    .join('\n');
}

export interface TableFacts {
  rows: number;
  /** md5 of every row's text, in order: equal digests, equal contents */
  digest: string;
}

/** a test client on the server, or Stepwise's own Database (for PGlite) */
export interface Reader {
  query(sql: string, params?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Every base table of `schemas` with its row count and content digest. */
export async function tableFacts(db: Reader, schemas: string[] = ['public']): Promise<Record<string, TableFacts>> {
  const read = async <R>(sql: string, params?: unknown[]) => (await db.query(sql, params)).rows as R[];
  const tables = await read<{ name: string }>(
    `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
      WHERE table_schema = ANY($1) AND table_type = 'BASE TABLE' ORDER BY 1`,
    [schemas],
  );
  const out: Record<string, TableFacts> = {};
  for (const { name } of tables) {
    const rows = await read<{ n: number; digest: string }>(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(x::text, E'\\n' ORDER BY x::text), '')) AS digest FROM ${name} x`,
    );
    out[name] = { rows: rows[0].n, digest: rows[0].digest };
  }
  return out;
}

/** Row counts alone, for comparing tables whose contents an upgrade changes on purpose. */
export const rowCounts = (facts: Record<string, TableFacts>) => Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, v.rows]));
