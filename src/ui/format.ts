// Small text formatters shared by the wizard's views: numbers, durations, step names.
import type { PlannedStep } from '../core/plan.js';
import type { RunMode } from '../run/events.js';
import type { WarningKind } from '../core/warning.js';

const numberFormat = new Intl.NumberFormat('en-US');

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}

/** 850ms, 4.2s, 2m 05s */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const totalSeconds = Math.round(ms / 1000);
  const minutes = Math.floor(totalSeconds / 60);
  const seconds = totalSeconds % 60;
  return `${minutes}m ${String(seconds).padStart(2, '0')}s`;
}

/** a running clock: 0:04, 12:30 */
export function formatClock(ms: number): string {
  const totalSeconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(totalSeconds / 60)}:${String(totalSeconds % 60).padStart(2, '0')}`;
}

export function stepKindLabel(kind: PlannedStep['kind']): string {
  return kind === 'migration' ? 'migration' : 'data step';
}

export function stepLabel(step: Pick<PlannedStep, 'kind' | 'id'>): string {
  return `${stepKindLabel(step.kind)} ${step.id}`;
}

/** why a step is in the plan, when it is not simply new */
export function reasonTag(step: PlannedStep): string | null {
  switch (step.reason) {
    case 'gap':
      return 'missed by an earlier run';
    case 'data-step-missing':
      return 'never ran';
    case 'resume':
      return 'resumes here';
    default:
      return null;
  }
}

export function warningKindLabel(kind: WarningKind): string {
  return { 'data-loss': 'data loss', 'table-rewrite': 'table rewrite', 'long-lock': 'long lock' }[kind];
}

/** the verb a confirmation uses in each mode */
export function modeVerb(mode: RunMode): string {
  return { apply: 'apply', 'dry-run': 'preview', rehearse: 'rehearse' }[mode];
}

/** the banner shown on every screen of a run that writes nothing for good */
export function modeBanner(mode: RunMode): string | null {
  if (mode === 'dry-run') return 'DRY RUN — nothing will be written';
  if (mode === 'rehearse') return 'REHEARSAL — everything is rolled back at the end';
  return null;
}

/** one line of a statement, shortened to fit `width` columns */
export function firstLine(sql: string, width: number): string {
  const line = sql.trim().split('\n')[0] ?? '';
  const more = sql.trim().includes('\n');
  return truncate(more ? `${line} …` : line, width);
}

export function truncate(text: string, width: number): string {
  if (width <= 1) return text.slice(0, Math.max(0, width));
  return text.length > width ? `${text.slice(0, width - 1)}…` : text;
}
