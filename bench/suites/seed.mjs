// Seeding 10,000 products × 4 variants (with their prices, options, images, inventory) through
// insertSeed, next to COPY of the very same rows (the floor), on a database at the code's version
// that already holds the seed's store, regions, categories and collections.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO } from '../lib/drizzle.mjs';
import { figure } from '../lib/figures.mjs';
import { log, runWorker } from '../lib/measure.mjs';
import { clonePglite, withPglite } from '../lib/pglite.mjs';
import { createDatabase, dropDatabase, psql, query, withDatabase } from '../lib/postgres.mjs';
import { stepwise } from '../lib/stepwise.mjs';

const WORKER = path.join(REPO, 'bench/workers/seed.mjs');
const PRODUCTS = 10_000;
const VARIANTS = 4;
const COUNTED = ['product', 'product_variant', 'money_amount', 'product_option_value', 'inventory_item', 'inventory_level', 'product_images'];
const countsSql = `SELECT ${COUNTED.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`;

const where = (target) => target.url ?? `pglite:${target.dataDir}`;
const seedArgs = (mode, target, ...rest) => [mode, where(target), String(PRODUCTS), String(VARIANTS), ...rest];

async function counts(target) {
  if (target.url) return (await query(target.url, countsSql)).rows[0];
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(target.dataDir);
  try {
    return (await db.query(countsSql)).rows[0];
  } finally {
    await db.close();
  }
}

async function prepareTemplate(backend) {
  if (backend === 'postgres') {
    const db = await createDatabase();
    await stepwise(['upgrade', '--yes', '--root', REPO], db);
    await runWorker(WORKER, seedArgs('base', db));
    return { template: db.name, remove: () => dropDatabase(db.name) };
  }
  const dir = await clonePglite();
  const target = { dataDir: dir.dataDir };
  await stepwise(['upgrade', '--yes', '--root', REPO], target);
  await runWorker(WORKER, seedArgs('base', target));
  return { template: dir.dataDir, remove: async () => dir.remove() };
}

const onCopy = (backend, template, fn) =>
  backend === 'postgres' ? withDatabase(template, fn) : withPglite(template, ({ dataDir }) => fn({ dataDir }));

/** the floor on the server: psql \copy of each table's file, all in one transaction */
async function copyWithPsql(target) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bench-copy-'));
  try {
    const { tables } = await runWorker(WORKER, seedArgs('copy', target, dir));
    const commands = tables.filter((t) => t.rows > 0).flatMap((t) => ['-c', `\\copy ${t.table} (${t.columns.join(', ')}) FROM '${t.file}'`]);
    return (await psql(target.url, ['-1', ...commands])).ms;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export async function seedSuite({ runs, backends }) {
  const rows = [];
  for (const backend of backends) {
    const prepared = await prepareTemplate(backend);
    const sw = [];
    const copy = [];
    let expected = null;
    const check = async (who, target) => {
      const c = JSON.stringify(await counts(target));
      expected ??= c;
      if (c !== expected) throw new Error(`${who} wrote different rows: ${c} ≠ ${expected}`);
    };
    try {
      // PGlite's runs take ~35 s each: two keep the whole bench near ten minutes
      const n = Math.min(runs, backend === 'pglite' ? 2 : 3);
      for (let i = 0; i < n; i++) {
        await onCopy(backend, prepared.template, async (target) => {
          sw.push((await runWorker(WORKER, seedArgs('insert', target))).ms);
          await check('insertSeed', target);
        });
        await onCopy(backend, prepared.template, async (target) => {
          copy.push(backend === 'postgres' ? await copyWithPsql(target) : (await runWorker(WORKER, seedArgs('copy', target))).ms);
          await check('COPY', target);
        });
        log(`seed/${backend} run ${i + 1}/${n}: insertSeed ${Math.round(sw[i])} ms; COPY ${Math.round(copy[i])} ms`);
      }
    } finally {
      await prepared.remove();
    }
    rows.push(
      figure({
        id: `seed.${backend}.copy`,
        figure: `seed ${PRODUCTS.toLocaleString('en-US')} products × ${VARIANTS} variants`,
        backend,
        stepwise: { label: 'insertSeed', runs: sw },
        reference: { label: backend === 'postgres' ? 'psql \\copy, 1 tx' : 'COPY FROM blob, 1 tx', runs: copy },
        notes: { rows: expected ? JSON.parse(expected) : null },
      }),
    );
  }
  return rows;
}
