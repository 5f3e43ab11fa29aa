// stepwise status [--json]: which version the database is at and what is pending. Reads only.
import { loadCatalog } from '../catalog/load-catalog.js';
import { connect, needsInitdb } from '../db/connect.js';
import { inspectDatabase } from '../run/inspect.js';
import { STATE_MEANING } from '../report/describe-state.js';
import { styler } from '../report/style.js';
import { commandContext, printJson, type CommonOptions } from './common.js';

export async function statusCommand(options: CommonOptions): Promise<number> {
  const ctx = commandContext(options);
  const catalog = loadCatalog(ctx.root);
  if (needsInitdb(ctx.target)) ctx.err('Opening the embedded database for the first time (initdb takes a few seconds)…');
  const db = await connect(ctx.target, ctx.toolVersion, { brief: true });
  try {
    const { detected, plan } = await inspectDatabase(db, catalog);
    if (ctx.json) {
      printJson({
        database: { kind: ctx.target.kind, url: ctx.target.masked },
        codeVersion: catalog.codeVersion,
        databaseVersion: detected.databaseVersion,
        state: detected.state,
        pending: detected.pending.map((p) => ({ kind: p.kind, id: p.id, version: p.version })),
        applied: detected.applied.length,
      });
      return 0;
    }
    const s = styler();
    ctx.out(`Database          ${ctx.target.kind}  ${ctx.target.masked}`);
    ctx.out(`Code version      ${catalog.codeVersion}`);
    ctx.out(`Database version  ${detected.databaseVersion ?? '(none)'}`);
    ctx.out(`State             ${STATE_MEANING[detected.state]}`);
    ctx.out(`Applied steps     ${detected.applied.length}`);
    if (plan.refusal) {
      ctx.out(s('red', plan.refusal.message));
      for (const d of plan.refusal.details) ctx.out(`  ${d}`);
    }
    for (const notice of plan.notices) ctx.out(s('yellow', `! ${notice}`));
    if (detected.pending.length > 0) {
      ctx.out(`Pending (${detected.pending.length}):`);
      for (const p of detected.pending) {
        const why = p.reason === 'new' ? '' : `  [${p.reason}]`;
        ctx.out(`  ${p.version.padEnd(8)} ${p.kind === 'migration' ? 'migration' : 'data step'}  ${p.id}${why}`);
      }
      if (!plan.refusal) ctx.out('Run `stepwise upgrade` to apply (add --dry-run to preview).');
    }
    return 0;
  } finally {
    await db.close();
  }
}
