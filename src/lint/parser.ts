// PostgreSQL's own parser (libpg-query, compiled to WASM), loaded on first use so commands that
// never lint never pay for the module and its WASM start-up.

import type { Node, RawStmt } from 'libpg-query';
import { withBaselineWasmOnly } from '../baseline-wasm.js';

type LibPgQuery = typeof import('libpg-query');

let loading: Promise<LibPgQuery> | undefined;

/** the module with its WASM ready, so a failure to load is never mistaken for bad SQL */
function loadLibPgQuery(): Promise<LibPgQuery> {
  loading ??= import('libpg-query').then(async (lib) => {
    // a preview makes a few hundred short parses: the optimizing tier would not pay for itself
    await withBaselineWasmOnly(() => lib.loadModule());
    return lib;
  });
  return loading;
}

export class SqlSyntaxError extends Error {
  constructor(
    message: string,
    /** 1-based, where PostgreSQL stopped understanding the text */
    readonly line?: number,
    readonly column?: number,
  ) {
    super(line === undefined ? message : `${message} (line ${line}, column ${column})`);
    this.name = 'SqlSyntaxError';
  }
}

/** the statements of one SQL text, in order; an empty or comment-only text has none */
export async function parseStatements(sql: string): Promise<Node[]> {
  return (await parseRaw(sql)).flatMap((raw) => (raw.stmt ? [raw.stmt] : []));
}

/**
 * The text of each statement of `sql`, without the separating semicolons. PostgreSQL runs a
 * multi-statement string as one implicit transaction, so a chunk holding CREATE INDEX
 * CONCURRENTLY next to other statements must be sent one statement at a time.
 */
export async function splitStatements(sql: string): Promise<string[]> {
  // locations are UTF-8 byte offsets; an absent length means "to the end"
  const bytes = Buffer.from(sql, 'utf8');
  return (await parseRaw(sql)).map((raw) => {
    const start = raw.stmt_location ?? 0;
    const end = raw.stmt_len ? start + raw.stmt_len : bytes.length;
    return bytes.subarray(start, end).toString('utf8').trim();
  });
}

async function parseRaw(sql: string): Promise<RawStmt[]> {
  if (sql.trim() === '') return [];
  // parseSync once the WASM is ready: the promise-returning parse() costs about five times as
  // much per call (measured: 680 chunks in 172 ms against 34 ms)
  const { parseSync } = await loadLibPgQuery();
  try {
    return parseSync(sql).stmts ?? [];
  } catch (error) {
    if (!(error instanceof Error) || error.name !== 'SqlError') throw error;
    const position = (error as { sqlDetails?: { cursorPosition?: number } }).sqlDetails?.cursorPosition;
    throw syntaxErrorAt(error.message, sql, position);
  }
}

/** the PL/pgSQL parse tree of `CREATE FUNCTION … LANGUAGE plpgsql` text */
export async function parsePlpgsql(functionSql: string): Promise<unknown> {
  const { parsePlPgSQLSync } = await loadLibPgQuery();
  try {
    return parsePlPgSQLSync(functionSql);
  } catch (error) {
    // with the module loaded, a plain Error carries PostgreSQL's message (without a position)
    if (!(error instanceof Error) || error instanceof TypeError) throw error;
    throw new SqlSyntaxError(error.message);
  }
}

function syntaxErrorAt(message: string, sql: string, position: number | undefined): SqlSyntaxError {
  if (position === undefined || position < 0) return new SqlSyntaxError(message);
  // libpg-query reports a 0-based character offset
  const before = sql.slice(0, position);
  const line = before.split('\n').length;
  const column = position - before.lastIndexOf('\n');
  return new SqlSyntaxError(message, line, column);
}
