// 1.3.0 (b): 1.3.0 reads where a discount is valid from discount conditions, no longer from
// discount_rule_products. Every rule that lists products gets a `products`/`in` condition with
// the same products, and the copy is then checked rule by rule: a rule whose products did not all
// arrive fails the step (rolled back), because a discount silently valid for everything would
// cost real money. discount_rule_products is left as it was (1.x code still reads it on rollback).
import type { DataStep, DataStepContext, Queryable } from '../../src/core/data-step.js';

const missingConditions = `
  select r.id from discount_rule r
  where exists (select 1 from discount_rule_products rp where rp.discount_rule_id = r.id)
    and not exists (select 1 from discount_condition c
                    where c.discount_rule_id = r.id and c.type = 'products' and c.operator = 'in')`;

const missingProducts = `
  select rp.product_id, c.id as condition_id
  from discount_rule_products rp
  join discount_condition c on c.discount_rule_id = rp.discount_rule_id and c.type = 'products' and c.operator = 'in'
  where not exists (select 1 from discount_condition_product cp
                    where cp.condition_id = c.id and cp.product_id = rp.product_id)`;

interface Mismatch {
  rule_id: string;
  expected: number;
  copied: number;
}

/** Rules whose condition lacks some of the rule's products (or that have no condition at all). */
async function mismatches(db: Queryable): Promise<Mismatch[]> {
  const { rows } = await db.query<Mismatch>(
    `select rp.discount_rule_id as rule_id, count(*)::int as expected, count(cp.product_id)::int as copied
     from discount_rule_products rp
     left join discount_condition c
       on c.discount_rule_id = rp.discount_rule_id and c.type = 'products' and c.operator = 'in'
     left join discount_condition_product cp on cp.condition_id = c.id and cp.product_id = rp.product_id
     group by rp.discount_rule_id
     having count(*) <> count(cp.product_id)
     order by rp.discount_rule_id`,
  );
  return rows;
}

const fmt = (n: number) => n.toLocaleString('en-US');

const step: DataStep = {
  title: 'Move discount rule products to discount conditions',
  description:
    'For every discount rule limited to some products, creates a "products in" discount condition ' +
    'holding the same products, then verifies rule by rule that every product was copied.',

  async estimate(ctx: DataStepContext) {
    const { rows } = await ctx.db.query<{ n: number }>(
      `select (select count(*) from (${missingConditions}) c)::int
            + (select count(*) from discount_rule_products rp
               where not exists (select 1 from discount_condition c
                                 join discount_condition_product cp on cp.condition_id = c.id
                                 where c.discount_rule_id = rp.discount_rule_id and c.type = 'products'
                                   and c.operator = 'in' and cp.product_id = rp.product_id))::int as n`,
    );
    return rows[0].n;
  },

  async run(ctx: DataStepContext) {
    if (ctx.dryRun) return { rowsAffected: 0, summary: `would create ${fmt(await step.estimate(ctx))} rows` };
    const conditions = await ctx.db.query(
      `insert into discount_condition (id, type, operator, discount_rule_id)
       select 'discon_' || replace(gen_random_uuid()::text, '-', ''), 'products', 'in', m.id
       from (${missingConditions}) m
       on conflict (type, operator, discount_rule_id) do nothing`,
    );
    const products = await ctx.db.query(
      `insert into discount_condition_product (product_id, condition_id)
       select m.product_id, m.condition_id from (${missingProducts}) m
       on conflict do nothing`,
    );

    const wrong = await mismatches(ctx.db);
    if (wrong.length > 0) {
      const list = wrong.slice(0, 5).map((m) => `${m.rule_id} (${m.copied} of ${m.expected} products)`);
      throw new Error(
        `discount conditions do not match discount_rule_products for ${wrong.length} rule(s): ${list.join(', ')}` +
          `${wrong.length > 5 ? ', …' : ''}. Nothing was changed; check discount_condition for these rules.`,
      );
    }
    const { rows } = await ctx.db.query<{ rules: number; pairs: number }>(
      `select count(distinct discount_rule_id)::int as rules, count(*)::int as pairs from discount_rule_products`,
    );
    const verified = `verified ${fmt(rows[0].rules)} rules, ${fmt(rows[0].pairs)} rule products`;
    const changed = conditions.rowCount + products.rowCount;
    if (changed === 0) return { rowsAffected: 0, summary: `conditions already in place; ${verified}; nothing to do` };
    return {
      rowsAffected: changed,
      summary: `created ${fmt(conditions.rowCount)} product conditions with ${fmt(products.rowCount)} products; ${verified}`,
    };
  },
};

export default step;
