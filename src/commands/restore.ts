// stepwise restore <file> [--yes]: replaces the database's contents with a backup taken by
// `stepwise backup` or `upgrade --backup`. Destructive, so a terminal asks for the database's
// name to be typed; without a terminal only --yes restores.
import fs from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { restoreBackup, type RestoreResult } from '../backup/index.js';
import { checkBackupSource, shown } from '../backup/files.js';
import { loadCatalog } from '../catalog/load-catalog.js';
import { connect } from '../db/connect.js';
import type { DatabaseTarget } from '../db/url.js';
import { CancelledError, EXIT, RefusedError } from '../errors.js';
import { formatDuration } from '../report/format.js';
import { inspectDatabase } from '../run/inspect.js';
import { commandContext, printJson, type CommandContext, type CommonOptions } from './common.js';

export interface RestoreOptions extends CommonOptions {
  file: string;
  yes?: boolean;
  lockTimeout?: number;
}

/** what the operator types to confirm: the database's name, or `restore` for the embedded one */
function confirmationWord(target: DatabaseTarget): string {
  if (target.kind === 'pglite') return 'restore';
  return decodeURIComponent(new URL(target.url).pathname.replace(/^\//, '')) || 'restore';
}

async function confirm(ctx: CommandContext, file: string): Promise<void> {
  const word = confirmationWord(ctx.target);
  const written = fs.statSync(file).mtime.toISOString().replace('T', ' ').slice(0, 16);
  ctx.out(`This replaces everything in ${ctx.target.masked} with the backup ${shown(file)} (written ${written} UTC).`);
  ctx.out('Whatever changed since that backup, data and schema, is lost.');
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    const answer = await rl.question(`Type ${word} to restore, anything else to stop: `);
    if (answer.trim() !== word) throw new CancelledError('Not confirmed: nothing was changed.');
  } finally {
    rl.close();
  }
}

/** The version the database is at after the restore, when the catalog can tell. */
async function versionAfter(ctx: CommandContext): Promise<{ databaseVersion: string | null; state: string } | null> {
  try {
    const catalog = loadCatalog(ctx.root);
    const db = await connect(ctx.target, ctx.toolVersion);
    try {
      const { detected } = await inspectDatabase(db, catalog);
      return { databaseVersion: detected.databaseVersion, state: detected.state };
    } finally {
      await db.close();
    }
  } catch {
    return null; // the restore is done; a catalog problem is for `stepwise check` to report
  }
}

function describeRestore(ctx: CommandContext, result: RestoreResult): string[] {
  const file = shown(result.file);
  const lines = [`Restored ${ctx.target.masked} from ${file} in ${formatDuration(result.durationMs)} (${result.tool}).`];
  const a = result.archive;
  if (a) lines.push(`  The backup: database ${a.database ?? '?'}, taken ${a.createdAt ?? '?'}, PostgreSQL ${a.serverVersion ?? '?'}.`);
  lines.push(
    ctx.target.kind === 'postgres'
      ? '  Every schema was emptied and the backup restored in one transaction: nothing made after the backup remains.'
      : '  The data directory was replaced by the backup\'s.',
  );
  return lines;
}

export async function restoreCommand(options: RestoreOptions): Promise<number> {
  const ctx = commandContext(options);
  const file = checkBackupSource(options.file);
  if (!options.yes) {
    if (!(process.stdin.isTTY && process.stdout.isTTY)) {
      throw new RefusedError(`Restoring replaces everything in ${ctx.target.masked}, and without a terminal nobody can confirm it: nothing was changed.`, [
        `Pass --yes to restore ${options.file} without asking.`,
      ]);
    }
    await confirm(ctx, file);
  }
  ctx.err(`Restoring ${ctx.target.masked} from ${options.file}…`);
  const result = await restoreBackup(ctx.target, file, { toolVersion: ctx.toolVersion, lockTimeoutMs: options.lockTimeout ?? 5000 });
  const version = await versionAfter(ctx);
  if (ctx.json) {
    printJson({ database: { kind: ctx.target.kind, url: ctx.target.masked }, restored: { ...result, file: shown(result.file) }, after: version });
    return EXIT.ok;
  }
  for (const line of describeRestore(ctx, result)) ctx.out(line);
  if (version) ctx.out(`  Database version now: ${version.databaseVersion ?? '(none)'} (${version.state}); \`stepwise status\` shows what is pending.`);
  return EXIT.ok;
}
