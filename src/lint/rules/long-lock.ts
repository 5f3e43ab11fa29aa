// Statements that hold a lock blocking the application for as long as a full scan or an index
// build takes on an existing table. A table created earlier in the migration has no rows and no
// readers yet, so it is skipped.

import type { AlterTableCmd, ColumnDef, Constraint, Node } from 'libpg-query';
import { tableLabel, tableOf, type TableRef } from '../ast.js';
import type { LintWarning } from '../lint-types.js';
import { quoteIdent } from '../quote-ident.js';
import type { MigrationScope } from '../migration-scope.js';
import { located } from './located.js';

const EXCLUSIVE = 'under an ACCESS EXCLUSIVE lock, blocking reads and writes';

export function longLockWarnings(stmt: Node, scope: MigrationScope): LintWarning[] {
  if ('IndexStmt' in stmt) {
    const { relation, concurrent, idxname } = stmt.IndexStmt;
    const table = tableOf(relation);
    if (!table || concurrent || scope.isNewTable(table)) return [];
    const index = idxname ? `index ${quoteIdent(idxname)}` : 'an index';
    const message = `Creating ${index} on table ${tableLabel(table)} without CONCURRENTLY blocks writes to the table until it is built.`;
    return [lock(table, message)];
  }
  if ('AlterTableStmt' in stmt) {
    const table = tableOf(stmt.AlterTableStmt.relation);
    if (!table || scope.isNewTable(table)) return [];
    return (stmt.AlterTableStmt.cmds ?? []).flatMap((cmd) => ('AlterTableCmd' in cmd ? alterTableLocks(table, cmd.AlterTableCmd) : []));
  }
  return [];
}

function alterTableLocks(table: TableRef, cmd: AlterTableCmd): LintWarning[] {
  if (cmd.subtype === 'AT_SetNotNull' && cmd.name) {
    const message =
      `Setting column ${quoteIdent(cmd.name)} of table ${tableLabel(table)} NOT NULL scans every row ${EXCLUSIVE}, ` +
      `unless a validated CHECK (${quoteIdent(cmd.name)} IS NOT NULL) constraint already proves it.`;
    return [lock(table, message, cmd.name)];
  }
  if (cmd.subtype === 'AT_AddConstraint' && cmd.def && 'Constraint' in cmd.def) {
    const message = addConstraintMessage(table, cmd.def.Constraint);
    return message ? [lock(table, message)] : [];
  }
  if (cmd.subtype === 'AT_AddColumn' && cmd.def && 'ColumnDef' in cmd.def) {
    const column = cmd.def.ColumnDef;
    return (column.constraints ?? []).flatMap((node) => {
      const message = 'Constraint' in node ? columnConstraintMessage(table, column, node.Constraint) : undefined;
      return message ? [lock(table, message, column.colname)] : [];
    });
  }
  return [];
}

/** ALTER TABLE … ADD CONSTRAINT: validation scans and index builds */
function addConstraintMessage(table: TableRef, constraint: Constraint): string | undefined {
  const label = tableLabel(table);
  const name = constraint.conname ? ` ${quoteIdent(constraint.conname)}` : '';
  switch (constraint.contype) {
    case 'CONSTR_FOREIGN': {
      if (constraint.skip_validation) return undefined;
      const referenced = tableOf(constraint.pktable);
      const both = referenced ? `${label} and ${tableLabel(referenced)}` : label;
      return `Adding foreign key${name} to table ${label} without NOT VALID checks every row while blocking writes to ${both}.`;
    }
    case 'CONSTR_CHECK':
      if (constraint.skip_validation) return undefined;
      return `Adding check constraint${name} to table ${label} without NOT VALID scans every row ${EXCLUSIVE}.`;
    case 'CONSTR_NOTNULL':
      // ADD CONSTRAINT … NOT NULL column, PostgreSQL 18
      if (constraint.skip_validation) return undefined;
      return `Adding NOT NULL constraint${name} to table ${label} without NOT VALID scans every row ${EXCLUSIVE}.`;
    case 'CONSTR_PRIMARY':
    case 'CONSTR_UNIQUE':
      // USING INDEX adopts an index built beforehand, ideally CONCURRENTLY: nothing is built here
      if (constraint.indexname) return undefined;
      return (
        `Adding ${constraint.contype === 'CONSTR_PRIMARY' ? 'primary key' : 'unique constraint'}${name} to table ${label} ` +
        `builds its index ${EXCLUSIVE}; build a unique index CONCURRENTLY first and add the constraint USING INDEX.`
      );
    case 'CONSTR_EXCLUSION':
      return `Adding exclusion constraint${name} to table ${label} builds its index ${EXCLUSIVE}.`;
    default:
      return undefined;
  }
}

/** ALTER TABLE … ADD COLUMN with inline constraints: the whole table is checked or indexed */
function columnConstraintMessage(table: TableRef, column: ColumnDef, constraint: Constraint): string | undefined {
  if (!column.colname) return undefined;
  const adding = `Adding column ${quoteIdent(column.colname)} to table ${tableLabel(table)}`;
  switch (constraint.contype) {
    case 'CONSTR_FOREIGN': {
      const referenced = tableOf(constraint.pktable);
      const target = referenced ? ` to ${tableLabel(referenced)}` : '';
      return `${adding} with a foreign key${target} checks every row ${EXCLUSIVE}.`;
    }
    case 'CONSTR_CHECK':
      return `${adding} with a check constraint scans every row ${EXCLUSIVE}.`;
    case 'CONSTR_PRIMARY':
    case 'CONSTR_UNIQUE':
      return `${adding} as ${constraint.contype === 'CONSTR_PRIMARY' ? 'primary key' : 'unique'} builds an index ${EXCLUSIVE}.`;
    default:
      return undefined;
  }
}

function lock(table: TableRef, message: string, column?: string): LintWarning {
  return { kind: 'long-lock', message, ...located(table), ...(column ? { column } : {}) };
}
