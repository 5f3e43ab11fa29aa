// Writes a small synthetic catalog (package.json, drizzle/, upgrade-guides/) into a temp
// directory, so the engine can be tested on shapes the real history does not have.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export type FakeStep =
  | { migration: string; sql: string | string[]; when?: number }
  | { script: string; source: string };

export interface FakeRelease {
  version: string;
  title?: string;
  notes?: string;
  steps: FakeStep[];
}

export const BASE_WHEN = 1_700_000_000_000;
const DATA_STEP_TYPE = path.resolve('src/core/data-step.js');

export function writeCatalog(releases: FakeRelease[], options: { version?: string; dir?: string } = {}): string {
  const dir = options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'stepwise-catalog-'));
  fs.mkdirSync(path.join(dir, 'drizzle', 'meta'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'upgrade-guides'), { recursive: true });
  const version = options.version ?? releases[releases.length - 1].version;
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'fake-backend', version }, null, 2));

  const entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[] = [];
  for (const release of releases) {
    const steps: string[] = [];
    for (const step of release.steps) {
      if ('migration' in step) {
        const idx = entries.length;
        const sql = Array.isArray(step.sql) ? step.sql.join('\n--> statement-breakpoint\n') : step.sql;
        fs.writeFileSync(path.join(dir, 'drizzle', `${step.migration}.sql`), sql);
        entries.push({ idx, version: '7', when: step.when ?? BASE_WHEN + idx * 1000, tag: step.migration, breakpoints: true });
        steps.push(`  - migration: ${step.migration}`);
      } else {
        const file = path.join(dir, 'upgrade-guides', step.script);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, step.source.replaceAll('@data-step', DATA_STEP_TYPE));
        steps.push(`  - script: ${step.script}`);
      }
    }
    const front = [`---`, `version: ${release.version}`, `title: ${release.title ?? `Release ${release.version}`}`, 'steps:', ...steps, '---'];
    fs.writeFileSync(path.join(dir, 'upgrade-guides', `${release.version}.md`), `${front.join('\n')}\n\n${release.notes ?? `Notes for ${release.version}.`}\n`);
  }
  fs.writeFileSync(path.join(dir, 'drizzle', 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'postgresql', entries }, null, 2));
  return dir;
}

/** A data step source: `sql` runs in one statement; `estimateSql` returns a count `n`. */
export function sqlDataStep(title: string, sql: string, estimateSql = 'SELECT 0 AS n'): string {
  return `import type { DataStep } from '@data-step';
const step: DataStep = {
  title: ${JSON.stringify(title)},
  async estimate(ctx) {
    const { rows } = await ctx.db.query<{ n: number }>(${JSON.stringify(estimateSql)});
    return Number(rows[0].n);
  },
  async run(ctx) {
    const { rowCount } = await ctx.db.query(${JSON.stringify(sql)});
    return { rowsAffected: rowCount, summary: rowCount === 0 ? 'nothing to change' : \`changed \${rowCount} row(s)\` };
  },
};
export default step;
`;
}
