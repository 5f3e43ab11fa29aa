// Backup and restore of a real PostgreSQL server with its own programs: pg_dump's custom format
// (compressed, restorable table by table) and pg_restore, run through psql in one transaction.
import fs from 'node:fs';
import type { Database } from '../db/database.js';
import { UserError } from '../errors.js';
import { emptyDatabaseSql } from './empty-database.js';
import { companionTool, requireTool } from './pg-tools.js';
import { libpqConnection, runTool, startTool, toolMessage } from './run-tool.js';
import { partialFile } from './files.js';

export async function serverMajor(db: Database): Promise<number> {
  const { rows } = await db.query<{ v: string }>("SELECT current_setting('server_version_num') AS v");
  return Math.floor(Number(rows[0].v) / 10_000);
}

/** pg_dump --format=custom of the whole database into `file` (written aside, then renamed). */
export async function dumpServer(db: Database, url: string, file: string): Promise<{ tool: string }> {
  const major = await serverMajor(db);
  const pgDump = await requireTool('pg_dump', major, `the server is PostgreSQL ${major} and pg_dump cannot dump a newer server than itself`);
  const conn = libpqConnection(url, 'stepwise backup');
  const partial = partialFile(file);
  const result = await runTool(pgDump.file, ['--format=custom', '--no-password', `--file=${partial}`, `--dbname=${conn.dbname}`], conn);
  if (result.code !== 0) {
    fs.rmSync(partial, { force: true });
    throw new UserError(`pg_dump failed: ${toolMessage(result, url)}`, ['Nothing was changed in the database, and no backup was written.']);
  }
  fs.renameSync(partial, file);
  return { tool: `pg_dump ${pgDump.version}` };
}

export interface ArchiveInfo {
  database: string | null;
  createdAt: string | null;
  serverVersion: string | null;
  entries: number;
}

/** The archive's header as `pg_restore --list` prints it; a UserError when it is not one. */
export async function readArchive(file: string): Promise<ArchiveInfo & { restoreTool: Awaited<ReturnType<typeof requireTool>> }> {
  const pgRestore = await requireTool('pg_restore', 0, 'restoring a server backup needs it');
  const result = await runTool(pgRestore.file, ['--list', file], { dbname: '', env: {} });
  if (result.code !== 0) {
    throw new UserError(`${file} is not a backup pg_restore can read: ${toolMessage(result, '')}`, [
      'A server backup is pg_dump\'s custom format, as `stepwise backup` and `stepwise upgrade --backup` write it.',
    ]);
  }
  const header = (name: string) => new RegExp(`^;\\s+${name}:?\\s+(.+)$`, 'm').exec(result.stdout)?.[1]?.trim() ?? null;
  return {
    database: header('dbname'),
    createdAt: header('Archive created at'),
    serverVersion: header('Dumped from database version'),
    entries: Number(header('TOC Entries') ?? 0),
    restoreTool: pgRestore,
  };
}

/**
 * Puts the archive back: psql runs, in one transaction, the emptying of every schema and then
 * pg_restore's script. COMMIT is sent only once pg_restore has written all of it, so a failure
 * anywhere (a bad archive, a missing role, a lock not granted) leaves the database as it was.
 */
export async function restoreServer(db: Database, url: string, file: string, lockTimeoutMs: number): Promise<ArchiveInfo & { tool: string }> {
  const archive = await readArchive(file);
  const psql = await companionTool('psql', archive.restoreTool, 'the restore runs pg_restore\'s script through it in one transaction');
  const conn = libpqConnection(url, 'stepwise restore');
  const prelude = await emptyDatabaseSql(db);

  const restore = startTool(archive.restoreTool.file, ['--clean', '--if-exists', '--no-owner', '--file=-', file], conn, { pipeStdout: true });
  const apply = startTool(psql.file, ['--no-psqlrc', '--quiet', '--no-password', '-v', 'ON_ERROR_STOP=1', `--dbname=${conn.dbname}`], conn);
  // the application must never queue behind the restore's exclusive locks for long
  apply.child.stdin!.write(`BEGIN;\nSET lock_timeout = ${Math.round(lockTimeoutMs)};\n${prelude}RESET lock_timeout;\n`);
  restore.child.stdout!.pipe(apply.child.stdin!, { end: false });
  // psql stopping at an error reads no further: pg_restore would block on a full pipe forever
  void apply.done.then(() => restore.child.exitCode === null && restore.child.kill());
  const restored = await restore.done;
  // psql ending without COMMIT ends its session, and the server rolls the transaction back
  if (restored.code === 0) apply.child.stdin!.end('COMMIT;\n');
  else apply.child.stdin!.end();
  const applied = await apply.done;
  if (restored.code !== 0 || applied.code !== 0) {
    const why = toolMessage(applied.code !== 0 ? applied : restored, url);
    const lock = applied.code !== 0 && /lock timeout/i.test(applied.stderr);
    throw new UserError(`The restore failed and was rolled back; the database is unchanged. ${why}`, [
      lock
        ? 'Another session holds locks on the tables: stop the application (or wait for it to go idle) and run the restore again.'
        : 'Fix the cause above and run the restore again.',
    ]);
  }
  const { restoreTool, ...info } = archive;
  return { ...info, tool: `pg_restore ${restoreTool.version}` };
}
