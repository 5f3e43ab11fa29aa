// PostgreSQL's error (from pg or PGlite, which share the wire protocol's fields) as a StepFailure.
import type { StepFailure } from './events.js';

export class StepError extends Error {
  constructor(readonly failure: StepFailure) {
    super(failure.message);
  }
}

export function toStepFailure(error: unknown, where: { statement?: string; statementIndex?: number } = {}): StepFailure {
  if (error instanceof StepError) return error.failure;
  const e = error as { message?: string; code?: string; detail?: string; hint?: string; position?: string | number };
  const position = e.position === undefined ? undefined : Number(e.position);
  return {
    message: e.message ?? String(error),
    code: typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code) ? e.code : undefined,
    detail: e.detail || undefined,
    hint: e.hint || undefined,
    statement: where.statement?.trim(),
    position: position && Number.isFinite(position) ? position - leadingWhitespace(where.statement) : undefined,
    statementIndex: where.statementIndex,
  };
}

// positions count from the statement as sent; we show it trimmed
function leadingWhitespace(sql: string | undefined): number {
  return sql ? sql.length - sql.trimStart().length : 0;
}

/** SQLSTATE 55P03: the lock_timeout expired waiting for a lock. */
export function isLockTimeout(error: unknown): boolean {
  return (error as { code?: string }).code === '55P03';
}
