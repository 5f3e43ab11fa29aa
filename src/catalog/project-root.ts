// Where the catalog lives: the backend's root (drizzle/, upgrade-guides/, package.json).
// By default that is this package itself; STEPWISE_ROOT or --root points elsewhere.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The nearest folder above this module with a package.json: src/catalog/, dist/catalog/ and the
 * CLI bundle's dist/ and dist/chunks/ all sit at different depths below it. */
function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
}

export const PACKAGE_ROOT = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));

export function catalogRoot(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(explicit ?? env.STEPWISE_ROOT ?? PACKAGE_ROOT);
}

let toolVersion: string | undefined;
/** Stepwise's own version, recorded in stepwise.history. */
export function getToolVersion(): string {
  toolVersion ??= (JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  return toolVersion;
}
