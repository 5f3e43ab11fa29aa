// 1.3.0 on a filled 1.0.0 database: adjustments for every discounted order line, product
// conditions for every rule with products; estimates honest, second runs change nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upgrade } from '../../src/api.js';
import { assertAdjustments, assertDiscountConditions, count } from './assertions.js';
import { afterStep, interruptWhen } from './interrupt.js';
import { filledAt, outcomeOf, type ReleaseDb } from './release-db.js';

const ADJUSTMENTS = '1.3.0/line-item-adjustments.ts';
const CONDITIONS = '1.3.0/discount-conditions.ts';

describe('1.3.0 on a filled 1.0.0 database', () => {
  let r: ReleaseDb;
  const estimates = new Map<string, number | null>();

  beforeAll(async () => {
    ({ r } = await filledAt('1.0.0'));
    // stop after the migration, so the data steps can be estimated on the real tables
    const stopped = await upgrade(r.db, r.catalog, { to: '1.3.0', ...interruptWhen(afterStep('0001_discount_conditions')) });
    expect(stopped.stoppedAt?.why).toBe('interrupted');
    const preview = await upgrade(r.db, r.catalog, { to: '1.3.0', mode: 'dry-run' });
    for (const o of preview.outcomes) estimates.set(o.step.id, o.rows);
  });
  afterAll(() => r?.close());

  it('upgrade --to 1.3.0 runs both data steps, as estimated, and stops at 1.3.0', async () => {
    const summary = await r.upgradeTo('1.3.0');
    expect(summary.outcomes.map((o) => o.step.id)).toEqual([ADJUSTMENTS, CONDITIONS]);
    expect(outcomeOf(summary, ADJUSTMENTS).rows).toBe(estimates.get(ADJUSTMENTS));
    expect(outcomeOf(summary, CONDITIONS).rows).toBe(estimates.get(CONDITIONS));
    expect(await count(r.t, "select 1 from information_schema.tables where table_name = 'sales_channel'")).toBe(0);
  });

  it('every discounted line has exactly the adjustment the discount took off', async () => {
    const stats = await assertAdjustments(r.t);
    expect(stats.adjustments).toBeGreaterThan(4000);
    // the data exercises what can go wrong: remainders to distribute, discounts above the subtotal
    expect(stats.withRemainder).toBeGreaterThan(300);
    expect(stats.capped).toBeGreaterThan(0);
  });

  it('fixed discounts add up to the discount, to the cent, on every order', async () => {
    const { rows } = await r.t.query<{ orders: string; off: string }>(
      `select count(*) as orders, count(*) filter (where adjusted <> least(value, subtotal)) as off from (
         select od.order_id, r.value, sum(a.amount) as adjusted,
                (select sum(li.unit_price * li.quantity) from line_item li where li.order_id = od.order_id and li.allow_discounts
                   and (not exists (select 1 from discount_rule_products rp where rp.discount_rule_id = r.id)
                        or li.variant_id in (select v.id from product_variant v join discount_rule_products rp
                                             on rp.product_id = v.product_id where rp.discount_rule_id = r.id))) as subtotal
         from order_discounts od join discount d on d.id = od.discount_id join discount_rule r on r.id = d.rule_id
         join line_item li on li.order_id = od.order_id join line_item_adjustment a on a.item_id = li.id and a.discount_id = d.id
         where r.type = 'fixed' and coalesce(r.allocation, 'total') = 'total'
         group by od.order_id, r.id, r.value) x`,
    );
    expect(Number(rows[0].orders)).toBeGreaterThan(500);
    expect(Number(rows[0].off)).toBe(0);
  });

  it('every rule with products has a products condition with the same products', async () => {
    await assertDiscountConditions(r.t);
  });

  it('a second run of each step changes nothing and says so', async () => {
    const adjustments = await r.rerun(ADJUSTMENTS);
    expect(adjustments).toEqual({ rowsAffected: 0, summary: expect.stringMatching(/nothing to do/) });
    const conditions = await r.rerun(CONDITIONS);
    expect(conditions).toEqual({ rowsAffected: 0, summary: expect.stringMatching(/verified 4 rules.*nothing to do|nothing to do/) });
    await assertAdjustments(r.t);
    await assertDiscountConditions(r.t);
  });

  it('the conditions step fails loudly, and changes nothing, when a copy comes out incomplete', async () => {
    // a trigger swallowing one product's rows stands in for whatever could lose them
    await r.t.query('delete from discount_condition');
    await r.t.query(`create function drop_one() returns trigger language plpgsql as $$
      begin if new.product_id = (select min(product_id) from discount_rule_products) then return null; end if; return new; end $$`);
    await r.t.query('create trigger drop_one before insert on discount_condition_product for each row execute function drop_one()');
    try {
      await expect(r.rerun(CONDITIONS)).rejects.toThrow(/do not match discount_rule_products for \d+ rule\(s\): dru_/);
      expect(await count(r.t, 'select 1 from discount_condition')).toBe(0);
    } finally {
      await r.t.query('drop trigger drop_one on discount_condition_product; drop function drop_one()');
    }
    expect((await r.rerun(CONDITIONS)).rowsAffected).toBeGreaterThan(0);
    await assertDiscountConditions(r.t);
  });
});
