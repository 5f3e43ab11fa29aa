// The plan as plain text: what a run without a terminal prints before it applies anything.
import { stepKey } from '../core/catalog.js';
import type { OpenedSession } from '../ui/session.js';
import type { RunMode } from '../run/events.js';
import { STATE_MEANING } from './describe-state.js';
import { formatCount } from './format.js';
import type { Styler } from './style.js';

const MODE_BANNER: Record<RunMode, string> = {
  apply: '',
  'dry-run': 'DRY RUN: nothing will be written.',
  rehearse: 'REHEARSAL: every step runs inside one transaction that is rolled back at the end.',
};

export function renderPlanText(opened: OpenedSession, mode: RunMode, s: Styler, verbose: boolean): string[] {
  const { plan, database, previews } = opened;
  const out: string[] = [];
  if (MODE_BANNER[mode]) out.push(s('bold', MODE_BANNER[mode]), '');
  out.push(`Database          ${database.kind}  ${database.url}`);
  out.push(`Code version      ${plan.codeVersion}`);
  out.push(`Database version  ${plan.databaseVersion ?? '(none)'}`);
  out.push(`State             ${STATE_MEANING[plan.state]}`);
  if (plan.refusal) {
    out.push('', s('red', plan.refusal.message), ...plan.refusal.details.map((d) => `  ${d}`));
    return out;
  }
  for (const notice of plan.notices) out.push(s('yellow', `! ${notice}`));
  for (const warning of opened.warnings) out.push(s('red', `!! ${warning}`));
  if (plan.steps.length === 0) {
    out.push('', s('green', 'Nothing to do: the database is current.'));
    return out;
  }
  out.push('', s('bold', `Plan: ${plan.steps.length} step(s) to ${plan.target}`));
  for (const release of plan.releases) {
    out.push('', s('bold', `${release.version}  ${release.title}`));
    for (const step of release.steps) {
      const preview = previews[stepKey(step)];
      const size =
        step.kind === 'migration'
          ? `${preview?.statements.length ?? step.migration!.statements.length} statement(s)`
          : preview?.estimatedRows == null
            ? 'rows unknown until earlier steps run'
            : `~${formatCount(preview.estimatedRows)} row(s)`;
      const why = step.reason === 'new' ? '' : s('yellow', ` [${step.reason}]`);
      const title = preview?.title ? ` — ${preview.title}` : '';
      out.push(`  ${step.kind === 'migration' ? 'migration ' : 'data step '} ${step.id}${title}  (${size})${why}`);
      for (const w of preview?.warnings ?? []) {
        const lost = w.affectedRows != null ? ` (${formatCount(w.affectedRows)} row(s) affected)` : '';
        out.push(s(w.kind === 'data-loss' ? 'red' : 'yellow', `      ${w.kind}: ${w.message}${lost}`));
      }
      if (verbose && step.kind === 'migration') {
        for (const [i, st] of (preview?.statements ?? step.migration!.statements.map((sql) => ({ sql, transactional: true, warnings: [] }))).entries()) {
          const flag = st.transactional ? '' : s('yellow', '  -- runs outside a transaction');
          out.push(s('dim', `      -- statement ${i + 1}`) + flag, ...st.sql.trim().split('\n').map((l) => `      ${l}`));
        }
      }
      if (verbose && preview?.description) out.push(s('dim', `      ${preview.description}`));
    }
  }
  return out;
}
