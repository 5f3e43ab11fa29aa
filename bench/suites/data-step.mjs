// A data step over a big table through the engine's batching (ctx.batches, a commit per batch)
// next to one set-based UPDATE … FROM (the floor): throughput, the longest time a batch held its
// locks, and the process's peak memory. 1,000,000 rows on the server; fewer on PGlite.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeCatalog } from '../lib/catalog.mjs';
import { REPO } from '../lib/drizzle.mjs';
import { figure, goals } from '../lib/figures.mjs';
import { log, runWorker } from '../lib/measure.mjs';
import { clonePglite, withPglite } from '../lib/pglite.mjs';
import { createDatabase, dropDatabase, query, withDatabase } from '../lib/postgres.mjs';
import { stepwise } from '../lib/stepwise.mjs';

const UPGRADE_WORKER = path.join(REPO, 'bench/workers/stepwise-upgrade.mjs');
const FLOOR_WORKER = path.join(REPO, 'bench/workers/sql-floor.mjs');
const ROWS = { postgres: 1_000_000, pglite: 100_000 };

export const FLOOR_SQL = `UPDATE item i SET price_with_tax_cents = round(i.price_cents * (1 + c.tax_rate))
  FROM category c WHERE c.id = i.category_id AND i.price_with_tax_cents IS NULL;`;

// the data step as a backend author writes it (README's pattern): the batch's key range, one UPDATE … FROM
const DATA_STEP = `const step = {
  title: 'Prices with tax',
  async estimate(ctx) {
    const { rows } = await ctx.db.query('SELECT count(*)::int AS n FROM item WHERE price_with_tax_cents IS NULL');
    return rows[0].n;
  },
  async run(ctx) {
    const rows = await ctx.batches({ table: 'item', where: 'price_with_tax_cents IS NULL' }, async (batch) => {
      globalThis.__swBenchBatchStarts?.push(performance.now());
      const { rowCount } = await batch.db.query(
        \`UPDATE item i SET price_with_tax_cents = round(i.price_cents * (1 + c.tax_rate))
           FROM category c WHERE c.id = i.category_id AND i.id BETWEEN $1 AND $2 AND i.price_with_tax_cents IS NULL\`,
        [batch.first, batch.last],
      );
      return rowCount;
    });
    return { rowsAffected: rows, summary: \`\${rows} prices with tax\` };
  },
};
export default step;
`;

export function dataStepCatalog(rows) {
  return writeCatalog([
    {
      version: '1.0.0',
      steps: [
        {
          migration: '0000_items',
          statements: [
            'CREATE TABLE "category" ("id" integer PRIMARY KEY NOT NULL, "tax_rate" numeric(5, 4) NOT NULL);',
            'CREATE TABLE "item" ("id" bigint PRIMARY KEY NOT NULL, "category_id" integer NOT NULL REFERENCES "category"("id"), "title" text NOT NULL, "price_cents" integer NOT NULL, "price_with_tax_cents" integer);',
            'INSERT INTO "category" SELECT g, (g % 25) / 100.0 FROM generate_series(1, 100) g;',
            `INSERT INTO "item" SELECT g, 1 + g % 100, 'Item ' || g, 100 + (g * 37) % 10000, NULL FROM generate_series(1, ${rows}) g;`,
          ],
        },
      ],
    },
    { version: '1.1.0', steps: [{ script: '1.1.0/prices-with-tax.ts', source: DATA_STEP }] },
  ]);
}

/** A database at 1.0.0 (table filled, vacuumed, analysed) that each run copies. */
export async function prepareTemplate(backend, catalogDir) {
  if (backend === 'postgres') {
    const db = await createDatabase();
    await stepwise(['upgrade', '--yes', '--to', '1.0.0', '--root', catalogDir], db);
    await query(db.url, 'VACUUM (FREEZE, ANALYZE) item');
    return { template: db.name, remove: () => dropDatabase(db.name) };
  }
  const dir = await clonePglite();
  await stepwise(['upgrade', '--yes', '--to', '1.0.0', '--root', catalogDir], { dataDir: dir.dataDir });
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dir.dataDir);
  await db.exec('VACUUM (FREEZE, ANALYZE) item');
  await db.close();
  return { template: dir.dataDir, remove: async () => dir.remove() };
}

