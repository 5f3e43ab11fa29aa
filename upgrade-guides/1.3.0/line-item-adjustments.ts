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

/** The adjustments still missing for the orders matched by `orderFilter` (over `o`). */
function missingAdjustments(orderFilter: string): string {
  return `
  with pair as (
    select o.id as order_id, d.id as discount_id, r.id as rule_id, r.type, r.value::bigint as value,
           coalesce(r.allocation, 'total') as allocation
    from "order" o
    join order_discounts od on od.order_id = o.id
    join discount d on d.id = od.discount_id
    join discount_rule r on r.id = d.rule_id
    where ${orderFilter}
      and r.type in ('percentage', 'fixed')
      and not exists (
        select 1 from line_item_adjustment a join line_item done on done.id = a.item_id
        where done.order_id = o.id and a.discount_id = d.id)
  ),
  line as (
    select p.*, li.id as item_id, li.quantity::bigint as quantity, li.unit_price::bigint * li.quantity as line_total
    from pair p
    join line_item li on li.order_id = p.order_id
    where li.allow_discounts
      and (not exists (select 1 from discount_rule_products rp where rp.discount_rule_id = p.rule_id)
           or exists (select 1 from discount_rule_products rp join product_variant v on v.product_id = rp.product_id
                      where rp.discount_rule_id = p.rule_id and v.id = li.variant_id))
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

async function countMissing(db: Queryable): Promise<{ lines: number; orders: number }> {
  const { rows } = await db.query<{ lines: number; orders: number }>(
    `select count(*)::int as lines, count(distinct order_id)::int as orders
     from (${missingAdjustments('true')}) m where m.amount > 0`,
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
    let orders = 0;
    const created = await ctx.batches<string>(
      { table: 'order', key: 'id', where: 'id in (select order_id from order_discounts)', size: 500 },
      async (batch) => {
        const { rows } = await batch.db.query<{ created: number; orders: number }>(
          `with missing as (${missingAdjustments('o.id = any($1::text[])')}),
           inserted as (
             insert into line_item_adjustment (id, item_id, description, discount_id, amount)
             select 'lia_' || replace(gen_random_uuid()::text, '-', ''), m.item_id, 'discount', m.discount_id, m.amount
             from missing m where m.amount > 0
             on conflict (item_id, discount_id) do nothing
             returning item_id)
           select count(*)::int as created,
                  (select count(distinct m.order_id)::int from missing m join inserted i on i.item_id = m.item_id) as orders
           from inserted`,
          [batch.keys],
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
