// Row counts of every table a seed writes, to prove what a run added (or that it added nothing).
import type { Queryable } from '../../src/core/data-step.js';

export const seededTables = [
  'currency',
  'store',
  'store_currencies',
  'sales_channel',
  'stock_location',
  '"user"',
  'payment_provider',
  'fulfillment_provider',
  'region',
  'region_payment_providers',
  'region_fulfillment_providers',
  'country',
  'shipping_option',
  'product_category',
  'product_collection',
  'product',
  'product_option',
  'product_variant',
  'product_option_value',
  'money_amount',
  'image',
  'product_images',
  'product_category_product',
  'product_sales_channel',
  'inventory_item',
  'inventory_level',
  'product_variant_inventory_item',
] as const;

export async function tableCounts(db: Queryable): Promise<Record<string, number>> {
  const sql = seededTables.map((table) => `SELECT '${table}' AS t, count(*)::int AS n FROM ${table}`).join(' UNION ALL ');
  const { rows } = await db.query<{ t: string; n: number }>(sql);
  return Object.fromEntries(rows.map((row) => [row.t, row.n]));
}

export function difference(after: Record<string, number>, before: Record<string, number>): Record<string, number> {
  return Object.fromEntries(
    Object.entries(after)
      .map(([table, n]) => [table, n - (before[table] ?? 0)] as const)
      .filter(([, n]) => n !== 0),
  );
}
