// Seeding through Stepwise's inserter, and the same product rows as COPY input (the floor).
// usage: node seed.mjs <mode> <url | pglite:dataDir> <products> <variantsPerProduct> [outDir]
//   base   — the seed without its products (store, regions, categories, collections): untimed set-up
//   insert — insertSeed of the whole seed, timed     → {"ms","rowsWritten","maxRssMB"}
//   copy   — the product rows insertSeed would write, as COPY text files in outDir (server), or
//            COPY'd in one transaction, timed (PGlite) → {"tables":[{table,columns,file,rows}],"ms"?}
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { peakRssMB } from '../lib/measure.mjs';

const [mode, where, products, variantsPerProduct, outDir] = process.argv.slice(2);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const pglite = where.startsWith('pglite:');
if (pglite) process.env.STEPWISE_DATA_DIR = where.slice('pglite:'.length);
const { openDatabase } = await import(path.join(repo, 'dist', 'api.js'));
const seedModule = await import(path.join(repo, 'dist', 'seed', 'index.js'));
const { generateSeed, insertSeed, asSeedDatabase, productTables } = seedModule;
const { validateSeed } = await import(path.join(repo, 'dist', 'seed', 'load-seed-file.js'));

const seed = validateSeed(generateSeed({ products: Number(products), variantsPerProduct: Number(variantsPerProduct) }));
// PGlite's COPY reads a Blob, which only PGlite's own client passes: that mode opens it directly
const db = mode === 'copy' && pglite ? await openPgliteClient(where.slice('pglite:'.length)) : await openDatabase(pglite ? undefined : where);
let result;
try {
  if (mode === 'base') {
    result = await insertSeed(asSeedDatabase(db), { ...seed, products: [] });
  } else if (mode === 'insert') {
    const started = performance.now();
    const report = await insertSeed(asSeedDatabase(db), seed);
    result = { ms: performance.now() - started, rowsWritten: report.rowsWritten };
  } else if (mode === 'copy') {
    const tables = productTables(seed.products, await productRefs(db));
    result = pglite ? await copyInto(db, tables) : { tables: writeCopyFiles(tables, outDir) };
  } else throw new Error(`unknown mode ${mode}`);
} finally {
  await db.close();
}
console.log(JSON.stringify({ ...result, maxRssMB: peakRssMB() }));

/** what insertSeed would look up: categories by file id, collections by handle, the store's channel and location */
async function productRefs(db) {
  const one = async (sql) => (await db.query(sql)).rows;
  const categories = await one('SELECT id FROM product_category');
  const collections = await one('SELECT id, handle FROM product_collection');
  const [store] = await one('SELECT default_sales_channel_id AS channel FROM store LIMIT 1');
  const [location] = await one('SELECT id FROM stock_location WHERE deleted_at IS NULL ORDER BY created_at, id LIMIT 1');
  return {
    categoryIds: new Map(categories.map((c) => [c.id, c.id])),
    collectionIds: new Map(collections.map((c) => [c.handle, c.id])),
    salesChannelId: store.channel,
    stockLocationId: location?.id ?? null,
  };
}

/** COPY's text format: tab-separated, \N for null, backslash escapes */
function copyText({ columns, rows }) {
  const names = Object.keys(columns);
  const field = (v) => {
    if (v === null || v === undefined) return '\\N';
    if (typeof v === 'boolean') return v ? 't' : 'f';
    const s = typeof v === 'object' ? JSON.stringify(v) : String(v);
    return s.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');
  };
  return rows.map((row) => names.map((n) => field(row[n])).join('\t')).join('\n') + (rows.length ? '\n' : '');
}

function writeCopyFiles(tables, dir) {
  return tables.map((t, i) => {
    const file = path.join(dir, `${String(i).padStart(2, '0')}_${t.table}.tsv`);
    fs.writeFileSync(file, copyText(t));
    return { table: t.table, columns: Object.keys(t.columns), file, rows: t.rows.length };
  });
}

async function openPgliteClient(dataDir) {
  const { PGlite } = await import('@electric-sql/pglite');
  const client = await PGlite.create(dataDir);
  return { query: (sql, params, options) => client.query(sql, params, options), close: () => client.close() };
}

/** every table's rows COPY'd from a Blob, in one transaction; the text is made before the clock starts */
async function copyInto(db, tables) {
  const inputs = tables.filter((t) => t.rows.length > 0).map((t) => ({ t, blob: new Blob([copyText(t)]) }));
  const started = performance.now();
  await db.query('BEGIN');
  for (const { t, blob } of inputs) {
    await db.query(`COPY ${t.table} (${Object.keys(t.columns).join(', ')}) FROM '/dev/blob'`, [], { blob });
  }
  await db.query('COMMIT');
  return { ms: performance.now() - started, tables: tables.map((t) => ({ table: t.table, rows: t.rows.length })) };
}
