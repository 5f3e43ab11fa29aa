// stepwise migrations run | show — the schema migrations alone, named as in Medusa's CLI.
import { loadCatalog } from '../catalog/load-catalog.js';
import { stepKey } from '../core/catalog.js';
import type { Plan, PlannedStep } from '../core/plan.js';
import { acquireRunLock } from '../db/advisory-lock.js';
import { connect } from '../db/connect.js';
import { readDatabaseFacts } from '../db/read-facts.js';
import { RefusedError, EXIT } from '../errors.js';
import { buildPreviews, estimateRows } from '../run/build-previews.js';
import type { Decision } from '../run/events.js';
import { inspectDatabase } from '../run/inspect.js';
import { runPlan } from '../run/run-plan.js';
import { createTextListener, renderFailure } from '../report/text-events.js';
import { formatDuration } from '../report/format.js';
import { styler } from '../report/style.js';
import { commandContext, printJson, type CommonOptions } from './common.js';
import { stopOnSignal } from './stop-on-signal.js';

/**
 * Applies pending migrations without prompts and without data steps. A migration that comes
 * after a pending data step with work to do is not applied: running it first could lose data
 * (2.0.0 drops the column 1.8.0's data step reads) or fail (1.4.0's NOT NULL before its
 * backfill). Data steps with nothing to do (an empty database) do not hold migrations back.
 */
export async function migrationsRunCommand(options: CommonOptions & { lockTimeout?: number; lockRetries?: number }): Promise<number> {
  const ctx = commandContext(options);
  const s = styler(ctx.json ? process.stderr : process.stdout);
  const say = ctx.json ? ctx.err : ctx.out;
  const catalog = loadCatalog(ctx.root);
  const db = await connect(ctx.target, ctx.toolVersion);
  const stop = stopOnSignal((line) => ctx.err(line));
  const unlock = await acquireRunLock(db).catch(async (e) => {
    await db.close();
    throw e;
  });
  try {
    const { plan } = await inspectDatabase(db, catalog);
    if (plan.refusal) throw new RefusedError(plan.refusal.message, plan.refusal.details);
    const listener = createTextListener(say, s);
    // the migrations alone, in one run; a migration's release is only complete (and the database
    // version only moves) when no data step of it or an older release was left behind
    const scripts = plan.steps.filter((x) => x.kind === 'script');
    const migrations: PlannedStep[] = [];
    const scriptsBefore = new Map<PlannedStep, PlannedStep[]>();
    for (const [i, step] of plan.steps.entries()) {
      if (step.kind !== 'migration') continue;
      const before = plan.steps.slice(0, i).filter((x) => x.kind === 'script');
      const single = { ...step, completesRelease: step.completesRelease && before.length === 0 };
      migrations.push(single);
      scriptsBefore.set(single, before);
    }
    const migrationPlan: Plan = { ...plan, steps: migrations, releases: [] };
    // the statements' analysis, once for the run
    const { previews } = await buildPreviews(db, migrationPlan);

    const held: { blocked: { migration: PlannedStep; script: PlannedStep; rows: number | null } | null } = { blocked: null };
    // Before each migration: a data step it follows must have nothing to do. Estimated only when
    // reached, since a data step reads the schema its own release's migrations create. A first
    // install has no data of the operator's that a migration could lose or trip on.
    const decide = async (step: PlannedStep): Promise<Decision> => {
      if (plan.state === 'empty') return 'apply';
      for (const script of scriptsBefore.get(step) ?? []) {
        const rows = await estimateRows(db, script).catch(() => null); // unknown holds back too
        if (rows !== 0) {
          held.blocked = { migration: step, script, rows };
          return 'stop';
        }
      }
      return 'apply';
    };
    const summary = await runPlan({
      db, plan: migrationPlan, mode: 'apply', decide, unattended: true, onEvent: listener, previews,
      toolVersion: ctx.toolVersion, lockTimeoutMs: options.lockTimeout, lockRetries: options.lockRetries, signal: stop.signal,
    });
    const outcomes = summary.outcomes;
    const blocked = held.blocked;
    const failed = outcomes.find((o) => o.status === 'failed');
    const applied = outcomes.filter((o) => o.status === 'applied');
    const pendingScripts = scripts.map((x) => ({ id: x.id, version: x.version }));
    if (ctx.json) {
      printJson({
        database: { kind: ctx.target.kind, url: ctx.target.masked },
        applied: applied.map((o) => ({ id: o.step.id, version: o.step.version, durationMs: Math.round(o.durationMs) })),
        failed: failed ? { id: failed.step.id, version: failed.step.version, failure: failed.failure } : null,
        blocked: blocked ? { migration: blocked.migration.id, dataStep: blocked.script.id, estimatedRows: blocked.rows } : null,
        pendingDataSteps: pendingScripts,
      });
    } else {
      say(`${applied.length} migration(s) applied in ${formatDuration(applied.reduce((t, o) => t + o.durationMs, 0))}.`);
      if (failed?.failure) for (const line of renderFailure(failed.failure, s)) say(line);
    }
    if (pendingScripts.length > 0) {
      ctx.err(s('yellow', `warning: ${pendingScripts.length} data step(s) pending (${pendingScripts.map((x) => x.id).join(', ')}): run \`stepwise upgrade\` to run them.`));
    }
    if (failed) return EXIT.stepFailed;
    if (stop.signal.aborted) return EXIT.cancelled;
    if (blocked) {
      throw new RefusedError(
        `Migration ${blocked.migration.id} was not applied: data step ${blocked.script.id} (release ${blocked.script.version}) must run first and has ${blocked.rows == null ? 'an unknown number of' : blocked.rows} row(s) to update.`,
        ['Run `stepwise upgrade`, which runs migrations and data steps in order.'],
      );
    }
    return EXIT.ok;
  } finally {
    stop.dispose();
    await unlock();
    await db.close();
  }
}

