// stepwise seed [--file seed/seed.json] [--yes]: validate the file (nothing written when it is
// invalid), bring the schema up to date first (asking in a terminal, --yes otherwise), then
// insert it in one transaction.
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { loadCatalog } from '../catalog/load-catalog.js';
import { acquireRunLock } from '../db/advisory-lock.js';
import { connect } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { EXIT, RefusedError } from '../errors.js';
import { inspectDatabase } from '../run/inspect.js';
import { runUnattended } from '../run/run-unattended.js';
import { createTextListener, renderSummary } from '../report/text-events.js';
import { styler } from '../report/style.js';
import type { Catalog } from '../core/catalog.js';
import { commandContext, printJson, type CommandContext, type CommonOptions } from './common.js';
import { stopOnSignal } from './stop-on-signal.js';

export interface SeedOptions extends CommonOptions {
  file: string;
  yes?: boolean;
}

export async function seedCommand(options: SeedOptions): Promise<number> {
  const ctx = commandContext(options);
  const file = path.resolve(options.file);
  const { loadSeedFile } = await import('../seed/index.js');
  const seed = await loadSeedFile(file); // invalid → SeedFileError (exit 2) before any connection
  const catalog = loadCatalog(ctx.root);
  const db = await connect(ctx.target, ctx.toolVersion);
  const stop = stopOnSignal((line) => ctx.err(line));
  try {
    const unlock = await acquireRunLock(db);
    try {
      const upToDate = await bringSchemaUpToDate(db, catalog, ctx, Boolean(options.yes), stop.signal);
      if (upToDate !== EXIT.ok) return upToDate;
      const { insertSeed, asSeedDatabase, formatSeedProgress, formatSeedReport } = await import('../seed/index.js');
      const report = await insertSeed(asSeedDatabase(db), seed, (p) => ctx.err(`  ${formatSeedProgress(p)}`));
      if (ctx.json) printJson({ database: { kind: ctx.target.kind, url: ctx.target.masked }, file: path.relative(process.cwd(), file), ...report });
      else for (const line of formatSeedReport(report)) ctx.out(line);
      return EXIT.ok;
    } finally {
      await unlock();
    }
  } finally {
    stop.dispose();
    await db.close();
  }
}

/** Like Medusa's seed: the schema is migrated first. Returns an exit code (0 to go on). */
async function bringSchemaUpToDate(db: Database, catalog: Catalog, ctx: CommandContext, yes: boolean, signal: AbortSignal): Promise<number> {
  const { plan } = await inspectDatabase(db, catalog);
  if (plan.refusal) throw new RefusedError(plan.refusal.message, plan.refusal.details);
  if (plan.steps.length === 0) return EXIT.ok;
  const question = `The database is at ${plan.databaseVersion ?? 'no version (empty)'}; the code is at ${plan.codeVersion}. ${plan.steps.length} upgrade step(s) must run before seeding.`;
  if (!yes) {
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      throw new RefusedError(`${question} Nothing was changed.`, ['Pass --yes to upgrade and then seed, or run `stepwise upgrade` first.']);
    }
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    const answer = await rl.question(`${question}\nApply them now? [y/N] `);
    rl.close();
    if (!/^y(es)?$/i.test(answer.trim())) {
      ctx.err('Nothing was changed.');
      return EXIT.ok;
    }
  }
  const s = styler(process.stderr);
  const summary = await runUnattended(db, plan, { mode: 'apply', onEvent: createTextListener(ctx.err, s), toolVersion: ctx.toolVersion, signal });
  if (summary.stoppedAt) {
    for (const line of renderSummary(summary, s, 'stepwise seed')) ctx.err(line);
    return summary.stoppedAt.why === 'failed' ? EXIT.stepFailed : EXIT.cancelled;
  }
  return EXIT.ok;
}

/** The wizard's offer after a first install: seed on the session's own connection. */
export async function seedWithDatabase(db: Database, file: string, onEvent: (message: string) => void): Promise<string> {
  const { loadSeedFile, insertSeed, asSeedDatabase, formatSeedProgress, formatSeedReport } = await import('../seed/index.js');
  const seed = await loadSeedFile(file);
  const report = await insertSeed(asSeedDatabase(db), seed, (p) => onEvent(formatSeedProgress(p)));
  return formatSeedReport(report).join('\n');
}
