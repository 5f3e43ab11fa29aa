// One migration: its statements and its record rows in one transaction, under a lock_timeout,
// retried with backoff when a lock could not be had in time.
import type { PlannedStep } from '../core/plan.js';
import type { StatementPreview } from '../core/warning.js';
import type { Database } from '../db/database.js';
import { drizzleInsertSql, historyInsertSql, installedUpsertSql, recordDrizzleMigration, recordHistory, recordInstalledVersion } from '../db/history.js';
import type { RunEvent, RunMode } from './events.js';
import { StepError, isLockTimeout, toStepFailure } from './step-failure.js';
import { dropInvalidIndexes } from './invalid-index.js';

export interface MigrationRunOptions {
  db: Database;
  step: PlannedStep;
  mode: Exclude<RunMode, 'dry-run'>;
  statements: StatementPreview[] | undefined;
  lockTimeoutMs: number;
  lockRetries: number;
  toolVersion: string;
  /** another step follows at once: the commit need not wait for the disk (see runPlan) */
  deferFlush?: boolean;
  emit(event: RunEvent): void;
  sleep?(ms: number): Promise<void>;
}

async function splitForAutocommit(sql: string): Promise<string[]> {
  const { splitStatements } = await import('../lint/parser.js');
  return splitStatements(sql);
}

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The settings of the migration's transaction: its lock_timeout and, unattended, a commit that need not wait for the disk. */
function transactionSettings(o: MigrationRunOptions): string[] {
  return [`SET LOCAL lock_timeout = ${Math.round(o.lockTimeoutMs)}`, ...(o.deferFlush ? ['SET LOCAL synchronous_commit = off'] : [])];
}

export async function applyMigration(o: MigrationRunOptions): Promise<{ rows: number; summary?: string }> {
  const migration = o.step.migration!;
  const sleep = o.sleep ?? wait;
  for (let attempt = 1; ; attempt++) {
    try {
      // indexes a failed concurrent build left behind (INVALID): they would fail the retry or outlive it
      if (o.mode === 'apply') {
        for (const index of await dropInvalidIndexes(o.db, outsideTransaction(o))) {
          o.emit({ type: 'log', step: o.step, level: 'warn', message: `dropped invalid index ${index}, left by an earlier failed run of this migration` });
        }
      }
      if (canApplyInOneRoundTrip(o)) {
        const done = await applyInOneRoundTrip(o);
        if (done) return done;
      }
      return await applyOnce(o);
    } catch (error) {
      if (!isLockTimeout(error) || attempt > o.lockRetries) throw error;
      const waitMs = Math.min(30_000, 1000 * 2 ** (attempt - 1));
      o.emit({
        type: 'retry',
        step: o.step,
        attempt,
        of: o.lockRetries,
        waitMs,
        reason: `a lock was not granted within ${o.lockTimeoutMs} ms (another session holds it); rolled back, retrying ${migration.tag}`,
      });
      await sleep(waitMs);
    }
  }
}

/**
 * The chunks that run outside a transaction, where a CREATE INDEX CONCURRENTLY can only be
 * (every chunk, without a preview): no need to parse the others again.
 */
function outsideTransaction(o: MigrationRunOptions): string[] {
  const statements = o.step.migration!.statements;
  return o.statements ? statements.filter((_, i) => o.statements![i]?.transactional === false) : statements;
}

/**
 * A plain migration outside any transaction, whose statements change no rows the record should
 * count (DDL): the whole of it can go as one string. One that inserts or updates rows goes
 * statement by statement, so that the record says how many: in one string the record rows are
 * written before the count is known.
 */
function canApplyInOneRoundTrip(o: MigrationRunOptions): boolean {
  return o.mode === 'apply' && o.db.depth === 0 && o.statements !== undefined && o.statements.every((s) => s.transactional && s.countsRows === false);
}

const literal = (value: string) => `'${value.replace(/'/g, "''")}'`;

/**
 * The migration, its record rows and COMMIT in one round trip (one simple-protocol string: its
 * statements run in order and the first error stops it). On a lock timeout the error goes to the
 * retry loop; on any other error it returns null after the rollback, and the caller replays the
 * migration statement by statement, which names the failing statement and its position.
 */
