import type { TableRef } from '../ast.js';
import type { LintWarning } from '../lint-types.js';

/** a warning's table fields: the unqualified name, and the schema only when the SQL wrote one */
export function located(table: TableRef): Pick<LintWarning, 'table' | 'schema'> {
  return table.schema === undefined ? { table: table.name } : { table: table.name, schema: table.schema };
}
