// Statements that rewrite every row of an existing table while holding ACCESS EXCLUSIVE, so the
// application can neither read nor write it for as long as the copy takes.

import type { AlterTableCmd, ColumnDef, Node } from 'libpg-query';
import { booleanOption, stringsOf, tableLabel, tableOf, typeText, type TableRef } from '../ast.js';
import type { LintWarning } from '../lint-types.js';
import { quoteIdent } from '../quote-ident.js';
import type { MigrationScope } from '../migration-scope.js';
import { volatilityOf } from '../volatility.js';
import { located } from './located.js';

const SERIAL_TYPES = new Set(['serial', 'serial4', 'bigserial', 'serial8', 'smallserial', 'serial2']);
const LOCK = 'under an ACCESS EXCLUSIVE lock';

export function tableRewriteWarnings(stmt: Node, scope: MigrationScope): LintWarning[] {
  if ('AlterTableStmt' in stmt) {
    const table = tableOf(stmt.AlterTableStmt.relation);
    if (!table || scope.isNewTable(table)) return [];
    return (stmt.AlterTableStmt.cmds ?? []).flatMap((cmd) =>
      'AlterTableCmd' in cmd ? alterTableRewrites(table, cmd.AlterTableCmd) : [],
    );
  }
  if ('VacuumStmt' in stmt && stmt.VacuumStmt.is_vacuumcmd && booleanOption(stmt.VacuumStmt.options, 'full', false)) {
    return rewritesOfNamedTables(stmt.VacuumStmt.rels, scope, 'VACUUM FULL');
  }
  if ('ClusterStmt' in stmt) {
    const table = tableOf(stmt.ClusterStmt.relation);
    if (!table) return [rewrite(undefined, `CLUSTER rewrites every previously clustered table, each ${LOCK}.`)];
    if (scope.isNewTable(table)) return [];
    return [rewrite(table, `CLUSTER rewrites table ${tableLabel(table)} in index order ${LOCK}.`)];
  }
  return [];
}

function alterTableRewrites(table: TableRef, cmd: AlterTableCmd): LintWarning[] {
  const label = tableLabel(table);
  switch (cmd.subtype) {
    case 'AT_AlterColumnType': {
      if (!cmd.name) return [];
      const def = cmd.def && 'ColumnDef' in cmd.def ? cmd.def.ColumnDef : undefined;
      const message =
        `Changing column ${quoteIdent(cmd.name)} of table ${label} to ${typeText(def?.typeName)} rewrites the table and ` +
        `its indexes ${LOCK}, unless the old type converts without a rewrite (such as varchar to text).`;
      return [rewrite(table, message, cmd.name)];
    }
    case 'AT_AddColumn': {
      const def = cmd.def && 'ColumnDef' in cmd.def ? cmd.def.ColumnDef : undefined;
      return def ? addColumnRewrites(table, def) : [];
    }
    case 'AT_SetLogged':
    case 'AT_SetUnLogged':
      return [rewrite(table, `Changing whether table ${label} is logged rewrites it ${LOCK}.`)];
    case 'AT_SetTableSpace':
      if (!cmd.name) return [];
      return [rewrite(table, `Moving table ${label} to tablespace ${quoteIdent(cmd.name)} copies it ${LOCK}.`)];
    case 'AT_SetAccessMethod':
      return [rewrite(table, `Changing the access method of table ${label} rewrites it ${LOCK}.`)];
    default:
      return [];
  }
}

function addColumnRewrites(table: TableRef, def: ColumnDef): LintWarning[] {
  const column = def.colname;
  if (!column) return [];
  const adding = `Adding column ${quoteIdent(column)} to table ${tableLabel(table)}`;
  const typeName = stringsOf(def.typeName?.names).at(-1) ?? '';
  if (SERIAL_TYPES.has(typeName)) {
    return [rewrite(table, `${adding} as ${typeName} numbers every row from a sequence, rewriting the table ${LOCK}.`, column)];
  }
  const constraints = (def.constraints ?? []).flatMap((node) => ('Constraint' in node ? [node.Constraint] : []));
  if (constraints.some((constraint) => constraint.contype === 'CONSTR_IDENTITY')) {
    return [rewrite(table, `${adding} as an identity column numbers every row, rewriting the table ${LOCK}.`, column)];
  }
  const generated = constraints.find((constraint) => constraint.contype === 'CONSTR_GENERATED');
  // PostgreSQL 18 computes VIRTUAL generated columns on read; STORED ones are written for every row
  if (generated && generated.generated_kind !== 'v') {
    return [rewrite(table, `${adding} as a stored generated column computes it for every row, rewriting the table ${LOCK}.`, column)];
  }
  const defaultExpr = constraints.find((constraint) => constraint.contype === 'CONSTR_DEFAULT')?.raw_expr ?? def.raw_default;
  const volatility = volatilityOf(defaultExpr);
  if (volatility.kind === 'volatile') {
    return [rewrite(table, `${adding} with the volatile default ${volatility.fn}() rewrites the table ${LOCK}.`, column)];
  }
  if (volatility.kind === 'unknown') {
    const message = `${adding} with a default calling ${volatility.fn}() rewrites the table ${LOCK} if that function is volatile.`;
    return [rewrite(table, message, column)];
  }
  return [];
}

function rewritesOfNamedTables(rels: Node[] | undefined, scope: MigrationScope, command: string): LintWarning[] {
  const tables = (rels ?? []).flatMap((rel) => {
    const table = 'VacuumRelation' in rel ? tableOf(rel.VacuumRelation.relation) : undefined;
    return table ? [table] : [];
  });
  if (tables.length === 0) return [rewrite(undefined, `${command} rewrites every table of the database, each ${LOCK}.`)];
  return tables
    .filter((table) => !scope.isNewTable(table))
    .map((table) => rewrite(table, `${command} rewrites table ${tableLabel(table)} ${LOCK}.`));
}

function rewrite(table: TableRef | undefined, message: string, column?: string): LintWarning {
  return { kind: 'table-rewrite', message, ...(table ? located(table) : {}), ...(column ? { column } : {}) };
}
