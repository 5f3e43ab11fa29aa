// Statements PostgreSQL refuses inside a transaction block: the commands that call
// PreventInTransactionBlock in its sources, each checked against a live server where one can
// show it (test/lint/transactional.pg.test.ts). The runner executes these outside the
// migration's transaction.

import type { Node, ReindexStmt } from 'libpg-query';
import { booleanOption, findOption, optionIsTrue, tableOf } from './ast.js';
import type { MigrationScope } from './migration-scope.js';

/**
 * The command as PostgreSQL names it in "… cannot run inside a transaction block", or null when
 * the statement may run in one. Cases that depend on the catalog are decided as follows: REINDEX
 * TABLE and CLUSTER on a partitioned table only when this migration created it partitioned;
 * DROP SUBSCRIPTION always (a subscription has a replication slot unless one set slot_name = NONE).
 */
export function refusedInTransaction(stmt: Node, scope: MigrationScope): string | null {
  if ('IndexStmt' in stmt) return stmt.IndexStmt.concurrent ? 'CREATE INDEX CONCURRENTLY' : null;
  if ('DropStmt' in stmt) {
    return stmt.DropStmt.removeType === 'OBJECT_INDEX' && stmt.DropStmt.concurrent ? 'DROP INDEX CONCURRENTLY' : null;
  }
  if ('ReindexStmt' in stmt) return reindexRefusal(stmt.ReindexStmt, scope);
  if ('AlterTableStmt' in stmt) return detachConcurrently(stmt.AlterTableStmt.cmds);
  if ('VacuumStmt' in stmt) return stmt.VacuumStmt.is_vacuumcmd ? 'VACUUM' : null;
  if ('ClusterStmt' in stmt) {
    const table = tableOf(stmt.ClusterStmt.relation);
    return !table || scope.isPartitioned(table) ? 'CLUSTER' : null;
  }
  if ('CreatedbStmt' in stmt) return 'CREATE DATABASE';
  if ('DropdbStmt' in stmt) return 'DROP DATABASE';
  if ('AlterDatabaseStmt' in stmt) {
    return findOption(stmt.AlterDatabaseStmt.options, 'tablespace') ? 'ALTER DATABASE SET TABLESPACE' : null;
  }
  if ('CreateTableSpaceStmt' in stmt) return 'CREATE TABLESPACE';
  if ('DropTableSpaceStmt' in stmt) return 'DROP TABLESPACE';
  if ('AlterSystemStmt' in stmt) return 'ALTER SYSTEM';
  if ('DiscardStmt' in stmt) return stmt.DiscardStmt.target === 'DISCARD_ALL' ? 'DISCARD ALL' : null;
  if ('TransactionStmt' in stmt) {
    if (stmt.TransactionStmt.kind === 'TRANS_STMT_COMMIT_PREPARED') return 'COMMIT PREPARED';
    if (stmt.TransactionStmt.kind === 'TRANS_STMT_ROLLBACK_PREPARED') return 'ROLLBACK PREPARED';
    return null;
  }
  if ('CreateSubscriptionStmt' in stmt) {
    // create_slot defaults to connect, which defaults to true
    const options = stmt.CreateSubscriptionStmt.options;
    const connect = booleanOption(options, 'connect', true);
    return booleanOption(options, 'create_slot', connect) ? 'CREATE SUBSCRIPTION ... WITH (create_slot = true)' : null;
  }
  if ('AlterSubscriptionStmt' in stmt) {
    const { kind, options } = stmt.AlterSubscriptionStmt;
    if (kind === 'ALTER_SUBSCRIPTION_REFRESH') return 'ALTER SUBSCRIPTION ... REFRESH';
    const changesPublications =
      kind === 'ALTER_SUBSCRIPTION_SET_PUBLICATION' ||
      kind === 'ALTER_SUBSCRIPTION_ADD_PUBLICATION' ||
      kind === 'ALTER_SUBSCRIPTION_DROP_PUBLICATION';
    return changesPublications && booleanOption(options, 'refresh', true) ? 'ALTER SUBSCRIPTION with refresh' : null;
  }
  if ('DropSubscriptionStmt' in stmt) return 'DROP SUBSCRIPTION';
  return null;
}

function reindexRefusal(reindex: ReindexStmt, scope: MigrationScope): string | null {
  const concurrently = findOption(reindex.params, 'concurrently');
  if (concurrently && optionIsTrue(concurrently)) return 'REINDEX CONCURRENTLY';
  switch (reindex.kind) {
    case 'REINDEX_OBJECT_SCHEMA':
      return 'REINDEX SCHEMA';
    case 'REINDEX_OBJECT_SYSTEM':
      return 'REINDEX SYSTEM';
    case 'REINDEX_OBJECT_DATABASE':
      return 'REINDEX DATABASE';
    case 'REINDEX_OBJECT_TABLE': {
      const table = tableOf(reindex.relation);
      return table && scope.isPartitioned(table) ? 'REINDEX TABLE' : null;
    }
    default:
      return null;
  }
}

function detachConcurrently(cmds: Node[] | undefined): string | null {
  for (const cmd of cmds ?? []) {
    if (!('AlterTableCmd' in cmd) || cmd.AlterTableCmd.subtype !== 'AT_DetachPartition') continue;
    const def = cmd.AlterTableCmd.def;
    if (def && 'PartitionCmd' in def && def.PartitionCmd.concurrent) return 'ALTER TABLE ... DETACH CONCURRENTLY';
  }
  return null;
}
