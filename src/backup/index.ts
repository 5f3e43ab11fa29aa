// Backup before upgrading, and putting a backup back. A server is dumped with pg_dump (custom
// format); the embedded database with PGlite's own data-directory dump. Both write aside and
// rename, never overwrite a file, and never put a password on a command line or in a message.
import fs from 'node:fs';
import path from 'node:path';
import { acquireRunLock } from '../db/advisory-lock.js';
import { connect } from '../db/connect.js';
import type { Database } from '../db/database.js';
import { acquireDirLock } from '../db/dir-lock.js';
import type { DatabaseTarget } from '../db/url.js';
import { UserError } from '../errors.js';
import { checkBackupSource, checkBackupTarget } from './files.js';
import { dumpPglite, restorePglite } from './pglite.js';
import { dumpServer, restoreServer, type ArchiveInfo } from './server.js';

export interface BackupResult {
  file: string;
  bytes: number;
  durationMs: number;
  /** the program and version that wrote it */
  tool: string;
}

export interface RestoreResult {
  file: string;
  durationMs: number;
  tool: string;
  /** server archives: what pg_restore's header says */
  archive?: ArchiveInfo;
}

type BackupKind = 'pg_dump' | 'pglite' | 'unknown';

/** pg_dump's custom format starts with "PGDMP"; PGlite's dump is a (gzipped) tarball. */
export function backupKind(file: string): BackupKind {
  const head = Buffer.alloc(512);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'pg_dump';
  if ((head[0] === 0x1f && head[1] === 0x8b) || head.subarray(257, 262).toString('latin1') === 'ustar') return 'pglite';
  return 'unknown';
}

/**
 * Backs up the database `target` names into `file`. For a server, `db` is an open connection (for
 * the server's version); pg_dump opens its own. For the embedded database the caller makes sure
 * nothing writes meanwhile (it holds the directory lock, the database closed or idle).
 */
export async function createBackup(target: DatabaseTarget, file: string, db: Database | null): Promise<BackupResult> {
  const absolute = checkBackupTarget(file);
  const started = performance.now();
  let tool: string;
  if (target.kind === 'postgres') {
    if (!db) throw new Error('a server backup needs an open connection');
    ({ tool } = await dumpServer(db, target.url, absolute));
  } else {
    ({ tool } = await dumpPglite(target.dataDir, absolute));
  }
  return { file: absolute, bytes: fs.statSync(absolute).size, durationMs: performance.now() - started, tool };
}

const mismatch = (file: string, kind: BackupKind, target: DatabaseTarget) =>
  kind === 'pg_dump'
    ? new UserError(`${file} is a pg_dump archive of a PostgreSQL server; the target is the embedded database (${target.masked}).`, [
        'Set DATABASE_URL (or --database-url) to the server to restore it there.',
      ])
    : new UserError(`${file} is an embedded-database (PGlite) backup; the target is the server ${target.masked}.`, [
        'Unset DATABASE_URL to restore it into the embedded database.',
      ]);

/** Replaces the database's contents with the backup. Takes the same locks an upgrade takes. */
export async function restoreBackup(
  target: DatabaseTarget,
  file: string,
  options: { toolVersion: string; lockTimeoutMs: number },
): Promise<RestoreResult> {
  const absolute = checkBackupSource(file);
  const kind = backupKind(absolute);
  const expected = target.kind === 'postgres' ? 'pg_dump' : 'pglite';
  if (kind !== expected && kind !== 'unknown') throw mismatch(file, kind, target);
  const started = performance.now();

  if (target.kind === 'pglite') {
    fs.mkdirSync(path.dirname(target.dataDir), { recursive: true });
    const release = acquireDirLock(`${target.dataDir}.lock`);
    try {
      const { tool } = await restorePglite(target.dataDir, absolute);
      return { file: absolute, durationMs: performance.now() - started, tool };
    } finally {
      release();
    }
  }

  const db = await connect(target, options.toolVersion);
  try {
    // an upgrade running meanwhile would interleave with the restore: same lock, same refusal
    const unlock = await acquireRunLock(db);
    try {
      const { tool, ...archive } = await restoreServer(db, target.url, absolute, options.lockTimeoutMs);
      return { file: absolute, durationMs: performance.now() - started, tool, archive };
    } finally {
      await unlock();
    }
  } finally {
    await db.close();
  }
}
