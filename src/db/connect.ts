// Opens the database a target names. Each driver is imported only when it is used, so that
// `status` against a server never loads PGlite, and the reverse.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from './database.js';
import type { DatabaseTarget } from './url.js';

export interface ConnectOptions {
  /** a few queries and done (status): the embedded database skips V8's optimizing tier (src/baseline-wasm.ts) */
  brief?: boolean;
}

export async function connect(target: DatabaseTarget, toolVersion: string, options: ConnectOptions = {}): Promise<Database> {
  if (target.kind === 'postgres') {
    const { openPostgres } = await import('./pg-database.js');
    return openPostgres(target.url, target.masked, toolVersion);
  }
  const { openPglite } = await import('./pglite-database.js');
  return openPglite(target.dataDir, target.masked, options);
}

/** The embedded database's first open runs initdb, which takes several seconds: say so first. */
export function needsInitdb(target: DatabaseTarget): boolean {
  return target.kind === 'pglite' && !fs.existsSync(path.join(target.dataDir, 'PG_VERSION'));
}