async function applyInOneRoundTrip(o: MigrationRunOptions): Promise<{ rows: number } | null> {
  const { db, step } = o;
  const migration = step.migration!;
  const statements = migration.statements.filter((sql) => sql.trim() !== '');
  o.emit({ type: 'statement', step, index: statements.length, total: statements.length, sql: statements.map((x) => x.trim()).join('\n\n') });
  const script = [
    'BEGIN',
    ...transactionSettings(o),
    ...statements,
    drizzleInsertSql(literal(migration.hash), String(migration.when)),
    historyInsertSql([
      ...[step.version, step.id, 'migration', migration.hash, 'applied'].map(literal),
      'now()', // the transaction's start
      '0', // none of its statements changes rows (canApplyInOneRoundTrip)
      '(extract(epoch FROM clock_timestamp() - now()) * 1000)::int',
      literal(o.toolVersion),
      'NULL',
    ]),
    ...(step.completesRelease ? [installedUpsertSql(literal(step.version))] : []),
    'COMMIT',
    // a newline before each separator: a statement may end in a -- comment
  ].join('\n;\n');
  try {
    await db.exec(script);
    return { rows: 0 };
  } catch (error) {
    await db.exec('ROLLBACK').catch(() => undefined);
    if (isLockTimeout(error)) throw error;
    return null;
  }
}

async function applyOnce(o: MigrationRunOptions): Promise<{ rows: number; summary?: string }> {
  const { db, step } = o;
  const migration = step.migration!;
  const chunks = migration.statements.map((sql, i) => ({ sql, i, preview: o.statements?.[i] })).filter((c) => c.sql.trim() !== '');
  const outside = chunks.filter((c) => c.preview && !c.preview.transactional);
  const startedAt = new Date();
  const started = performance.now();
  const baseDepth = db.depth;
  let rows = 0;
  let skipped = 0;

  const run = async (chunk: (typeof chunks)[number], n: number) => {
    o.emit({ type: 'statement', step, index: n + 1, total: chunks.length, sql: chunk.sql.trim() });
    // PostgreSQL runs a multi-statement string as one implicit transaction, which statements
    // like CREATE INDEX CONCURRENTLY refuse: such a chunk goes one statement at a time
    const parts = chunk.preview && !chunk.preview.transactional ? await splitForAutocommit(chunk.sql) : [chunk.sql];
    for (const sql of parts) {
      try {
        rows += await db.exec(sql);
      } catch (error) {
        if (isLockTimeout(error)) throw error;
        throw new StepError(toStepFailure(error, { statement: sql, statementIndex: chunk.i + 1 }));
      }
    }
  };

  try {
    if (outside.length > 0 && o.mode === 'apply') {
      // CREATE INDEX CONCURRENTLY and the like refuse to run in a transaction block
      await db.exec(`SET lock_timeout = ${Math.round(o.lockTimeoutMs)}`);
      try {
        for (const [n, chunk] of chunks.entries()) await run(chunk, n);
      } finally {
        await db.exec('RESET lock_timeout');
      }
      // the record rows' transaction
      await db.begin();
      await db.exec(transactionSettings(o).join('; '));
    } else {
      await db.begin();
      await db.exec(transactionSettings(o).join('; '));
      for (const [n, chunk] of chunks.entries()) {
        if (chunk.preview && !chunk.preview.transactional) {
          // a rehearsal is one transaction: this statement cannot be part of it
          skipped += 1;
          continue;
        }
        await run(chunk, n);
      }
    }
    const durationMs = performance.now() - started;
    // a rehearsal's records would be rolled back with it: the runner writes them afterwards
    if (o.mode === 'apply') {
      await recordDrizzleMigration(db, migration);
      await recordHistory(db, {
        version: step.version,
        stepId: step.id,
        kind: 'migration',
        checksum: migration.hash,
        outcome: 'applied',
        startedAt,
        durationMs,
        rowsAffected: rows,
        toolVersion: o.toolVersion,
      });
      if (step.completesRelease) await recordInstalledVersion(db, step.version);
    }
    await db.commit();
    const summary = skipped > 0 ? `${skipped} statement(s) not rehearsed: they cannot run inside a transaction` : undefined;
    return { rows, summary };
  } catch (error) {
    while (db.depth > baseDepth) await db.rollback().catch(() => undefined);
    throw error;
  }
}
