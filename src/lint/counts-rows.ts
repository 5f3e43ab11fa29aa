// Whether a statement's command tag reports rows it changed ("INSERT 0 12", "UPDATE 3", …), which
// is what a migration records as its rows affected. DDL reports none, nor does SELECT as the
// runner counts (a CREATE TABLE AS or a SELECT's tag is SELECT).
import type { Node } from 'libpg-query';

const COUNTING = ['InsertStmt', 'UpdateStmt', 'DeleteStmt', 'MergeStmt', 'CopyStmt', 'ExecuteStmt', 'FetchStmt'] as const;

export function countsRows(stmt: Node): boolean {
  return COUNTING.some((kind) => kind in stmt);
}
