// What src/lint returns: the shared preview types (src/core/warning.ts) plus the few facts the
// measuring step and the views need and the shared types do not carry.

import type { SqlWarning, StatementPreview } from '../core/warning.js';

/** what a data-loss warning would destroy, so measureWarnings knows what to count */
export type LossSubject = 'rows' | 'column-values' | 'schema-rows';

export interface LintWarning extends SqlWarning {
  /** schema written in the SQL; absent when the name was unqualified (search_path decides) */
  schema?: string;
  /** set on data-loss warnings */
  loses?: LossSubject;
  /** pg_class.reltuples estimate, set by measureWarnings on big tables */
  estimatedRows?: number;
}

export interface LintedStatement extends StatementPreview {
  warnings: LintWarning[];
  /** PostgreSQL's syntax error, with line and column; the chunk then has no warnings */
  parseError?: string;
}
