// PGlite data directories for tests: copies of one template made by global-setup (initdb once).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const pgliteVersion = (JSON.parse(fs.readFileSync(path.resolve('node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string }).version;
export const PGLITE_TEMPLATE = path.join(os.tmpdir(), `stepwise-pglite-template-${pgliteVersion}`);

/** A fresh, initialised PGlite data directory; remove it with the returned function. */
export function clonePgliteDir(): { dataDir: string; remove(): void } {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'stepwise-pglite-'));
  const dataDir = path.join(parent, 'pgdata');
  fs.cpSync(PGLITE_TEMPLATE, dataDir, { recursive: true });
  return { dataDir, remove: () => fs.rmSync(parent, { recursive: true, force: true }) };
}
