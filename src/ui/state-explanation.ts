// The detected state in words: what it means and what the operator should do (SPEC §5).
// The planner named the state and the steps; this only puts them into sentences.
import type { Plan } from '../core/plan.js';
import type { StateName } from '../core/state.js';
import type { RunMode } from '../run/events.js';
import { plural } from './format.js';

export const STATE_LABEL: Record<StateName, string> = {
  empty: 'empty — first install',
  behind: 'behind',
  interrupted: 'interrupted',
  'data-steps-missing': 'data steps missing',
  current: 'current',
  ahead: 'ahead of the code',
  drift: 'drift',
};

/** "3 releases, 7 steps to run" */
export function planExtent(plan: Plan): string {
  return `${plural(plan.releases.length, 'release')}, ${plural(plan.steps.length, 'step')} to run`;
}

export function explainState(plan: Plan): string[] {
  const at = plan.databaseVersion ?? 'no release';
  const first = plan.steps[0];
  switch (plan.state) {
    case 'empty':
      return [
        `The database has no tables of the backend: this is a first install. Every release up to ${plan.target} is installed in order, one step at a time.`,
      ];
    case 'behind': {
      const lines = [
        `The database is at ${at}; the code is at ${plan.codeVersion}. ${capitalise(planExtent(plan))} to bring it to ${plan.target}.`,
      ];
      const gaps = plan.steps.filter((s) => s.reason === 'gap');
      if (gaps.length > 0) {
        lines.push(
          `There is a gap: ${gaps.map((s) => s.id).join(', ')} never ran although newer migrations did (drizzle-kit migrate skips such a migration for good). It is planned now, marked "missed by an earlier run".`,
        );
      }
      return lines;
    }
    case 'interrupted':
      return [
        `A previous run stopped part-way${first ? ` through release ${first.version}` : ''}. The plan resumes at the first step that did not complete; steps already applied are not run again.`,
      ];
    case 'data-steps-missing':
      return [
        'The schema was migrated by another tool (such as drizzle-kit migrate), but data steps of those releases never ran. They are planned first, marked "never ran": run them before the application relies on the new schema.',
      ];
    case 'current':
      return [`Nothing to do: the database is at ${at}, the code's version.`];
    case 'ahead':
    case 'drift':
      return plan.refusal ? [plan.refusal.message] : [];
  }
}

/** the command that continues a run that stopped, or repeats a preview */
export function continueCommand(plan: Plan, mode: RunMode = 'apply'): string {
  const flags: string[] = [];
  if (plan.target !== plan.codeVersion) flags.push(`--to ${plan.target}`);
  if (mode === 'dry-run') flags.push('--dry-run');
  if (mode === 'rehearse') flags.push('--rehearse');
  return flags.length === 0 ? 'stepwise' : `stepwise upgrade ${flags.join(' ')}`;
}

/** the command that applies for real what a dry run or rehearsal showed */
export function applyCommand(plan: Plan): string {
  return plan.target !== plan.codeVersion ? `stepwise upgrade --to ${plan.target}` : 'stepwise upgrade';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
