// Products, keyed by handle, with everything that hangs on them. A product already present is
// left exactly as it is (its rows are not merged with the file's); new products are written
// table by table in batches, parents before children.
import type { Queryable } from '../core/data-step.js';
import { bulkInsert } from './bulk-insert.js';
import { newId } from './ids.js';
import type { ChildRows, ProductRefs } from './product-rows.js';
import { addChildRows, emptyChildRows, productRow } from './product-rows.js';
import { childTables, productColumns } from './product-tables.js';
import { SeedConflictError } from './seed-conflict.js';
import type { SeedProduct } from './seed-file-schema.js';
import type { SeedProblem } from './seed-problems.js';
import type { SeedProgressListener, SeedTally } from './seed-report.js';

/** products written together with all their rows: about 5,000 rows per table and batch at 4 variants each */
const PRODUCTS_PER_CHUNK = 1250;

interface Indexed {
  product: SeedProduct;
  /** position in the file, for messages */
  index: number;
}

export async function insertProducts(
  db: Queryable,
  products: SeedProduct[],
  refs: ProductRefs,
  tally: SeedTally,
  onProgress: SeedProgressListener = () => undefined,
): Promise<void> {
  if (products.length === 0) return;
  const present = await db.query<{ handle: string }>('SELECT handle FROM product WHERE handle = ANY($1::text[])', [
    products.map((product) => product.handle),
  ]);
  const known = new Set(present.rows.map((row) => row.handle));
  const fresh: Indexed[] = [];
  products.forEach((product, index) => known.has(product.handle) || fresh.push({ product, index }));
  await refuseTakenSkus(db, fresh);
  await warnAboutUnmergedVariants(db, products.filter((product) => known.has(product.handle)), tally);

  let variantsInFile = 0;
  let pricesInFile = 0;
  let imagesInFile = 0;
  for (const product of products) {
    variantsInFile += product.variants.length;
    pricesInFile += product.variants.reduce((sum, variant) => sum + variant.prices.length, 0);
    imagesInFile += new Set(product.images).size;
  }
  const managedInFile = products.reduce((sum, p) => sum + p.variants.filter((v) => v.manage_inventory).length, 0);

  // A chunk of products at a time, each with its rows in every table: the rows of a large file
  // never all sit in memory at once (10,000 products × 4 variants make 360,000)
  const written = { products: 0, variants: 0, prices: 0, images: 0, inventoryItems: 0, links: 0 };
  for (let start = 0; start < fresh.length; start += PRODUCTS_PER_CHUNK) {
    const chunk = fresh.slice(start, start + PRODUCTS_PER_CHUNK);
    const rows = chunk.map(({ product }) => productRow(product, newId('prod'), refs));
    const insertedProducts = await bulkInsert<(typeof rows)[number], { id: string }>(db, {
      table: 'product',
      columns: productColumns,
      select: { status: 'r.status::product_status_enum' },
      rows,
      // a concurrent writer may have taken a handle since the check above: skip it, like a re-run would
      skipConflicts: true,
      returning: 'id',
    });
    written.products += insertedProducts.inserted;
    const insertedIds = new Set(insertedProducts.rows.map((row) => row.id));
    const children = emptyChildRows();
    chunk.forEach(({ product }, i) => {
      if (insertedIds.has(rows[i].id)) addChildRows(children, product, rows[i].id, refs);
    });
    const chunkWritten = await insertChildRows(db, children);
    for (const key of Object.keys(chunkWritten) as (keyof typeof chunkWritten)[]) written[key] += chunkWritten[key];
    onProgress({ done: start + chunk.length, total: fresh.length });
  }

  tally.count('products', products.length, written.products);
  tally.count('variants', variantsInFile, written.variants);
  tally.count('prices', pricesInFile, written.prices);
  tally.count('images', imagesInFile, written.images);
  if (refs.stockLocationId) tally.count('inventory_items', managedInFile, written.inventoryItems);
  tally.wrote(written.links);
}

async function insertChildRows(db: Queryable, children: ChildRows) {
  const written = { variants: 0, prices: 0, images: 0, inventoryItems: 0, links: 0 };
  for (const { key, table, entity, columns } of childTables) {
    const { inserted } = await bulkInsert(db, { table, columns, rows: children[key] as object[] });
    if (entity === 'links') written.links += inserted;
    else if (entity === 'inventory_items') written.inventoryItems += inserted;
    else written[entity as 'variants' | 'prices' | 'images'] += inserted;
  }
  return written;
}

/** SKUs are unique: a new variant must not take one a variant or inventory item already has. */
async function refuseTakenSkus(db: Queryable, fresh: Indexed[]): Promise<void> {
  const wanted = new Map<string, string>();
  for (const { product, index } of fresh) {
    product.variants.forEach((variant, v) => {
      if (variant.sku) wanted.set(variant.sku, `products[${index}].variants[${v}].sku`);
    });
  }
  if (wanted.size === 0) return;
  const taken = await db.query<{ sku: string; owner: string }>(
    `SELECT v.sku, 'variant "' || v.title || '" of product "' || p.handle || '"' AS owner
       FROM product_variant v JOIN product p ON p.id = v.product_id
      WHERE v.sku = ANY($1::text[])
     UNION ALL
     SELECT i.sku, 'inventory item ' || i.id FROM inventory_item i WHERE i.sku = ANY($1::text[])`,
    [[...wanted.keys()]],
  );
  const problems = new Map<string, SeedProblem>();
  for (const row of taken.rows) {
    const path = wanted.get(row.sku)!;
    if (!problems.has(path)) problems.set(path, { path, message: `SKU "${row.sku}" is already used by ${row.owner}` });
  }
  if (problems.size > 0) throw new SeedConflictError([...problems.values()]);
}

/** A product already present is not changed; say so when the file has variants it lacks. */
async function warnAboutUnmergedVariants(db: Queryable, present: SeedProduct[], tally: SeedTally): Promise<void> {
  if (present.length === 0) return;
  const existing = await db.query<{ handle: string; titles: string[] }>(
    `SELECT p.handle, array_agg(v.title) AS titles
       FROM product p JOIN product_variant v ON v.product_id = p.id AND v.deleted_at IS NULL
      WHERE p.handle = ANY($1::text[]) GROUP BY p.handle`,
    [present.map((product) => product.handle)],
  );
  const titles = new Map(existing.rows.map((row) => [row.handle, new Set(row.titles)]));
  for (const product of present) {
    const have = titles.get(product.handle) ?? new Set<string>();
    const missing = product.variants.filter((variant) => !have.has(variant.title)).map((variant) => `"${variant.title}"`);
    if (missing.length > 0) {
      tally.warnings.push(
        `product "${product.handle}" is already present and was left as it is; ` +
          `the file's variant${missing.length === 1 ? '' : 's'} ${missing.join(', ')} ${missing.length === 1 ? 'was' : 'were'} not added`,
      );
    }
  }
}
