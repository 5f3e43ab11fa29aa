// 1.7.1: from 1.7.1 a gift card is taxed at the rate stored on the card (the rate when it was
// sold), not at the region's current rate. Cards sold earlier have none: give them their region's
// rate, which is what they were taxed at until now. Cards that already have a rate are untouched.
// Gift cards are few next to orders, so one statement in the step's transaction is enough.
import type { DataStep, DataStepContext } from '../../src/core/data-step.js';

const fmt = (n: number) => n.toLocaleString('en-US');

const step: DataStep = {
  title: "Set gift cards' tax rate from their region",
  description: "Copies region.tax_rate to every gift card whose tax_rate is null.",

  async estimate(ctx: DataStepContext) {
    const { rows } = await ctx.db.query<{ n: number }>(
      'select count(*)::int as n from gift_card g join region r on r.id = g.region_id where g.tax_rate is null',
    );
    return rows[0].n;
  },

  async run(ctx: DataStepContext) {
    if (ctx.dryRun) return { rowsAffected: 0, summary: `would set the tax rate of ${fmt(await step.estimate(ctx))} gift cards` };
    const r = await ctx.db.query(
      `update gift_card g set tax_rate = r.tax_rate, updated_at = now()
       from region r where r.id = g.region_id and g.tax_rate is null`,
    );
    if (r.rowCount === 0) return { rowsAffected: 0, summary: 'every gift card already has a tax rate; nothing to do' };
    return { rowsAffected: r.rowCount, summary: `set the tax rate of ${fmt(r.rowCount)} gift cards from their region` };
  },
};

export default step;
