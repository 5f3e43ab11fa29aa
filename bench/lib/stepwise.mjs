// Stepwise's CLI as a process, on a server URL or an embedded PGlite directory.
import path from 'node:path';
import { REPO } from './drizzle.mjs';
import { timeProcess } from './measure.mjs';
import { pgliteEnv } from './pglite.mjs';

export const CLI = path.join(REPO, 'dist', 'cli.js');

/** env for a Stepwise process on `target` ({url} or {dataDir}) */
export function stepwiseEnv(target) {
  if (target.dataDir) return pgliteEnv(target.dataDir);
  return { ...process.env, DATABASE_URL: target.url, NO_COLOR: '1' };
}

export function stepwise(args, target, options = {}) {
  return timeProcess(process.execPath, [CLI, ...args], { env: stepwiseEnv(target), cwd: REPO, ...options });
}
