// Statements that destroy data the application wrote: dropped tables, columns and schemas,
// emptied tables. Objects created earlier in the same migration hold nothing yet.

import type { AlterTableStmt, DropStmt, Node } from 'libpg-query';
import { stringsOf, tableLabel, tableOf, tableOfNames, type TableRef } from '../ast.js';
import type { LintWarning } from '../lint-types.js';
import { quoteIdent } from '../quote-ident.js';
import type { MigrationScope } from '../migration-scope.js';
import { located } from './located.js';

export function dataLossWarnings(stmt: Node, scope: MigrationScope): LintWarning[] {
  if ('DropStmt' in stmt) return dropWarnings(stmt.DropStmt, scope);
  if ('AlterTableStmt' in stmt) return dropColumnWarnings(stmt.AlterTableStmt, scope);
  if ('TruncateStmt' in stmt) {
    const cascade = stmt.TruncateStmt.behavior === 'DROP_CASCADE';
    return (stmt.TruncateStmt.relations ?? []).flatMap((relation) => {
      const table = 'RangeVar' in relation ? tableOf(relation.RangeVar) : undefined;
      if (!table || scope.isNewTable(table)) return [];
      const also = cascade ? ' and of every table with a foreign key to it' : '';
      return [rowsLost(table, `Deletes every row of table ${tableLabel(table)}${also}.`)];
    });
  }
  if ('DeleteStmt' in stmt) {
    const { relation, whereClause, usingClause } = stmt.DeleteStmt;
    const table = tableOf(relation);
    if (!table || whereClause || (usingClause?.length ?? 0) > 0 || scope.isNewTable(table)) return [];
    return [rowsLost(table, `Deletes every row of table ${tableLabel(table)}.`)];
  }
  return [];
}

function dropWarnings(drop: DropStmt, scope: MigrationScope): LintWarning[] {
  const cascade = drop.behavior === 'DROP_CASCADE';
  if (drop.removeType === 'OBJECT_TABLE') {
    return (drop.objects ?? []).flatMap((object) => {
      const table = 'List' in object ? tableOfNames(object.List.items ?? []) : undefined;
      if (!table || scope.isNewTable(table)) return [];
      const also = cascade ? ', and the views and foreign keys that depend on it' : '';
      return [rowsLost(table, `Drops table ${tableLabel(table)} with all its rows${also}.`)];
    });
  }
  // without CASCADE, DROP SCHEMA fails on a schema that still holds anything
  if (drop.removeType === 'OBJECT_SCHEMA' && cascade) {
    return stringsOf(drop.objects).map((schema) => ({
      kind: 'data-loss' as const,
      message: `Drops schema ${quoteIdent(schema)} with every table and row in it.`,
      schema,
      loses: 'schema-rows' as const,
    }));
  }
  return [];
}

function dropColumnWarnings(alter: AlterTableStmt, scope: MigrationScope): LintWarning[] {
  const table = tableOf(alter.relation);
  if (!table) return [];
  return (alter.cmds ?? []).flatMap((cmd) => {
    if (!('AlterTableCmd' in cmd) || cmd.AlterTableCmd.subtype !== 'AT_DropColumn') return [];
    const column = cmd.AlterTableCmd.name;
    if (!column || scope.isNewColumn(table, column)) return [];
    return [
      {
        kind: 'data-loss' as const,
        message: `Drops column ${quoteIdent(column)} of table ${tableLabel(table)} with every value in it.`,
        ...located(table),
        column,
        loses: 'column-values' as const,
      },
    ];
  });
}

function rowsLost(table: TableRef, message: string): LintWarning {
  return { kind: 'data-loss', message, ...located(table), loses: 'rows' };
}
