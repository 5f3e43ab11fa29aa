// What earlier statements of the same migration created. A table created a few statements ago
// is empty and unseen by the application, so locking, rewriting or dropping it costs nothing.
// This holds only within statements that run back to back, with no data step in between.

import type { Node } from 'libpg-query';
import { tableKey, tableOf, tableOfNames, type TableRef } from './ast.js';

export class MigrationScope {
  private readonly newTables = new Set<string>();
  private readonly partitionedTables = new Set<string>();
  /** columns added to tables that already existed, per table key */
  private readonly newColumns = new Map<string, Set<string>>();

  isNewTable(table: TableRef): boolean {
    return this.newTables.has(tableKey(table));
  }

  isNewColumn(table: TableRef, column: string): boolean {
    return this.isNewTable(table) || (this.newColumns.get(tableKey(table))?.has(column) ?? false);
  }

  /** created as `PARTITION BY` earlier in the migration; existing ones are unknown here */
  isPartitioned(table: TableRef): boolean {
    return this.partitionedTables.has(tableKey(table));
  }

  /**
   * Call after the statement's warnings are computed: they describe the state before it.
   * CREATE TABLE IF NOT EXISTS may meet an existing, full table, so it does not make one new.
   */
  record(stmt: Node): void {
    if ('CreateStmt' in stmt) {
      const table = tableOf(stmt.CreateStmt.relation);
      if (!table || stmt.CreateStmt.if_not_exists) return;
      this.newTables.add(tableKey(table));
      if (stmt.CreateStmt.partspec) this.partitionedTables.add(tableKey(table));
    } else if ('CreateTableAsStmt' in stmt && stmt.CreateTableAsStmt.objtype === 'OBJECT_TABLE' && !stmt.CreateTableAsStmt.if_not_exists) {
      this.addNewTable(tableOf(stmt.CreateTableAsStmt.into?.rel));
    } else if ('SelectStmt' in stmt && stmt.SelectStmt.intoClause) {
      this.addNewTable(tableOf(stmt.SelectStmt.intoClause.rel));
    } else if ('AlterTableStmt' in stmt) {
      this.recordAddedColumns(tableOf(stmt.AlterTableStmt.relation), stmt.AlterTableStmt.cmds ?? []);
    } else if ('RenameStmt' in stmt && stmt.RenameStmt.renameType === 'OBJECT_TABLE') {
      this.recordRename(tableOf(stmt.RenameStmt.relation), stmt.RenameStmt.newname);
    } else if ('DropStmt' in stmt && stmt.DropStmt.removeType === 'OBJECT_TABLE') {
      for (const object of stmt.DropStmt.objects ?? []) {
        const table = 'List' in object ? tableOfNames(object.List.items ?? []) : undefined;
        if (table) this.forget(table);
      }
    } else if ('RenameStmt' in stmt && stmt.RenameStmt.renameType === 'OBJECT_COLUMN') {
      this.recordColumnRename(tableOf(stmt.RenameStmt.relation), stmt.RenameStmt.subname, stmt.RenameStmt.newname);
    }
  }

  private addNewTable(table: TableRef | undefined): void {
    if (table) this.newTables.add(tableKey(table));
  }

  private recordAddedColumns(table: TableRef | undefined, cmds: Node[]): void {
    if (!table || this.isNewTable(table)) return;
    for (const cmd of cmds) {
      if (!('AlterTableCmd' in cmd) || cmd.AlterTableCmd.subtype !== 'AT_AddColumn') continue;
      const def = cmd.AlterTableCmd.def;
      const column = def && 'ColumnDef' in def ? def.ColumnDef.colname : undefined;
      if (!column) continue;
      const key = tableKey(table);
      const columns = this.newColumns.get(key) ?? new Set<string>();
      columns.add(column);
      this.newColumns.set(key, columns);
    }
  }

  /** a renamed new table stays new; a renamed existing one is still an existing table */
  private recordRename(table: TableRef | undefined, newName: string | undefined): void {
    if (!table || !newName) return;
    const renamed = { schema: table.schema, name: newName };
    const from = tableKey(table);
    const to = tableKey(renamed);
    for (const set of [this.newTables, this.partitionedTables]) {
      if (set.delete(from)) set.add(to);
    }
    const columns = this.newColumns.get(from);
    if (columns) {
      this.newColumns.delete(from);
      this.newColumns.set(to, columns);
    }
  }

  private recordColumnRename(table: TableRef | undefined, from: string | undefined, to: string | undefined): void {
    const columns = table ? this.newColumns.get(tableKey(table)) : undefined;
    if (columns && from && to && columns.delete(from)) columns.add(to);
  }

  private forget(table: TableRef): void {
    const key = tableKey(table);
    this.newTables.delete(key);
    this.partitionedTables.delete(key);
    this.newColumns.delete(key);
  }
}
