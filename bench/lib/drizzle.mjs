// The references from drizzle: `drizzle-kit migrate` (its CLI, from node_modules) and
// drizzle-orm's migrate() (bench/workers/drizzle-orm-migrate.mjs), on a server URL or a PGlite directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { timeProcess } from './measure.mjs';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DRIZZLE_KIT = path.join(REPO, 'node_modules', 'drizzle-kit', 'bin.cjs');
const ORM_WORKER = path.join(REPO, 'bench', 'workers', 'drizzle-orm-migrate.mjs');

/** A drizzle.config.json in a temp directory: migrations from the catalog's drizzle/, into `target`. */
export function drizzleKitConfig(catalogDir, target) {
  const config = {
    dialect: 'postgresql',
    out: path.join(catalogDir, 'drizzle'),
    migrations: { table: '__drizzle_migrations', schema: 'drizzle' },
    ...(target.url ? { dbCredentials: { url: target.url } } : { driver: 'pglite', dbCredentials: { url: target.dataDir } }),
  };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bench-drizzle-kit-'));
  const file = path.join(dir, 'drizzle.config.json');
  fs.writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/**
 * `drizzle-kit migrate` as a process. Run through node and the package's bin directly rather than
 * `npx`, whose own start-up (~0.6 s here) would flatter every comparison against it.
 */
export async function drizzleKitMigrate(catalogDir, target) {
  const config = drizzleKitConfig(catalogDir, target);
  try {
    const result = await timeProcess(process.execPath, [DRIZZLE_KIT, 'migrate', '--config', config], { cwd: path.dirname(config) });
    if (!/migrations applied successfully/.test(result.stdout + result.stderr)) {
      throw new Error(`drizzle-kit migrate did not succeed:\n${result.stdout}\n${result.stderr}`);
    }
    return result.ms;
  } finally {
    fs.rmSync(path.dirname(config), { recursive: true, force: true });
  }
}

/** drizzle-orm's migrate() in a fresh node process (same start-up as the CLIs it is compared with). */
export async function drizzleOrmMigrate(catalogDir, target) {
  const args = [ORM_WORKER, target.url ? 'pg' : 'pglite', target.url ?? target.dataDir, path.join(catalogDir, 'drizzle')];
  return (await timeProcess(process.execPath, args, { cwd: REPO })).ms;
}
