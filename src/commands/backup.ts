// stepwise backup <file>, and `upgrade --backup <file>`: the backup is taken once the plan is
// known and before the first step, and only when there is a step to run.
import { createBackup, type BackupResult } from '../backup/index.js';
import { checkBackupTarget, shown } from '../backup/files.js';
import { connect, needsInitdb } from '../db/connect.js';
import { acquireDirLock } from '../db/dir-lock.js';
import type { DatabaseTarget } from '../db/url.js';
import { EXIT, UserError } from '../errors.js';
import { formatDuration } from '../report/format.js';
import type { RunMode } from '../run/events.js';
import type { OpenedSession, WizardSession } from '../ui/session.js';
import { commandContext, printJson, type CommonOptions } from './common.js';

export interface BackupOptions extends CommonOptions {
  file: string;
}

const size = (bytes: number) => (bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`);

export function describeBackup(result: BackupResult): string {
  return `Backup written: ${shown(result.file)} (${size(result.bytes)}, ${result.tool}, ${formatDuration(result.durationMs)}). Put it back with: stepwise restore ${shown(result.file)}`;
}

/**
 * A backup now, whatever holds the database in this process: a server gets its own short
 * connection (pg_dump opens another); the embedded database must be idle in this process or closed.
 */
export async function backupNow(target: DatabaseTarget, file: string, toolVersion: string): Promise<BackupResult> {
  if (target.kind === 'pglite') return createBackup(target, file, null);
  const db = await connect(target, toolVersion);
  try {
    return await createBackup(target, file, db);
  } finally {
    await db.close();
  }
}

export async function backupCommand(options: BackupOptions): Promise<number> {
  const ctx = commandContext(options);
  checkBackupTarget(options.file);
  let result: BackupResult;
  if (ctx.target.kind === 'pglite') {
    if (needsInitdb(ctx.target)) throw new UserError(`There is no embedded database at ${ctx.target.masked} to back up.`);
    // the directory lock alone: nobody writes while the files are copied, and no need to start it
    const release = acquireDirLock(`${ctx.target.dataDir}.lock`);
    try {
      result = await createBackup(ctx.target, options.file, null);
    } finally {
      release();
    }
  } else {
    result = await backupNow(ctx.target, options.file, ctx.toolVersion);
  }
  if (ctx.json) printJson({ database: { kind: ctx.target.kind, url: ctx.target.masked }, backup: { ...result, file: shown(result.file) } });
  else ctx.out(describeBackup(result));
  return EXIT.ok;
}

/**
 * `upgrade --backup <file>`: the same session, whose run() first backs up when the plan has
 * steps. A dry run or a rehearsal changes nothing, so the flag is noted and ignored rather than
 * refused: adding --dry-run to the real command line must preview exactly that command.
 */
export function backupBeforeRun<S extends WizardSession>(
  session: S,
  o: { file?: string; target: DatabaseTarget; mode: RunMode; toolVersion: string; say: ((line: string) => void) | null; note(line: string): void },
): S {
  if (!o.file) return session;
  if (o.mode !== 'apply') {
    o.note(`--backup ${o.file}: no backup taken, a ${o.mode === 'dry-run' ? 'dry run' : 'rehearsal'} changes nothing.`);
    return session;
  }
  const file = o.file;
  checkBackupTarget(file); // before connecting: a bad path is a usage error, found at once
  let opened: OpenedSession | null = null;
  return {
    ...session,
    async open() {
      opened = await session.open();
      return opened;
    },
    async run(decide, onEvent) {
      if (opened && !opened.plan.refusal && opened.plan.steps.length > 0) {
        const tell = (message: string) => {
          onEvent({ type: 'notice', message });
          o.say?.(message);
        };
        tell(`Backing up ${o.target.masked} to ${file} before the first step…`);
        tell(describeBackup(await backupNow(o.target, file, o.toolVersion)));
      }
      return session.run(decide, onEvent);
    },
  };
}
