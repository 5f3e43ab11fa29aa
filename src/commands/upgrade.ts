// stepwise [upgrade] [--to V] [--dry-run | --rehearse] [--yes] [--json]
// In a terminal: the Ink wizard. Otherwise plain text (or JSON), applying only with --yes.
import { loadCatalog } from '../catalog/load-catalog.js';
import { needsInitdb } from '../db/connect.js';
import { RefusedError, UserError, EXIT } from '../errors.js';
import { createUpgradeSession } from '../run/upgrade-session.js';
import type { RunMode } from '../run/events.js';
import { upgradeDocument } from '../report/json-upgrade.js';
import { renderPlanText } from '../report/text-plan.js';
import { createTextListener, renderSummary } from '../report/text-events.js';
import { styler } from '../report/style.js';
import { commandContext, continueCommand, printJson, type CommonOptions } from './common.js';
import { seedFileFor } from './seed-file.js';
import { backupBeforeRun, backupNow, describeBackup } from './backup.js';
import { stopOnSignal } from './stop-on-signal.js';

export interface UpgradeOptions extends CommonOptions {
  to?: string;
  dryRun?: boolean;
  rehearse?: boolean;
  yes?: boolean;
  lockTimeout?: number;
  lockRetries?: number;
  batchSize?: number;
  backup?: string;
}

export async function upgradeCommand(options: UpgradeOptions): Promise<number> {
  if (options.dryRun && options.rehearse) throw new UserError('--dry-run and --rehearse exclude each other: pick one.');
  const ctx = commandContext(options);
  const mode: RunMode = options.dryRun ? 'dry-run' : options.rehearse ? 'rehearse' : 'apply';
  const catalog = loadCatalog(ctx.root);
  const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY) && !ctx.json && !options.yes;
  const stop = stopOnSignal(interactive ? null : (line) => ctx.err(line));

  const plainSession = createUpgradeSession({
    target: ctx.target,
    catalog,
    mode,
    to: options.to,
    toolVersion: ctx.toolVersion,
    lockTimeoutMs: options.lockTimeout,
    lockRetries: options.lockRetries,
    batchSize: options.batchSize,
    signal: stop.signal,
    firstOpen: needsInitdb(ctx.target),
    // seeding writes the newest schema's tables: offered only when the run goes all the way
    seedFile: interactive && mode === 'apply' && (!options.to || options.to === catalog.codeVersion) ? seedFileFor(ctx) : null,
    seeder: async (db, file, onEvent) => (await import('./seed.js')).seedWithDatabase(db, file, onEvent),
  });
  const session = backupBeforeRun(plainSession, {
    file: options.backup,
    target: ctx.target,
    mode,
    toolVersion: ctx.toolVersion,
    say: interactive ? null : ctx.json ? ctx.err : ctx.out,
    note: ctx.err,
  });

  if (interactive && mode === 'apply' && !options.backup) {
    // offered on the plan screen, before anything runs
    const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    session.backup = {
      suggestedFile: `stepwise-backup-${stamp}.dump`,
      run: async (file) => describeBackup(await backupNow(ctx.target, file, ctx.toolVersion)),
    };
  }

  try {
    if (interactive) {
      await import('../ui/live-terminal.js'); // before Ink: a terminal gets live frames even with CI set
      const { renderWizard } = await import('../ui/render-wizard.js');
      return await renderWizard(session);
    }
    return await runPlain(session, ctx, mode, Boolean(options.yes));
  } finally {
    stop.dispose();
    await session.close();
  }
}

async function runPlain(
  session: ReturnType<typeof createUpgradeSession>,
  ctx: ReturnType<typeof commandContext>,
  mode: RunMode,
  yes: boolean,
): Promise<number> {
  const s = styler(ctx.json ? process.stderr : process.stdout);
  const say = ctx.json ? ctx.err : ctx.out;
  if (session.firstOpen) ctx.err('Opening the embedded database for the first time (initdb takes a few seconds)…');
  const opened = await session.open();
  const { plan } = opened;

  if (!ctx.json) for (const line of renderPlanText(opened, mode, s, mode === 'dry-run')) say(line);
  if (plan.refusal) {
    if (ctx.json) printJson(upgradeDocument(opened, null));
    throw new RefusedError(plan.refusal.message, plan.refusal.details);
  }
  if (plan.steps.length === 0) {
    if (ctx.json) printJson(upgradeDocument(opened, null));
    return EXIT.ok;
  }
  if (mode === 'apply' && !yes) {
    if (ctx.json) printJson(upgradeDocument(opened, null));
    throw new RefusedError('Not a terminal, so nobody can confirm each step: nothing was applied.', [
      'Pass --yes to apply the plan above without prompts, or run `stepwise` in a terminal for the guided wizard.',
      'Preview first with --dry-run, or prove it on this data with --rehearse.',
    ]);
  }
  say('');
  const summary = await session.run(async () => 'all', createTextListener(say, s));
  if (ctx.json) printJson(upgradeDocument(opened, summary));
  else for (const line of renderSummary(summary, s, continueCommand())) say(line);
  if (summary.stoppedAt?.why === 'failed') return EXIT.stepFailed;
  if (summary.stoppedAt?.why === 'interrupted') return EXIT.cancelled;
  return EXIT.ok;
}
