// The detected state in words, with what to do about it. Shared by the text report and the wizard.
import type { StateName } from '../core/state.js';

export const STATE_MEANING: Record<StateName, string> = {
  empty: 'empty: no table of the backend and no history. Stepwise will install every release (first install).',
  behind: 'behind: the database is at an older release; the plan applies the releases after it.',
  interrupted: 'interrupted: a release was started and not finished (stopped, failed or killed). The plan resumes at the first missing step.',
  'data-steps-missing':
    'data steps missing: migrations were applied by another tool (e.g. drizzle-kit migrate) but the data steps of those releases never ran. They are planned first.',
  current: 'current: every step of every release is recorded. Nothing to do.',
  ahead: 'ahead: the database records steps this code does not know; it is newer than the code. Stepwise refuses to touch it.',
  drift: 'drift: what the database recorded does not match the migration files. Stepwise refuses to touch it.',
};
