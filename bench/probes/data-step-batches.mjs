// Where a batched data step's time goes, batch by batch, without Stepwise's code: the engine's
// pattern (keyset SELECT of the keys, BEGIN, the step's UPDATE … WHERE id = ANY(keys), COMMIT)
// on a fresh copy of the table, per phase, for a few batch sizes and with synchronous_commit
// off, next to the one-statement floor.
//   node bench/probes/data-step-batches.mjs postgres|pglite [rows] [runs]
import fs from 'node:fs';
import pg from 'pg';
import { median } from '../lib/measure.mjs';
import { clonePglite } from '../lib/pglite.mjs';
import { createDatabase, dropAllCreated, dropDatabase, query } from '../lib/postgres.mjs';
import { FLOOR_SQL } from '../suites/data-step.mjs';

const [backend = 'postgres', rowsArg, runsArg] = process.argv.slice(2);
const rows = Number(rowsArg ?? (backend === 'postgres' ? 1_000_000 : 100_000));
const runs = Number(runsArg ?? 1);
const setup = `CREATE TABLE category (id int PRIMARY KEY, tax_rate numeric(5,4) NOT NULL);
CREATE TABLE item (id bigint PRIMARY KEY, category_id int NOT NULL REFERENCES category(id), title text NOT NULL, price_cents int NOT NULL, price_with_tax_cents int);
INSERT INTO category SELECT g, (g % 25) / 100.0 FROM generate_series(1, 100) g;
INSERT INTO item SELECT g, 1 + g % 100, 'Item ' || g, 100 + (g * 37) % 10000, NULL FROM generate_series(1, ${rows}) g;`;
const UPDATE = `UPDATE item i SET price_with_tax_cents = round(i.price_cents * (1 + c.tax_rate))
  FROM category c WHERE c.id = i.category_id AND i.id = ANY($1::bigint[]) AND i.price_with_tax_cents IS NULL`;

// the same UPDATE over the batch's key range (batch.first … batch.last) instead of its key list
const RANGE_UPDATE = `UPDATE item i SET price_with_tax_cents = round(i.price_cents * (1 + c.tax_rate))
  FROM category c WHERE c.id = i.category_id AND i.id BETWEEN $1 AND $2 AND i.price_with_tax_cents IS NULL`;

const variants = [
  { name: 'floor: one UPDATE … FROM' },
  { name: 'batches of 1000', size: 1000 },
  { name: 'batches of 5000 (the default)', size: 5000 },
  { name: 'batches of 5000, synchronous_commit off', size: 5000, async: true },
  { name: 'batches of 5000, UPDATE over the key range', size: 5000, range: true },
  { name: 'batches of 20000, UPDATE over the key range', size: 20000, range: true },
];

async function open(template) {
  if (backend === 'postgres') {
    const db = await createDatabase(template);
    const client = new pg.Client({ connectionString: db.url });
    await client.connect();
    return { q: (sql, params) => client.query(sql, params), close: async () => { await client.end(); await dropDatabase(db.name); } };
  }
  const dir = await clonePglite(template);
  const { PGlite } = await import('@electric-sql/pglite');
  const db = await PGlite.create(dir.dataDir);
  return { q: (sql, params) => (params ? db.query(sql, params) : db.exec(sql)), close: async () => { await db.close(); dir.remove(); } };
}

async function batched(db, { size, async: asyncCommit, range }) {
  const t = { select: 0, begin: 0, update: 0, commit: 0 };
  const timed = async (k, fn) => { const s = performance.now(); const r = await fn(); t[k] += performance.now() - s; return r; };
  let last;
  let batches = 0;
  for (;;) {
    const { rows: keys } = await timed('select', () =>
      last === undefined
        ? db.q(`SELECT id AS k FROM item WHERE (price_with_tax_cents IS NULL) ORDER BY id LIMIT ${size}`, [])
        : db.q(`SELECT id AS k FROM item WHERE (price_with_tax_cents IS NULL) AND id > $1 ORDER BY id LIMIT ${size}`, [last]));
    if (keys.length === 0) break;
    await timed('begin', () => db.q(asyncCommit ? 'BEGIN; SET LOCAL synchronous_commit = off' : 'BEGIN'));
    await timed('update', () => (range ? db.q(RANGE_UPDATE, [keys[0].k, keys[keys.length - 1].k]) : db.q(UPDATE, [keys.map((r) => r.k)])));
    await timed('commit', () => db.q('COMMIT'));
    last = keys[keys.length - 1].k;
    batches += 1;
  }
  return { batches, ...t };
}

let template;
let templateDir;
try {
  if (backend === 'postgres') {
    const db = await createDatabase();
    await query(db.url, setup);
    await query(db.url, 'VACUUM (FREEZE, ANALYZE) item');
    template = db.name;
  } else {
    templateDir = await clonePglite();
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(templateDir.dataDir);
    await db.exec(setup);
    await db.exec('VACUUM (FREEZE, ANALYZE) item');
    await db.close();
    template = templateDir.dataDir;
  }
  const results = new Map(variants.map((v) => [v.name, []]));
  for (let r = 0; r < runs; r++) {
    for (const variant of variants) {
      const db = await open(template);
      const started = performance.now();
      const phases = variant.size ? await batched(db, variant) : (await db.q(FLOOR_SQL), {});
      results.get(variant.name).push({ total: performance.now() - started, ...phases });
      await db.close();
    }
  }
  console.log(`${backend}, ${rows.toLocaleString('en-US')} rows, medians of ${runs}:`);
  for (const [name, xs] of results) {
    const m = (k) => median(xs.map((x) => x[k]));
    const phases = xs[0].batches ? `  (${xs[0].batches} batches: keyset SELECT ${m('select').toFixed(0)}, BEGIN ${m('begin').toFixed(0)}, UPDATE ${m('update').toFixed(0)}, COMMIT ${m('commit').toFixed(0)} ms)` : '';
    console.log(`${m('total').toFixed(0).padStart(7)} ms  ${name}${phases}`);
  }
} finally {
  if (backend === 'postgres' && template) await dropDatabase(template);
  templateDir?.remove();
  await dropAllCreated();
}
