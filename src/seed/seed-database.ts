// The engine's Database (begin/commit/rollback on one session) seen as the SeedDatabase that
// insertSeed takes, so the command and the tests pass either adapter, pg or PGlite.
import type { Database } from '../db/database.js';
import { inTransaction } from '../db/database.js';
import type { SeedDatabase } from './insert-seed.js';

export function asSeedDatabase(db: Database): SeedDatabase {
  return {
    query: (sql, params) => db.query(sql, params),
    transaction: (fn) => inTransaction(db, () => fn(db)),
  };
}
