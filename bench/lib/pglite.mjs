// Embedded PGlite data directories: one initdb per PGlite version (a template), copied per run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO } from './drizzle.mjs';

const pgliteVersion = JSON.parse(fs.readFileSync(path.join(REPO, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')).version;
const TEMPLATE = path.join(os.tmpdir(), `sw-bench-pglite-template-${pgliteVersion}`);

export { pgliteVersion };

/** The initialised template directory (initdb runs the first time only). */
export async function pgliteTemplate() {
  if (!fs.existsSync(path.join(TEMPLATE, 'PG_VERSION'))) {
    const { PGlite } = await import('@electric-sql/pglite');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bench-pglite-init-'));
    const db = await PGlite.create(tmp);
    await db.close();
    fs.rmSync(TEMPLATE, { recursive: true, force: true });
    fs.renameSync(tmp, TEMPLATE);
  }
  return TEMPLATE;
}

/** A copy of `from` (default: the fresh template) for one run; `remove()` deletes it. */
export async function clonePglite(from) {
  const source = from ?? (await pgliteTemplate());
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bench-pglite-'));
  const dataDir = path.join(parent, 'pgdata');
  fs.cpSync(source, dataDir, { recursive: true });
  return { dataDir, remove: () => fs.rmSync(parent, { recursive: true, force: true }) };
}

export async function withPglite(from, fn) {
  const dir = await clonePglite(from);
  try {
    return await fn(dir);
  } finally {
    dir.remove();
  }
}

/** Environment for a Stepwise process on the embedded database: no DATABASE_URL. */
export function pgliteEnv(dataDir) {
  const env = { ...process.env, STEPWISE_DATA_DIR: dataDir };
  delete env.DATABASE_URL;
  return env;
}