/** Each migration of the journal: applied or pending, when and by whom. Reads only. */
export async function migrationsShowCommand(options: CommonOptions): Promise<number> {
  const ctx = commandContext(options);
  const catalog = loadCatalog(ctx.root);
  const db = await connect(ctx.target, ctx.toolVersion, { brief: true });
  try {
    const facts = await readDatabaseFacts(db, catalog.tables);
    const recorded = new Map(facts.migrations.map((m) => [m.createdAt, m]));
    const history = new Map(facts.history.filter((h) => h.kind === 'migration' && h.outcome === 'applied').map((h) => [h.stepId, h]));
    const release = new Map(catalog.releases.flatMap((r) => r.steps.map((st) => [stepKey(st), r.version] as const)));
    const rows = catalog.migrations.map((m) => {
      const row = recorded.get(m.when);
      const h = history.get(m.tag);
      return {
        id: m.tag,
        version: release.get(`migration:${m.tag}`) ?? null,
        status: row ? (row.hash === m.hash ? 'applied' : 'drift') : 'pending',
        appliedAt: h?.finishedAt?.toISOString() ?? null,
        appliedBy: h ? `${h.databaseUser ?? '?'} (stepwise)` : row ? 'another tool (drizzle-kit?)' : null,
      };
    });
    if (ctx.json) {
      printJson({ database: { kind: ctx.target.kind, url: ctx.target.masked }, migrations: rows });
      return EXIT.ok;
    }
    const s = styler();
    for (const r of rows) {
      const mark = r.status === 'applied' ? s('green', '[x]') : r.status === 'drift' ? s('red', '[!]') : '[ ]';
      const when = r.status === 'pending' ? 'pending' : r.status === 'drift' ? 'applied, file changed since (drift)' : `${r.appliedAt ?? 'applied'} by ${r.appliedBy}`;
      ctx.out(`${mark} ${r.id.padEnd(36)} ${String(r.version ?? '-').padEnd(8)} ${when}`);
    }
    return EXIT.ok;
  } finally {
    await db.close();
  }
}
