// 1.8.0: stock moves from product_variant.inventory_quantity to the inventory tables. Every
// variant whose stock is managed (manage_inventory, not deleted) gets one inventory_item (its SKU
// and customs attributes copied), the link to it, and an inventory_level at the default stock
// location (created if there is none) holding stocked_quantity = inventory_quantity. Variants are
// walked in batches; item, link and level of a variant are written in the same batch transaction,
// so a stopped run leaves no half-made items and the next run skips variants that have their item.
//
// 2.0.0 drops inventory_quantity. If that happened before this step ran (migrations applied by
// another tool), the quantities are gone: the preflight says so before anything runs, and the step
// still creates the items, with stocked quantity 0, and says that in its summary.
import type { DataStep, DataStepContext, Queryable } from '../../src/core/data-step.js';

const LOCATION_NAME = 'Default Location';
// NOT EXISTS rather than NOT IN: an anti-join on the link's variant index, so each keyset batch
// stays cheap however many variants are already done
const variantsWithoutItem =
  'manage_inventory and deleted_at is null and not exists (select 1 from product_variant_inventory_item l ' +
  'where l.variant_id = product_variant.id and l.deleted_at is null)';

async function hasQuantityColumn(db: Queryable): Promise<boolean> {
  const { rows } = await db.query<{ present: boolean }>(
    `select exists (select 1 from pg_attribute
                    where attrelid = 'product_variant'::regclass and attname = 'inventory_quantity'
                      and not attisdropped) as present`,
  );
  return rows[0].present;
}

async function findLocation(db: Queryable): Promise<string | null> {
  const { rows } = await db.query<{ id: string }>(
    'select id from stock_location where deleted_at is null order by created_at, id limit 1',
  );
  return rows[0]?.id ?? null;
}

async function countVariants(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>(`select count(*)::int as n from product_variant where ${variantsWithoutItem}`);
  return rows[0].n;
}

const fmt = (n: number) => n.toLocaleString('en-US');

const step: DataStep = {
  title: 'Create inventory items from variant stock',
  description:
    'For every variant with managed inventory: an inventory item (SKU copied), linked to the variant, ' +
    `with a level at "${LOCATION_NAME}" whose stocked quantity is the variant's inventory_quantity. ` +
    'Batched and resumable: variants that already have an item are skipped.',

  async preflight(ctx: DataStepContext) {
    const warnings: string[] = [];
    const pending = await countVariants(ctx.db);
    if (pending > 0 && !(await hasQuantityColumn(ctx.db))) {
      warnings.push(
        `product_variant.inventory_quantity no longer exists: 2.0.0's migration was applied without ` +
          `1.8.0's data step, so the stock quantities of ${fmt(pending)} managed variants are already lost. ` +
          'This step will create their inventory items with stocked quantity 0. To keep the real ' +
          'quantities, stop now and restore a backup taken before 2.0.0 was applied, then upgrade from there.',
      );
    }
    const { rows } = await ctx.db.query<{ n: number }>(
      `select count(*)::int as n from product_variant v
       where v.manage_inventory and v.deleted_at is null
         and not exists (select 1 from product_variant_inventory_item l where l.variant_id = v.id and l.deleted_at is null)
         and exists (select 1 from inventory_item i where i.sku = v.sku)`,
    );
    if (rows[0].n > 0) {
      warnings.push(
        `${fmt(rows[0].n)} managed variants have a SKU already used by an inventory item that is not linked ` +
          'to them; the step will stop on them (unique SKU). Link those items to their variants or change the SKUs first.',
      );
    }
    return warnings;
  },

  async estimate(ctx: DataStepContext) {
    return (await countVariants(ctx.db)) + ((await findLocation(ctx.db)) ? 0 : 1);
  },

  async run(ctx: DataStepContext) {
    const withQuantities = await hasQuantityColumn(ctx.db);
    if (ctx.dryRun) return { rowsAffected: 0, summary: `would create ${fmt(await countVariants(ctx.db))} inventory items` };

    let locationId = await findLocation(ctx.db);
    let created = 0;
    if (!locationId) {
      const { rows } = await ctx.db.query<{ id: string }>(
        `insert into stock_location (id, name) values ('sloc_' || replace(gen_random_uuid()::text, '-', ''), $1) returning id`,
        [LOCATION_NAME],
      );
      locationId = rows[0].id;
      created = 1;
    }

    const quantity = withQuantities ? 'pv.inventory_quantity' : '0';
    let stocked = 0;
    const items = await ctx.batches<string>({ table: 'product_variant', where: variantsWithoutItem }, async (batch) => {
      // JIT would compile this statement anew for every batch: a second each, for nothing
      await batch.db.query('set local jit = off');
      // Ids are drawn once per variant (MATERIALIZED) so item, link and level agree. The batch's
      // keys drive the lookups (OFFSET 0 and a scalar subquery keep them index probes, even when
      // the tables were never analyzed), so a batch costs the same however many are done.
      const { rows } = await batch.db.query<{ items: number; stocked: string }>(
        `with v as materialized (
           select pv.*, ${quantity} as qty, 'iitem_' || replace(gen_random_uuid()::text, '-', '') as item_id
           from unnest($1::text[]) as batch(id)
           cross join lateral (select * from product_variant p where p.id = batch.id offset 0) pv
           where pv.manage_inventory and pv.deleted_at is null
             and (select true from product_variant_inventory_item l
                  where l.variant_id = pv.id and l.deleted_at is null limit 1) is null
         ),
         item as (
           insert into inventory_item (id, sku, origin_country, hs_code, mid_code, material, weight, length, height, width)
           select item_id, sku, origin_country, hs_code, mid_code, material, weight, length, height, width from v
           returning id
         ),
         link as (
           insert into product_variant_inventory_item (id, inventory_item_id, variant_id, required_quantity)
           select 'pvitem_' || replace(gen_random_uuid()::text, '-', ''), item_id, id, 1 from v
         ),
         level as (
           insert into inventory_level (id, inventory_item_id, location_id, stocked_quantity)
           select 'ilev_' || replace(gen_random_uuid()::text, '-', ''), item_id, $2, qty from v
         )
         select (select count(*) from item)::int as items, coalesce((select sum(qty) from v), 0)::bigint as stocked`,
        [batch.keys, locationId],
      );
      stocked += Number(rows[0].stocked);
      return rows[0].items;
    });

    if (items + created === 0) {
      return { rowsAffected: 0, summary: 'every managed variant already has an inventory item; nothing to do' };
    }
    const where = `${created ? `a new "${LOCATION_NAME}"` : 'the default stock location'}`;
    const summary = withQuantities
      ? `created ${fmt(items)} inventory items with levels at ${where}, ${fmt(stocked)} units in stock copied from the variants`
      : `created ${fmt(items)} inventory items at ${where} with stocked quantity 0: product_variant.inventory_quantity ` +
        'was already dropped, restore the quantities from a backup taken before 2.0.0';
    if (!withQuantities) ctx.log.warn(summary);
    return { rowsAffected: items + created, summary };
  },
};

export default step;
