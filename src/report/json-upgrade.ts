// The one JSON document `upgrade --json` prints: the plan, each step's outcome, where it stopped.
import { stepKey } from '../core/catalog.js';
import type { RunSummary } from '../run/events.js';
import type { OpenedSession } from '../ui/session.js';

export function upgradeDocument(opened: OpenedSession, summary: RunSummary | null) {
  const { plan, previews } = opened;
  const outcomes = new Map(summary?.outcomes.map((o) => [stepKey(o.step), o]));
  return {
    database: opened.database,
    mode: summary?.mode ?? null,
    codeVersion: plan.codeVersion,
    databaseVersionBefore: plan.databaseVersion,
    databaseVersion: summary?.databaseVersion ?? plan.databaseVersion,
    target: plan.target,
    state: plan.state,
    refusal: plan.refusal,
    notices: plan.notices,
    warnings: opened.warnings,
    steps: plan.steps.map((step) => {
      const preview = previews[stepKey(step)];
      const outcome = outcomes.get(stepKey(step));
      return {
        kind: step.kind,
        id: step.id,
        version: step.version,
        reason: step.reason,
        statements: preview?.statements.map((s) => ({ sql: s.sql.trim(), transactional: s.transactional, warnings: s.warnings })),
        warnings: preview?.warnings ?? [],
        estimatedRows: preview?.estimatedRows ?? null,
        status: outcome?.status ?? 'pending',
        rows: outcome?.rows ?? null,
        durationMs: outcome ? Math.round(outcome.durationMs) : null,
        summary: outcome?.summary ?? null,
        failure: outcome?.failure ?? null,
      };
    }),
    stoppedAt: summary?.stoppedAt
      ? { kind: summary.stoppedAt.step.kind, id: summary.stoppedAt.step.id, version: summary.stoppedAt.step.version, why: summary.stoppedAt.why }
      : null,
    durationMs: summary ? Math.round(summary.durationMs) : null,
  };
}
