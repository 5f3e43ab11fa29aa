// Where backups are written: beside the target under a temporary name, renamed when complete, so
// a backup interrupted halfway never looks like a finished one.
import fs from 'node:fs';
import path from 'node:path';
import { UserError } from '../errors.js';

export function partialFile(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.partial-${process.pid}`);
}

/** A backup never overwrites a file: the one already there may be the only good copy. */
export function checkBackupTarget(file: string): string {
  const absolute = path.resolve(file);
  if (fs.existsSync(absolute)) {
    throw new UserError(`${file} already exists: a backup never overwrites a file (it may be the only good copy).`, [
      'Keep it, and pass another file name (or remove it yourself if it is not needed).',
    ]);
  }
  const dir = path.dirname(absolute);
  try {
    fs.accessSync(dir, fs.constants.W_OK);
  } catch {
    throw new UserError(`Cannot write the backup into ${dir}: the directory does not exist or is not writable.`);
  }
  return absolute;
}

export function checkBackupSource(file: string): string {
  const absolute = path.resolve(file);
  if (!fs.existsSync(absolute) || !fs.statSync(absolute).isFile()) throw new UserError(`${file}: no such backup file.`);
  return absolute;
}

/** a path as the operator would type it: relative below the working directory, absolute elsewhere */
export function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}
