// What 1.3.0's adjustments must be, computed here in TypeScript from the raw rows, independently
// of the data step's SQL: percentage → round(line total × pct / 100) per line; fixed per item →
// value × quantity capped at the line; fixed over the order → min(value, discountable subtotal)
// prorated by line total, rounded down, remainder to the largest line.

/** What the assertions read through: a pg client on the test database, or Stepwise's own connection. */
export interface Reader {
  query<R extends Record<string, any> = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
}

export interface ExpectedAdjustments {
  /** `${item_id}|${discount_id}` → amount (only amounts above 0) */
  amounts: Map<string, number>;
  /** `${order_id}|${discount_id}` → what the fixed-over-the-order discount took off in total */
  fixedTotals: Map<string, number>;
  /** fixed-over-the-order discounts whose proration left a remainder (rounding mattered) */
  withRemainder: number;
  /** fixed discounts larger than the discountable subtotal (capped) */
  capped: number;
}

interface Line {
  id: string;
  order_id: string;
  total: number;
  quantity: number;
  allow_discounts: boolean;
  product_id: string | null;
}

export async function expectedAdjustments(t: Reader): Promise<ExpectedAdjustments> {
  const pairs = (
    await t.query<{ order_id: string; discount_id: string; rule_id: string; type: string; value: number; allocation: string | null }>(
      `select od.order_id, d.id as discount_id, r.id as rule_id, r.type::text, r.value, r.allocation::text
       from order_discounts od join discount d on d.id = od.discount_id join discount_rule r on r.id = d.rule_id`,
    )
  ).rows;
  const lines = (
    await t.query<Line>(
      `select li.id, li.order_id, li.unit_price * li.quantity as total, li.quantity, li.allow_discounts, v.product_id
       from line_item li left join product_variant v on v.id = li.variant_id where li.order_id is not null`,
    )
  ).rows;
  const ruleProducts = new Map<string, Set<string>>();
  for (const row of (await t.query<{ rule: string; product: string }>('select discount_rule_id as rule, product_id as product from discount_rule_products')).rows) {
    if (!ruleProducts.has(row.rule)) ruleProducts.set(row.rule, new Set());
    ruleProducts.get(row.rule)!.add(row.product);
  }
  const linesOf = new Map<string, Line[]>();
  for (const line of lines) {
    if (!linesOf.has(line.order_id)) linesOf.set(line.order_id, []);
    linesOf.get(line.order_id)!.push(line);
  }

  const result: ExpectedAdjustments = { amounts: new Map(), fixedTotals: new Map(), withRemainder: 0, capped: 0 };
  for (const pair of pairs) {
    if (pair.type === 'free_shipping') continue;
    const valid = ruleProducts.get(pair.rule_id);
    const eligible = (linesOf.get(pair.order_id) ?? []).filter(
      (l) => l.allow_discounts && (!valid || (l.product_id !== null && valid.has(l.product_id))),
    );
    const put = (line: Line, amount: number) => {
      if (amount > 0) result.amounts.set(`${line.id}|${pair.discount_id}`, amount);
    };
    if (pair.type === 'percentage') {
      // round half up, in integers
      for (const l of eligible) put(l, Math.floor((2 * l.total * pair.value + 100) / 200));
    } else if (pair.allocation === 'item') {
      for (const l of eligible) put(l, Math.min(pair.value * l.quantity, l.total));
    } else {
      const subtotal = eligible.reduce((sum, l) => sum + l.total, 0);
      if (subtotal === 0) continue;
      const discount = Math.min(pair.value, subtotal);
      if (pair.value > subtotal) result.capped += 1;
      const shares = eligible.map((l) => Math.floor((l.total * discount) / subtotal));
      const remainder = discount - shares.reduce((a, b) => a + b, 0);
      if (remainder > 0) result.withRemainder += 1;
      const largest = eligible
        .map((l, i) => ({ l, i }))
        .sort((a, b) => b.l.total - a.l.total || (a.l.id < b.l.id ? -1 : 1))[0].i;
      shares[largest] += remainder;
      eligible.forEach((l, i) => put(l, shares[i]));
      result.fixedTotals.set(`${pair.order_id}|${pair.discount_id}`, discount);
    }
  }
  return result;
}
