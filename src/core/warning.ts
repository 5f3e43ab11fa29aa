// Risks found in a migration's SQL by src/lint (PostgreSQL's own parser). Types only, so views
// can render them without loading the parser.

export type WarningKind = 'data-loss' | 'table-rewrite' | 'long-lock';

export interface SqlWarning {
  kind: WarningKind;
  /** one sentence for the operator */
  message: string;
  /** the table concerned, unqualified, when there is one */
  table?: string;
  column?: string;
  /** rows (DROP TABLE) or non-null values (DROP COLUMN) that would be lost; null when unknown */
  affectedRows?: number | null;
}

export interface StatementPreview {
  sql: string;
  /** false for statements PostgreSQL refuses inside a transaction (CREATE INDEX CONCURRENTLY, …) */
  transactional: boolean;
  /** whether a statement reports rows it changed (INSERT, UPDATE, …); absent when unknown */
  countsRows?: boolean;
  warnings: SqlWarning[];
}