function writeTemp(sql) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bench-sql-')), 'run.sql');
  fs.writeFileSync(file, sql);
  return file;
}

async function remaining(backend, target) {
  const sql = 'SELECT count(*)::int AS n FROM item WHERE price_with_tax_cents IS NULL';
  if (backend === 'postgres') return (await query(target.url, sql)).rows[0].n;
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(target.dataDir);
  try {
    return (await db.query(sql)).rows[0].n;
  } finally {
    await db.close();
  }
}

const onCopy = (backend, template, fn) =>
  backend === 'postgres' ? withDatabase(template, fn) : withPglite(template, ({ dataDir }) => fn({ dataDir }));

export async function dataStepSuite({ runs, backends }) {
  const rows = [];
  const floorFile = writeTemp(FLOOR_SQL);
  for (const backend of backends) {
    const count = ROWS[backend];
    const catalogDir = dataStepCatalog(count);
    const prepared = await prepareTemplate(backend, catalogDir);
    const sw = [];
    const floor = [];
    try {
      const n = Math.min(runs, 3);
      for (let i = 0; i < n; i++) {
        await onCopy(backend, prepared.template, async (target) => {
          const result = await runWorker(UPGRADE_WORKER, [target.url ?? `pglite:${target.dataDir}`, catalogDir]);
          if (result.rows !== count || (await remaining(backend, target)) !== 0) throw new Error(`the data step changed ${result.rows} of ${count} rows`);
          sw.push(result);
        });
        await onCopy(backend, prepared.template, async (target) => {
          const result = await runWorker(FLOOR_WORKER, [backend === 'postgres' ? 'pg' : 'pglite', target.url ?? target.dataDir, floorFile]);
          if ((await remaining(backend, target)) !== 0) throw new Error('the floor UPDATE left rows unchanged');
          floor.push(result);
        });
        const last = sw[sw.length - 1];
        log(`data-step/${backend} run ${i + 1}/${n}: stepwise ${Math.round(last.upgradeMs)} ms (step ${Math.round(last.stepMs)} ms, ${last.batches} batches, longest ${Math.round(last.longestBatchMs)} ms, ${Math.round(last.maxRssMB)} MB); UPDATE … FROM ${Math.round(floor[i].execMs)} ms (${Math.round(floor[i].maxRssMB)} MB)`);
      }
    } finally {
      await prepared.remove();
      fs.rmSync(catalogDir, { recursive: true, force: true });
    }
    const label = `${count.toLocaleString('en-US')} rows`;
    const floorTime = { label: 'one UPDATE … FROM', runs: floor.map((f) => f.execMs) };
    rows.push(
      figure({
        id: `dataStep.${backend}.throughput`,
        figure: `data step, ${label}: throughput`,
        backend,
        stepwise: { label: 'upgrade() with ctx.batches', runs: sw.map((s) => s.upgradeMs) },
        reference: floorTime,
        ratio: 'throughput',
        goal: goals.ratioAtLeast(0.5),
        notes: { stepMs: sw.map((s) => s.stepMs), batches: sw.map((s) => s.batches) },
      }),
      figure({
        id: `dataStep.${backend}.longestBatch`,
        figure: `data step, ${label}: longest lock hold`,
        backend,
        stepwise: { label: 'longest batch (work → commit)', runs: sw.map((s) => s.longestBatchMs) },
        reference: { label: 'the UPDATE … FROM (one lock hold)', runs: floor.map((f) => f.execMs) },
        goal: goals.below(1000, 'ms'),
      }),
      figure({
        id: `dataStep.${backend}.peakMemory`,
        figure: `data step, ${label}: peak memory`,
        backend,
        unit: 'MB',
        stepwise: { label: 'upgrade() process max RSS', runs: sw.map((s) => s.maxRssMB) },
        reference: { label: 'floor process max RSS', runs: floor.map((f) => f.maxRssMB) },
        // a server's goal: PGlite's WASM heap alone puts its floor's process over 200 MB
        goal: backend === 'postgres' ? goals.below(200, 'MB') : null,
      }),
    );
  }
  fs.rmSync(path.dirname(floorFile), { recursive: true, force: true });
  return rows;
}
