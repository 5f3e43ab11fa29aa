// 1.4.0's expand → backfill → contract on a database full of carts, stopped in the middle of the
// backfill (with the 1.3 shop still taking carts meanwhile) and resumed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upgrade } from '../../src/api.js';
import { assertSalesChannels, count } from './assertions.js';
import { afterBatches, interruptWhen } from './interrupt.js';
import { filledAt, type ReleaseDb } from './release-db.js';

const BACKFILL = '1.4.0/default-sales-channel.ts';

describe('1.4.0 on a filled 1.3.0 database', () => {
  let r: ReleaseDb;
  let products: number;
  let carts: number;

  beforeAll(async () => {
    ({ r } = await filledAt('1.3.0'));
    products = await count(r.t, 'select 1 from product');
    carts = await count(r.t, 'select 1 from cart');
  });
  afterAll(() => r?.close());

  it('a backfill stopped after two batches keeps what it committed and nothing else', async () => {
    const summary = await upgrade(r.db, r.catalog, { to: '1.4.0', batchSize: 250, ...interruptWhen(afterBatches(BACKFILL, 2, 250)) });
    expect(summary.stoppedAt?.step.id).toBe(BACKFILL);
    expect(summary.stoppedAt?.why).toBe('interrupted');
    expect(summary.databaseVersion).toBe('1.3.0');
    expect(await count(r.t, 'select 1 from sales_channel')).toBe(1);
    expect(await count(r.t, 'select 1 from product_sales_channel')).toBe(500);
    expect(await count(r.t, 'select 1 from cart where sales_channel_id is null')).toBe(carts);
  });

  it('resumed, it links the rest (also a cart the 1.3 shop took meanwhile) and then requires a channel', async () => {
    await r.t.query(`insert into cart (id, email, region_id) select 'cart_01LATE', 'late@mail.test', id from region limit 1`);
    const summary = await r.upgradeTo('1.4.0', { batchSize: 250 });
    expect(summary.outcomes.map((o) => o.step.id)).toEqual([BACKFILL, '0003_sales_channel_required']);
    expect(summary.outcomes[0].rows).toBe(products - 500 + carts + 1);
    expect(summary.outcomes[0].summary).toMatch(/used the existing default channel, linked 1,000 products, set it on 4,501 carts/);

    const channel = await assertSalesChannels(r.t);
    expect(await count(r.t, 'select 1 from product_sales_channel where sales_channel_id = $1', [channel])).toBe(products);
    expect(await count(r.t, 'select 1 from sales_channel')).toBe(1);
    expect(await count(r.t, "select 1 from cart where id = 'cart_01LATE' and sales_channel_id = $1", [channel])).toBe(1);
    await expect(r.t.query("insert into cart (id, region_id) select 'cart_01NOCHANNEL', id from region limit 1")).rejects.toMatchObject({
      code: '23502',
    });
  });

  it('a second run changes nothing and says so', async () => {
    expect(await r.rerun(BACKFILL)).toEqual({ rowsAffected: 0, summary: expect.stringMatching(/nothing to do/) });
    await assertSalesChannels(r.t);
  });
});
