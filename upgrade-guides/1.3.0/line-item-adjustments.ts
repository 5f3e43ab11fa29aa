// 1.3.0 (a): orders placed before 1.3.0 have discounts but no line_item_adjustment rows, and 1.3.0
// computes order totals from adjustments only. Recreate, per discounted order line, what the
// discount took off it — exactly what 1.x charged:
//   percentage  round(line total × value / 100)
//   fixed/item  value × quantity, at most the line total
//   fixed/total the value (at most the discountable subtotal) prorated over the discountable
//               lines by line total, rounded down, the remainder to the largest line, so the
//               adjustments add up to the discount to the cent
// Free-shipping discounts take nothing off lines and get none. A line is discountable when
// `allow_discounts` is set and, if the rule lists products (`discount_rule_products`), its variant
// is one of theirs. An order that already has adjustments for a discount (placed under 1.3.0, or
// done by an earlier run) is left alone, so a second run inserts nothing.
import type { DataStep, DataStepContext, Queryable } from '../../src/core/data-step.js';

/**
 * The adjustments still missing, for every order or for the orders in `$2` (a batch). `$1` lists
 * the rules limited to some products. For a batch, its order ids drive one index scan per order
 * (OFFSET 0 keeps PostgreSQL from flattening the lateral subquery into a join it may plan as a
 * full scan, as it does on tables never analyzed, e.g. right after a restore); the lines are
 * collected first (MATERIALIZED) and looked up in the large or growing tables through scalar
 * subqueries, which are never turned into joins: index probes, so a batch costs the same at the
 * end of a big table as at its start.
 */
function missingAdjustments(batch: boolean): string {
  const ofOrders = (table: string, alias: string) =>
    batch
      ? `unnest($2::text[]) as batch(order_id)
         cross join lateral (select * from ${table} t where t.order_id = batch.order_id offset 0) ${alias}`
      : `${table} ${alias}`;
  return `
  with order_line as materialized (
    select li.id, li.order_id, li.quantity::bigint as quantity, li.unit_price::bigint * li.quantity as line_total,
           li.allow_discounts, (select v.product_id from product_variant v where v.id = li.variant_id) as product_id,
           (select array_agg(a.discount_id) from line_item_adjustment a where a.item_id = li.id) as adjusted_by
    from ${ofOrders('line_item', 'li')}
    where li.order_id is not null
  ),
  pair as materialized (
    select od.order_id, od.discount_id, r.id as rule_id, r.type, r.value::bigint as value,
           coalesce(r.allocation, 'total') as allocation, r.id = any($1::text[]) as limited
    from ${ofOrders('order_discounts', 'od')}
    join discount d on d.id = od.discount_id
    join discount_rule r on r.id = d.rule_id
    where r.type in ('percentage', 'fixed')
      and not exists (
        select 1 from order_line done where done.order_id = od.order_id and od.discount_id = any(done.adjusted_by))
  ),
  line as (
    select p.order_id, p.discount_id, p.type, p.value, p.allocation, ol.id as item_id, ol.quantity, ol.line_total
    from pair p
    join order_line ol on ol.order_id = p.order_id
    where ol.allow_discounts
      and (not p.limited
           or (select true from discount_rule_products rp where rp.discount_rule_id = p.rule_id and rp.product_id = ol.product_id))
  ),
  ranked as (
    select l.*,
           -- sum() of bigint is numeric: back to bigint so the proration below divides in integers
           least(l.value, (sum(l.line_total) over w)::bigint) as order_discount,
           (sum(l.line_total) over w)::bigint as subtotal,
           row_number() over (partition by l.order_id, l.discount_id order by l.line_total desc, l.item_id) as size_rank
    from line l
    window w as (partition by l.order_id, l.discount_id)
  ),
  share as (
    select r.*,
           case
             when r.type = 'percentage' then round(r.line_total * r.value / 100.0)::bigint
             when r.allocation = 'item' then least(r.value * r.quantity, r.line_total)
             when r.subtotal = 0 then 0
             else r.line_total * r.order_discount / r.subtotal -- integer division: rounds down
           end as amount
    from ranked r
  )
  select s.item_id, s.discount_id, s.order_id,
         (s.amount + case
            when s.type = 'fixed' and s.allocation = 'total' and s.size_rank = 1
            then s.order_discount - (sum(s.amount) over (partition by s.order_id, s.discount_id))::bigint
            else 0 end)::int as amount
  from share s`;
}

/** Rules valid only for the products they list; read once, passed to every batch. */
async function limitedRules(db: Queryable): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>('select distinct discount_rule_id as id from discount_rule_products');
  return rows.map((r) => r.id);
}

async function countMissing(db: Queryable): Promise<{ lines: number; orders: number }> {
  const { rows } = await db.query<{ lines: number; orders: number }>(
    `select count(*)::int as lines, count(distinct order_id)::int as orders
     from (${missingAdjustments(false)}) m where m.amount > 0`,
    [await limitedRules(db)],
  );
  return rows[0];
}

const fmt = (n: number) => n.toLocaleString('en-US');

const step: DataStep = {
  title: 'Create line item adjustments for discounted orders',
  description:
    'Orders placed before 1.3.0 carry their discount only as a rule. This step writes, for every ' +
    'discounted line, the amount the discount took off (percentages rounded per line; fixed amounts ' +
    'prorated over the discountable lines with the rounding remainder on the largest line, so they sum ' +
    'exactly to the discount). Free-shipping discounts are skipped. Runs in batches of orders.',

  async estimate(ctx: DataStepContext) {
    return (await countMissing(ctx.db)).lines;
  },

  async run(ctx: DataStepContext) {
    if (ctx.dryRun) {
      const missing = await countMissing(ctx.db);
      return { rowsAffected: 0, summary: `would create ${fmt(missing.lines)} adjustments on ${fmt(missing.orders)} orders` };
    }
    const limited = await limitedRules(ctx.db);
    let orders = 0;
    const created = await ctx.batches<string>(
      { table: 'order', key: 'id', where: 'exists (select 1 from order_discounts od where od.order_id = "order".id)', size: 500 },
      async (batch) => {
        // JIT would compile this statement anew for every batch: a second each, for nothing
        await batch.db.query('set local jit = off');
        const { rows } = await batch.db.query<{ created: number; orders: number }>(
          `with missing as (${missingAdjustments(true)}),
           inserted as (
             insert into line_item_adjustment (id, item_id, description, discount_id, amount)
             select 'lia_' || replace(gen_random_uuid()::text, '-', ''), m.item_id, 'discount', m.discount_id, m.amount
             from missing m where m.amount > 0
             on conflict (item_id, discount_id) do nothing
             returning item_id)
           select count(*)::int as created,
                  (select count(distinct m.order_id)::int from missing m join inserted i on i.item_id = m.item_id) as orders
           from inserted`,
          [limited, batch.keys],
        );
        orders += rows[0].orders;
        return rows[0].created;
      },
    );
    if (created === 0) {
      return { rowsAffected: 0, summary: 'every discounted order line already has its adjustment; nothing to do' };
    }
    return { rowsAffected: created, summary: `created ${fmt(created)} line item adjustments on ${fmt(orders)} orders` };
  },
};

export default step;
