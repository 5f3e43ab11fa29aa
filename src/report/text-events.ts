// Run events as plain-text lines, for runs without a terminal (CI, pipes).
import type { RunEvent, RunListener, StepFailure, RunSummary } from '../run/events.js';
import { formatCount, formatDuration, markPosition } from './format.js';
import type { Styler } from './style.js';

export function createTextListener(write: (line: string) => void, s: Styler): RunListener {
  let lastProgressAt = 0;
  return (event: RunEvent) => {
    switch (event.type) {
      case 'step-start':
        write(`[${event.index}/${event.total}] ${event.step.version} ${event.step.kind} ${event.step.id} …`);
        break;
      case 'progress': {
        const now = Date.now();
        if (event.total === 0 || (now - lastProgressAt < 1000 && event.done !== event.total)) break;
        lastProgressAt = now;
        write(s('dim', `      ${formatCount(event.done)}${event.total != null ? ` / ${formatCount(event.total)}` : ''} rows`));
        break;
      }
      case 'log':
        write(event.level === 'warn' ? s('yellow', `      warning: ${event.message}`) : s('dim', `      ${event.message}`));
        break;
      case 'retry':
        write(s('yellow', `      retry ${event.attempt}/${event.of} in ${formatDuration(event.waitMs)}: ${event.reason}`));
        break;
      case 'step-end': {
        const o = event.outcome;
        if (o.status === 'failed') write(s('red', `      failed after ${formatDuration(o.durationMs)}, rolled back`));
        else if (o.status === 'previewed') break;
        else {
          const rows = o.rows != null && o.step.kind === 'script' ? `, ${formatCount(o.rows)} row(s)` : '';
          write(s('green', `      ${o.status} in ${formatDuration(o.durationMs)}${rows}`) + (o.summary ? ` — ${o.summary}` : ''));
        }
        break;
      }
      case 'release-complete':
        write(s('bold', `      release ${event.version} complete`));
        break;
      default:
        break;
    }
  };
}

export function renderFailure(failure: StepFailure, s: Styler): string[] {
  const out = [s('red', `ERROR${failure.code ? ` ${failure.code}` : ''}: ${failure.message}`)];
  if (failure.detail) out.push(`DETAIL: ${failure.detail}`);
  if (failure.hint) out.push(`HINT: ${failure.hint}`);
  if (failure.statement) {
    out.push(`In statement ${failure.statementIndex ?? ''}:`.replace(' :', ':'));
    out.push(...markPosition(failure.statement, failure.position).map((l) => `  ${l}`));
  }
  return out;
}

export function renderSummary(summary: RunSummary, s: Styler, command: string): string[] {
  const out: string[] = [''];
  const done = summary.outcomes.filter((o) => o.status === 'applied' || o.status === 'rehearsed' || o.status === 'previewed');
  const verb = summary.mode === 'rehearse' ? 'rehearsed' : summary.mode === 'dry-run' ? 'previewed' : 'applied';
  out.push(s('bold', `${done.length} step(s) ${verb} in ${formatDuration(summary.durationMs)}. Database version: ${summary.databaseVersion ?? '(none)'}.`));
  if (summary.mode === 'rehearse') out.push('Everything was rolled back: the database is as it was.');
  const stop = summary.stoppedAt;
  if (stop) {
    const failed = summary.outcomes.find((o) => o.status === 'failed');
    if (stop.why === 'failed' && failed?.failure) {
      out.push('', s('red', `Stopped: ${stop.step.kind} ${stop.step.id} (release ${stop.step.version}) failed and was rolled back.`));
      out.push(...renderFailure(failed.failure, s));
      out.push('', `Fix the cause, then run \`${command}\` again: it resumes at this step.`);
    } else if (stop.why === 'operator-stopped') {
      out.push(`Stopped before ${stop.step.kind} ${stop.step.id}. Run \`${command}\` to continue from there.`);
    } else {
      out.push(`Interrupted before ${stop.step.kind} ${stop.step.id} finished; nothing half-done was recorded. Run \`${command}\` to continue.`);
    }
  }
  return out;
}
