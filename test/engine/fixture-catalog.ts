// A small three-release catalog with the shapes the engine must handle: a data step between
// two migrations of one release (expand, backfill, contract) and a destructive last release.
import fs from 'node:fs';
import path from 'node:path';
import { sqlDataStep, writeCatalog } from '../helpers/catalog-builder.js';

export const BATCHED_STEP = `import type { DataStep } from '@data-step';
const step: DataStep = {
  title: 'Tag every product',
  async estimate(ctx) {
    const { rows } = await ctx.db.query<{ n: number }>('SELECT count(*)::int AS n FROM product WHERE tag IS NULL');
    return rows[0].n;
  },
  async run(ctx) {
    const rows = await ctx.batches<string>({ table: 'product', where: 'tag IS NULL', size: 1000 }, async (batch) => {
      const r = await batch.db.query("UPDATE product SET tag = 'tagged' WHERE id = ANY($1::text[]) AND tag IS NULL", [batch.keys]);
      return r.rowCount;
    });
    return { rowsAffected: rows, summary: rows === 0 ? 'every product was already tagged' : \`tagged \${rows} products\` };
  },
};
export default step;
`;

export function fixtureCatalog(): string {
  return writeCatalog([
    {
      version: '1.0.0',
      steps: [{ migration: '0000_base', sql: ['CREATE TABLE product (id text PRIMARY KEY, title text NOT NULL, qty integer)', 'CREATE TABLE cart (id text PRIMARY KEY)'] }],
    },
    {
      version: '1.1.0',
      steps: [
        { migration: '0001_tag', sql: 'ALTER TABLE product ADD COLUMN tag text' },
        { script: '1.1.0/tag-products.ts', source: BATCHED_STEP },
        { migration: '0002_tag_required', sql: 'ALTER TABLE product ALTER COLUMN tag SET NOT NULL' },
      ],
    },
    {
      version: '1.2.0',
      steps: [{ script: '1.2.0/title-case.ts', source: sqlDataStep('Capitalise titles', "UPDATE product SET title = initcap(title) WHERE title <> initcap(title)", "SELECT count(*)::int AS n FROM product WHERE title <> initcap(title)") }],
    },
    { version: '2.0.0', steps: [{ migration: '0003_drop_qty', sql: 'ALTER TABLE product DROP COLUMN qty' }] },
  ]);
}

export function rewriteMigration(root: string, tag: string, sql: string): void {
  fs.writeFileSync(path.join(root, 'drizzle', `${tag}.sql`), sql);
}
