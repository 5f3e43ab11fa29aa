// The wizard's offer to seed demo data after a first install (when a seed file exists).
import fs from 'node:fs';
import path from 'node:path';
import type { CommandContext } from './common.js';

/** The project's demo seed file, offered after a first install; null when there is none. */
export function seedFileFor(ctx: CommandContext): string | null {
  const file = path.join(ctx.root, 'seed', 'seed.json');
  return fs.existsSync(file) ? file : null;
}
