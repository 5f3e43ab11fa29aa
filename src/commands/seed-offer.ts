// The wizard's offer to seed demo data after a first install (when a seed file exists).
import fs from 'node:fs';
import path from 'node:path';
import type { DatabaseTarget } from '../db/url.js';
import type { WizardSession } from '../ui/session.js';
import type { CommandContext } from './common.js';

export function isEmbeddedFirstOpen(target: DatabaseTarget): boolean {
  return target.kind === 'pglite' && !fs.existsSync(path.join(target.dataDir, 'PG_VERSION'));
}

export function seedOffer(ctx: CommandContext): WizardSession['seed'] {
  const file = path.join(ctx.root, 'seed', 'seed.json');
  if (!fs.existsSync(file)) return null;
  return {
    file: path.relative(process.cwd(), file) || file,
    async run(onEvent) {
      const { seedDatabase } = await import('./seed.js');
      return seedDatabase(ctx, file, onEvent);
    },
  };
}
