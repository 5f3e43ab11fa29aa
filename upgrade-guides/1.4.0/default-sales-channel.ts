// 1.4.0, between the expand migration (0002) and the contract (0003, cart.sales_channel_id NOT
// NULL): from 1.4.0 on, a product is only sold in the channels it is linked to and every cart
// belongs to a channel. Existing data gets the "Default Sales Channel" (created if missing, made
// the store's default): products without any channel are linked to it, carts without one get it.
// Products already in a channel are left as they are. Products and carts are walked in batches,
// each committed on its own, so a big catalogue is never locked for long and a stopped run
// resumes where it was.
import type { DataStep, DataStepContext, Queryable } from '../../src/core/data-step.js';

const CHANNEL_NAME = 'Default Sales Channel';
// correlated (anti-join on the link's index) so each keyset batch stays cheap on a big catalogue
const productsWithoutChannel = 'not exists (select 1 from product_sales_channel l where l.product_id = product.id)';
const cartsWithoutChannel = 'sales_channel_id is null';

/** The channel to use: the store's default if set, else an existing one by that name. */
async function findChannel(db: Queryable): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    `select id from (
       select 1 as preference, default_sales_channel_id as id, created_at from store
       where default_sales_channel_id is not null
       union all
       select 2, id, created_at from sales_channel where name = $1 and deleted_at is null
     ) c order by preference, created_at, id limit 1`,
    [CHANNEL_NAME],
  );
  return rows[0]?.id ?? null;
}

interface Missing {
  channel: number;
  stores: number;
  products: number;
  carts: number;
}

async function countMissing(db: Queryable): Promise<Missing> {
  const { rows } = await db.query<Omit<Missing, 'channel'>>(
    `select (select count(*) from store where default_sales_channel_id is null)::int as stores,
            (select count(*) from product where ${productsWithoutChannel})::int as products,
            (select count(*) from cart where ${cartsWithoutChannel})::int as carts`,
  );
  return { channel: (await findChannel(db)) ? 0 : 1, ...rows[0] };
}

const total = (m: Missing) => m.channel + m.stores + m.products + m.carts;
const fmt = (n: number) => n.toLocaleString('en-US');

const step: DataStep = {
  title: 'Put existing products and carts in the Default Sales Channel',
  description:
    `Creates "${CHANNEL_NAME}" if the store has no default channel, links every product that is in ` +
    'no channel to it and sets it on every cart without a channel, in batches. Required before ' +
    'cart.sales_channel_id becomes NOT NULL.',

  async estimate(ctx: DataStepContext) {
    return total(await countMissing(ctx.db));
  },

  async run(ctx: DataStepContext) {
    if (ctx.dryRun) {
      const m = await countMissing(ctx.db);
      return { rowsAffected: 0, summary: `would link ${fmt(m.products)} products and ${fmt(m.carts)} carts` };
    }
    let channelId = await findChannel(ctx.db);
    let created = 0;
    if (!channelId) {
      const { rows } = await ctx.db.query<{ id: string }>(
        `insert into sales_channel (id, name, description)
         values ('sc_' || replace(gen_random_uuid()::text, '-', ''), $1, 'Created by the 1.4.0 upgrade')
         returning id`,
        [CHANNEL_NAME],
      );
      channelId = rows[0].id;
      created = 1;
    }
    const stores = await ctx.db.query(
      'update store set default_sales_channel_id = $1 where default_sales_channel_id is null',
      [channelId],
    );

    const products = await ctx.batches<string>({ table: 'product', where: productsWithoutChannel }, async (batch) => {
      const r = await batch.db.query(
        `insert into product_sales_channel (product_id, sales_channel_id)
         select p.id, $2 from product p
         where p.id = any($1::text[]) and not exists (select 1 from product_sales_channel l where l.product_id = p.id)
         on conflict do nothing`,
        [batch.keys, channelId],
      );
      return r.rowCount;
    });
    const carts = await ctx.batches<string>({ table: 'cart', where: cartsWithoutChannel }, async (batch) => {
      const r = await batch.db.query(
        'update cart set sales_channel_id = $2 where id = any($1::text[]) and sales_channel_id is null',
        [batch.keys, channelId],
      );
      return r.rowCount;
    });

    const changed = created + stores.rowCount + products + carts;
    if (changed === 0) {
      return { rowsAffected: 0, summary: 'every product and cart already has a sales channel; nothing to do' };
    }
    const parts = [
      created ? `created "${CHANNEL_NAME}"` : `used the existing default channel`,
      stores.rowCount ? 'set it as the store default' : null,
      `linked ${fmt(products)} products`,
      `set it on ${fmt(carts)} carts`,
    ];
    return { rowsAffected: changed, summary: parts.filter(Boolean).join(', ') };
  },
};

export default step;
