// 1.7.1, a data-only release, on a database that has been running 1.4.0 for a while.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { upgrade } from '../../src/api.js';
import { fillAt140 } from '../fixtures/fill-1.4.0.js';
import { assertGiftCardRates, count, giftCardRates } from './assertions.js';
import { filledAt, type ReleaseDb } from './release-db.js';

const STEP = '1.7.1/gift-card-tax-rate.ts';

describe('1.7.1 on a filled 1.4.0 database', () => {
  let r: ReleaseDb;
  let before: Map<string, number | null>;

  beforeAll(async () => {
    ({ r } = await filledAt('1.4.0'));
    await fillAt140(r.db);
    before = await giftCardRates(r.t);
  });
  afterAll(() => r?.close());

  it('gives every gift card without a rate its region’s rate, as estimated, and leaves the others', async () => {
    const nulls = [...before.values()].filter((rate) => rate === null).length;
    expect(nulls).toBeGreaterThan(500);
    const preview = await upgrade(r.db, r.catalog, { to: '1.7.1', mode: 'dry-run' });
    expect(preview.outcomes.map((o) => [o.step.id, o.rows])).toEqual([[STEP, nulls]]);

    const summary = await r.upgradeTo('1.7.1');
    expect(summary.outcomes.map((o) => [o.step.id, o.rows])).toEqual([[STEP, nulls]]);
    await assertGiftCardRates(r.t, before);
    expect(await count(r.t, 'select 1 from gift_card where tax_rate in (12.5, 7.5)')).toBe(before.size - nulls);
  });

  it('a second run changes nothing and says so', async () => {
    expect(await r.rerun(STEP)).toEqual({ rowsAffected: 0, summary: expect.stringMatching(/nothing to do/) });
    await assertGiftCardRates(r.t, before);
  });
});
