// Backup and restore of the embedded database with PGlite's own format: dumpDataDir's gzipped
// tarball of the data directory, which `new PGlite({ loadDataDir })` reads back anywhere.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { UserError } from '../errors.js';
import { partialFile } from './files.js';

type PGliteModule = typeof import('@electric-sql/pglite');

/**
 * The caller guarantees nothing writes to `dataDir` meanwhile: it holds the directory's lock and
 * either has it closed or open and idle in this process. A copy of the files is then what a crash
 * at that moment would leave, which PostgreSQL recovers from (every commit is in the WAL file
 * before it returns); the copy is opened, so the dump comes from a started, consistent database.
 */
export async function dumpPglite(dataDir: string, file: string): Promise<{ tool: string }> {
  const { PGlite } = (await import('@electric-sql/pglite')) as PGliteModule;
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'stepwise-backup-'));
  const copy = path.join(scratch, 'pgdata');
  const partial = partialFile(file);
  let version = '';
  try {
    fs.cpSync(dataDir, copy, { recursive: true, filter: (src) => path.basename(src) !== 'postmaster.pid' });
    const pg = await PGlite.create(copy);
    try {
      version = await serverVersion(pg);
      const dump = await pg.dumpDataDir('gzip');
      fs.writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    } finally {
      await pg.close();
    }
    fs.renameSync(partial, file);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return { tool: `PGlite dumpDataDir (PostgreSQL ${version})` };
}

async function serverVersion(pg: { query<T>(sql: string): Promise<{ rows: T[] }> }): Promise<string> {
  return (await pg.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v;
}


/**
 * Replaces `dataDir` with the dump: loaded into a fresh directory beside it and opened there
 * first, then swapped in by renaming, so a dump that does not load leaves the database as it was.
 * The caller holds the directory's lock.
 */
export async function restorePglite(dataDir: string, file: string): Promise<{ tool: string; replaced: boolean }> {
  const bytes = fs.readFileSync(file);
  const { PGlite } = (await import('@electric-sql/pglite')) as PGliteModule;
  const staging = `${dataDir}.restoring-${process.pid}`;
  const previous = `${dataDir}.replaced-${process.pid}`;
  fs.rmSync(staging, { recursive: true, force: true });
  let version = '';
  try {
    const pg = await PGlite.create({ dataDir: staging, loadDataDir: new Blob([bytes]) });
    try {
      version = await serverVersion(pg);
    } finally {
      await pg.close();
    }
  } catch (error) {
    fs.rmSync(staging, { recursive: true, force: true });
    throw new UserError(`${file} could not be loaded by the embedded database: ${(error as Error).message}`, [
      'Nothing was changed. A dump is read by the PGlite (PostgreSQL) major version that wrote it.',
    ]);
  }
  const replaced = fs.existsSync(dataDir);
  if (replaced) fs.renameSync(dataDir, previous);
  fs.renameSync(staging, dataDir);
  fs.rmSync(previous, { recursive: true, force: true });
  return { tool: `PGlite loadDataDir (PostgreSQL ${version})`, replaced };
}
