// Assertions on the data itself after each release's data steps, shared by the per-step tests
// and the full 1.0.0 → 2.0.0 run.
import { expect } from 'vitest';
import { expectedAdjustments, type Reader } from './expected-adjustments.js';

export type { Reader };

export async function count(t: Reader, sql: string, params: unknown[] = []): Promise<number> {
  const { rows } = await t.query<{ n: string }>(`select count(*) as n from (${sql}) q`, params);
  return Number(rows[0].n);
}

/** 1.3.0 (a): every adjustment exactly as computed independently; fixed discounts add up exactly. */
export async function assertAdjustments(t: Reader) {
  const expected = await expectedAdjustments(t);
  const { rows } = await t.query<{ item_id: string; discount_id: string; amount: number; order_id: string }>(
    'select a.item_id, a.discount_id, a.amount, li.order_id from line_item_adjustment a join line_item li on li.id = a.item_id',
  );
  const actual = new Map(rows.map((r) => [`${r.item_id}|${r.discount_id}`, r.amount]));
  expect(actual.size).toBe(expected.amounts.size);
  const wrong = [...expected.amounts].filter(([key, amount]) => actual.get(key) !== amount);
  expect(wrong.slice(0, 5)).toEqual([]);

  const sums = new Map<string, number>();
  for (const r of rows) sums.set(`${r.order_id}|${r.discount_id}`, (sums.get(`${r.order_id}|${r.discount_id}`) ?? 0) + r.amount);
  const unequal = [...expected.fixedTotals].filter(([key, discount]) => (sums.get(key) ?? 0) !== discount);
  expect(unequal.slice(0, 5)).toEqual([]);

  // nothing for free shipping, nothing on lines that do not allow discounts
  expect(await count(t, `select 1 from line_item_adjustment a join discount d on d.id = a.discount_id
    join discount_rule r on r.id = d.rule_id where r.type = 'free_shipping'`)).toBe(0);
  expect(await count(t, 'select 1 from line_item_adjustment a join line_item li on li.id = a.item_id where not li.allow_discounts')).toBe(0);
  return { adjustments: rows.length, fixedOrders: expected.fixedTotals.size, withRemainder: expected.withRemainder, capped: expected.capped };
}

/** 1.3.0 (b): one products/in condition per rule with products, holding exactly those products. */
export async function assertDiscountConditions(t: Reader) {
  const rules = await count(t, 'select distinct discount_rule_id from discount_rule_products');
  expect(rules).toBeGreaterThan(0);
  expect(await count(t, "select 1 from discount_condition where type = 'products' and operator = 'in'")).toBe(rules);
  const differences = await count(
    t,
    `(select c.discount_rule_id, cp.product_id from discount_condition_product cp join discount_condition c on c.id = cp.condition_id
      except select discount_rule_id, product_id from discount_rule_products)
     union all
     (select discount_rule_id, product_id from discount_rule_products
      except select c.discount_rule_id, cp.product_id from discount_condition_product cp join discount_condition c on c.id = cp.condition_id)`,
  );
  expect(differences).toBe(0);
}

/** 1.4.0: the store's default channel, every product in a channel, every cart in one, NOT NULL. */
export async function assertSalesChannels(t: Reader) {
  const { rows } = await t.query<{ name: string; id: string }>(
    'select s.id, s.name from store st join sales_channel s on s.id = st.default_sales_channel_id',
  );
  expect(rows.map((r) => r.name)).toEqual(['Default Sales Channel']);
  expect(await count(t, "select 1 from sales_channel where name = 'Default Sales Channel'")).toBe(1);
  expect(await count(t, 'select 1 from product p where not exists (select 1 from product_sales_channel l where l.product_id = p.id)')).toBe(0);
  expect(await count(t, 'select 1 from cart where sales_channel_id is null')).toBe(0);
  const { rows: nullable } = await t.query<{ is_nullable: string }>(
    "select is_nullable from information_schema.columns where table_name = 'cart' and column_name = 'sales_channel_id'",
  );
  expect(nullable[0].is_nullable).toBe('NO');
  return rows[0].id;
}

/** 1.7.1: no gift card without a rate; the ones that had one keep it, the others have their region's. */
export async function assertGiftCardRates(t: Reader, before: Map<string, number | null>) {
  const { rows } = await t.query<{ id: string; tax_rate: number | null; region_rate: number }>(
    'select g.id, g.tax_rate, r.tax_rate as region_rate from gift_card g join region r on r.id = g.region_id',
  );
  expect(rows.filter((r) => r.tax_rate === null)).toEqual([]);
  const wrong = rows.filter((r) => r.tax_rate !== (before.get(r.id) ?? r.region_rate));
  expect(wrong.slice(0, 5)).toEqual([]);
}

export async function giftCardRates(t: Reader): Promise<Map<string, number | null>> {
  const { rows } = await t.query<{ id: string; tax_rate: number | null }>('select id, tax_rate from gift_card');
  return new Map(rows.map((r) => [r.id, r.tax_rate]));
}

export interface VariantStock {
  id: string;
  sku: string | null;
  quantity: number;
  managed: boolean;
}

/** The variants whose stock 1.8.0 moves (taken before the upgrade: 2.0.0 drops the column). */
export async function variantStock(t: Reader): Promise<VariantStock[]> {
  const { rows } = await t.query<VariantStock>(
    `select id, sku, inventory_quantity as quantity, manage_inventory and deleted_at is null as managed from product_variant`,
  );
  return rows;
}

/** 1.8.0: each managed variant exactly one item (its SKU) with one level holding its old quantity. */
export async function assertInventory(t: Reader, stock: VariantStock[], quantities: 'copied' | 'zero' = 'copied') {
  const { rows } = await t.query<{ variant_id: string; sku: string | null; stocked: number; levels: string }>(
    `select l.variant_id, i.sku, min(il.stocked_quantity) as stocked, count(il.id) as levels
     from product_variant_inventory_item l join inventory_item i on i.id = l.inventory_item_id
     left join inventory_level il on il.inventory_item_id = i.id
     group by l.variant_id, i.id, i.sku`,
  );
  const byVariant = new Map<string, typeof rows>();
  for (const r of rows) byVariant.set(r.variant_id, [...(byVariant.get(r.variant_id) ?? []), r]);
  const managed = stock.filter((v) => v.managed);
  expect(managed.length).toBeGreaterThan(0);
  const wrong = managed.filter((v) => {
    const items = byVariant.get(v.id) ?? [];
    const quantity = quantities === 'copied' ? v.quantity : 0;
    return items.length !== 1 || items[0].sku !== v.sku || Number(items[0].levels) !== 1 || items[0].stocked !== quantity;
  });
  expect(wrong.slice(0, 5)).toEqual([]);
  // nothing for variants without managed inventory or deleted ones, no orphan items
  expect(byVariant.size).toBe(managed.length);
  expect(await count(t, 'select 1 from inventory_item i where not exists (select 1 from product_variant_inventory_item l where l.inventory_item_id = i.id)')).toBe(0);
  expect(await count(t, 'select 1 from stock_location')).toBe(1);
  return { items: rows.length, stocked: managed.reduce((sum, v) => sum + (quantities === 'copied' ? v.quantity : 0), 0) };
}
