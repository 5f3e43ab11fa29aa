// The release history as files: stepwise check passes, every migration is exactly what drizzle-kit
// generates from the snapshots around it (nothing edited afterwards), src/schema is the newest
// snapshot, and data steps depend on Stepwise for types only.
import fs from 'node:fs';
import path from 'node:path';
import { generateDrizzleJson, generateMigration } from 'drizzle-kit/api';
import { describe, expect, it } from 'vitest';
import * as schema from '../../src/schema/index.js';
import { runCli } from '../cli/run-cli.js';
import { ROOT } from './release-db.js';

interface JournalEntry {
  idx: number;
  tag: string;
}
const drizzleDir = path.join(ROOT, 'drizzle');
const journal: JournalEntry[] = JSON.parse(fs.readFileSync(path.join(drizzleDir, 'meta', '_journal.json'), 'utf8')).entries;
const snapshot = (idx: number) =>
  JSON.parse(fs.readFileSync(path.join(drizzleDir, 'meta', `${String(idx).padStart(4, '0')}_snapshot.json`), 'utf8'));
const statementsOf = (tag: string) =>
  fs.readFileSync(path.join(drizzleDir, `${tag}.sql`), 'utf8').split('--> statement-breakpoint').map((s) => s.trim()).filter(Boolean);

describe('the release catalog', () => {
  it('passes stepwise check', async () => {
    const result = await runCli(['check'], { cwd: ROOT });
    expect(result.code, result.stdout + result.stderr).toBe(0);
  });

  it('has the six migrations of SPEC §10, each one exactly as drizzle-kit generates it', async () => {
    expect(journal.map((e) => e.tag)).toEqual([
      '0000_base',
      '0001_discount_conditions',
      '0002_sales_channels',
      '0003_sales_channel_required',
      '0004_categories_inventory',
      '0005_drop_inventory_quantity',
    ]);
    let previous = generateDrizzleJson({});
    for (const entry of journal) {
      const current = snapshot(entry.idx);
      const generated = (await generateMigration(previous, current)).map((s) => s.trim());
      expect(statementsOf(entry.tag), entry.tag).toEqual(generated);
      previous = current;
    }
  });

  it('src/schema is the newest snapshot: drizzle-kit has nothing to generate', async () => {
    const last = snapshot(journal[journal.length - 1].idx);
    expect(await generateMigration(last, generateDrizzleJson(schema, last.id))).toEqual([]);
  });

  it('data steps import only types from Stepwise', () => {
    const guides = path.join(ROOT, 'upgrade-guides');
    const files = fs.readdirSync(guides, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBe(5);
    for (const file of files) {
      const imports = fs.readFileSync(path.join(guides, file), 'utf8').match(/^import .*$/gm) ?? [];
      expect(imports.filter((line) => !line.startsWith('import type ')), file).toEqual([]);
    }
  });
});
