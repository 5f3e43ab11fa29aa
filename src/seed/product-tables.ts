// Where the rows of new products go: each table with its columns (and the PostgreSQL types the
// values are sent as), in the order foreign keys need. The inserter writes them; the benchmark
// COPYs the very same rows to compare.
import type { Columns } from './bulk-insert.js';
import { newId } from './ids.js';
import type { ChildRows, ProductRefs } from './product-rows.js';
import { addChildRows, emptyChildRows, productRow } from './product-rows.js';
import type { SeedProduct } from './seed-file-schema.js';
import type { SeedEntity } from './seed-report.js';

export const productColumns: Columns = {
  id: 'text',
  title: 'text',
  subtitle: 'text',
  description: 'text',
  handle: 'text',
  is_giftcard: 'boolean',
  status: 'text',
  thumbnail: 'text',
  weight: 'int',
  collection_id: 'text',
  discountable: 'boolean',
  metadata: 'jsonb',
};

/** each child table, in insertion order: its rows, the entity it counts as (links count as rows only), its columns */
export const childTables: { key: keyof ChildRows; table: string; entity: SeedEntity | 'links'; columns: Columns }[] = [
  { key: 'options', table: 'product_option', entity: 'links', columns: { id: 'text', product_id: 'text', title: 'text' } },
  {
    key: 'variants',
    table: 'product_variant',
    entity: 'variants',
    columns: {
      id: 'text',
      product_id: 'text',
      title: 'text',
      sku: 'text',
      barcode: 'text',
      allow_backorder: 'boolean',
      manage_inventory: 'boolean',
      weight: 'int',
      variant_rank: 'int',
    },
  },
  {
    key: 'optionValues',
    table: 'product_option_value',
    entity: 'links',
    columns: { id: 'text', value: 'text', option_id: 'text', variant_id: 'text' },
  },
  {
    key: 'prices',
    table: 'money_amount',
    entity: 'prices',
    columns: { id: 'text', currency_code: 'text', amount: 'int', variant_id: 'text' },
  },
  { key: 'images', table: 'image', entity: 'images', columns: { id: 'text', url: 'text' } },
  { key: 'productImages', table: 'product_images', entity: 'links', columns: { product_id: 'text', image_id: 'text' } },
  {
    key: 'productCategories',
    table: 'product_category_product',
    entity: 'links',
    columns: { product_category_id: 'text', product_id: 'text' },
  },
  {
    key: 'productSalesChannels',
    table: 'product_sales_channel',
    entity: 'links',
    columns: { product_id: 'text', sales_channel_id: 'text' },
  },
  { key: 'inventoryItems', table: 'inventory_item', entity: 'inventory_items', columns: { id: 'text', sku: 'text', weight: 'int' } },
  {
    key: 'inventoryLevels',
    table: 'inventory_level',
    entity: 'links',
    columns: { id: 'text', inventory_item_id: 'text', location_id: 'text', stocked_quantity: 'int' },
  },
  {
    key: 'variantInventoryItems',
    table: 'product_variant_inventory_item',
    entity: 'links',
    columns: { id: 'text', variant_id: 'text', inventory_item_id: 'text', required_quantity: 'int' },
  },
];

export interface TableRows {
  table: string;
  columns: Columns;
  rows: object[];
}

/** Every row `products` become, table by table in insertion order, as if none were present. */
export function productTables(products: SeedProduct[], refs: ProductRefs): TableRows[] {
  const rows = products.map((product) => productRow(product, newId('prod'), refs));
  const children = emptyChildRows();
  products.forEach((product, i) => addChildRows(children, product, rows[i].id, refs));
  return [
    { table: 'product', columns: productColumns, rows },
    ...childTables.map(({ key, table, columns }) => ({ table, columns, rows: children[key] as object[] })),
  ];
}
