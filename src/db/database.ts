// The one interface the engine talks to. Two adapters implement it: pg (a real server) and
// PGlite (embedded). Both hold a single session, so transactions, savepoints and session
// settings behave the same way on either.
import type { Queryable } from '../core/data-step.js';

export interface Database extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** masked URL or data directory, safe to print */
  readonly label: string;
  /** run one or more statements in one round trip; returns the rows they changed, all together */
  exec(sql: string): Promise<number>;
  /** BEGIN, or a SAVEPOINT when a transaction is already open */
  begin(): Promise<void>;
  /** COMMIT, or RELEASE of the innermost savepoint */
  commit(): Promise<void>;
  /** ROLLBACK, or ROLLBACK TO the innermost savepoint */
  rollback(): Promise<void>;
  /** open transactions and savepoints */
  readonly depth: number;
  close(): Promise<void>;
}

/** `fn` inside a transaction (or savepoint), committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(db: Database, fn: () => Promise<T>): Promise<T> {
  await db.begin();
  try {
    const result = await fn();
    await db.commit();
    return result;
  } catch (error) {
    await db.rollback().catch(() => undefined);
    throw error;
  }
}

/** Tracks nesting and turns begin/commit/rollback into the right SQL for the depth. */
export class TransactionDepth {
  depth = 0;
  beginSql(): string {
    this.depth += 1;
    return this.depth === 1 ? 'BEGIN' : `SAVEPOINT stepwise_${this.depth}`;
  }
  commitSql(): string {
    const sql = this.depth === 1 ? 'COMMIT' : `RELEASE SAVEPOINT stepwise_${this.depth}`;
    this.depth -= 1;
    return sql;
  }
  rollbackSql(): string {
    const sql = this.depth === 1 ? 'ROLLBACK' : `ROLLBACK TO SAVEPOINT stepwise_${this.depth}`;
    this.depth -= 1;
    return sql;
  }
}
