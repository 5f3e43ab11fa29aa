import { afterEach, describe, expect, it } from 'vitest';
import { deferred, fakeSession, type FakeSessionOptions } from './fake-session.js';
import { KEY, flat, overwide, renderWizardInTerminal } from './terminal.js';

const mounted: { unmount(): void }[] = [];
afterEach(() => mounted.splice(0).forEach((t) => t.unmount()));

async function started(options: FakeSessionOptions = {}) {
  const session = fakeSession(options);
  const t = renderWizardInTerminal(session);
  mounted.push(t);
  await t.waitFor('enter start');
  await t.press(KEY.enter);
  return { session, t };
}

/** releases 1.8.0 and 2.0.0: a migration, a long data step, the destructive drop */
const FROM_1_7: FakeSessionOptions['plan'] = { from: '1.7.1', databaseVersion: '1.7.1' };

describe('running', () => {
  it('a migration shows a spinner, statement i/n with its SQL, and the elapsed time', async () => {
    const hold = deferred();
    const { t } = await started({
      plan: FROM_1_7,
      steps: {
        '0004_categories_inventory': {
          hold,
          events: (step) => [
            { type: 'statement', step, index: 1, total: 3, sql: 'CREATE TABLE "product_category" ("id" text PRIMARY KEY);' },
            { type: 'statement', step, index: 2, total: 3, sql: 'CREATE TABLE "inventory_item" (\n  "id" text PRIMARY KEY\n);' },
          ],
        },
      },
    });
    await t.waitFor('Apply this step?');
    await t.press('y');
    const frame = await t.waitFor('statement 2/3');
    expect(frame).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] migration 0004_categories_inventory · release 1\.8\.0 · step 1 of 3 0:0\d/);
    expect(frame).toContain('statement 2/3 CREATE TABLE "inventory_item" ( …');
    expect(overwide(frame)).toEqual([]);
    hold.release();
    await t.waitFor('Step 2 of 3');
  });

  it('a data step shows a progress bar with rows done of the total, retries and its log', async () => {
    const hold = deferred();
    const { t } = await started({
      plan: FROM_1_7,
      steps: {
        '1.8.0/inventory-items.ts': {
          hold,
          rows: 12040,
          summary: 'created 12,040 inventory items at Default Location',
          // a warning worded like the summary is said once
          events: (step) => [
            { type: 'progress', step, done: 3000, total: 12040 },
            { type: 'log', step, level: 'info', message: 'batch 3 of 13 committed' },
            { type: 'retry', step, attempt: 1, of: 3, waitMs: 1000, reason: 'a lock was not granted within 5000 ms' },
            { type: 'log', step, level: 'warn', message: '12 variants have a negative quantity: stocked as 0' },
            { type: 'progress', step, done: 6000, total: 12040 },
            { type: 'log', step, level: 'warn', message: 'created 12,040 inventory items at Default Location' },
          ],
        },
      },
    });
    await t.waitFor('Apply this step?');
    await t.press('y');
    await t.waitFor('Step 2 of 3');
    await t.press('y');
    const frame = await t.waitFor('6,000 / 12,040 rows');
    expect(frame).toContain('data step 1.8.0/inventory-items.ts · release 1.8.0 · step 2 of 3');
    expect(frame).toMatch(/█+░+ 6,000 \/ 12,040 rows 49%/);
    expect(frame).toContain('↻ retry 1 of 3 in 1.0s: a lock was not granted within 5000 ms');
    expect(frame).toContain('batch 3 of 13 committed');
    expect(frame).toContain('12 variants have a negative quantity');
    expect(overwide(frame)).toEqual([]);
    hold.release();
    const after = await t.waitFor('Step 3 of 3');
    // the finished steps stay above, with rows, duration, summary and warnings
    expect(after).toContain('✔ migration 0004_categories_inventory (1.8.0) · 3 statements · 1.5s');
    expect(after).toContain('✔ data step 1.8.0/inventory-items.ts (1.8.0) · 12,040 rows · 1.5s');
    expect(after.match(/created 12,040 inventory items at Default Location/g)).toHaveLength(1);
    expect(after).toContain('⚠ 12 variants have a negative quantity: stocked as 0');
    expect(after).toContain('release 1.8.0 complete: the database is at 1.8.0');
    expect(after).not.toContain('6,000 / 12,040');
  });

  it('progress without a known total counts rows', async () => {
    const hold = deferred();
    const { t } = await started({
      plan: FROM_1_7,
      steps: { '0004_categories_inventory': { hold, events: (step) => [{ type: 'progress', step, done: 250, total: null }] } },
    });
    await t.waitFor('Apply this step?');
    await t.press('y');
    await t.waitFor('250 rows done');
    hold.release();
  });
});

const NOT_NULL_FAILURE = {
  message: 'column "sales_channel_id" of relation "cart" contains null values',
  code: '23502',
  detail: 'Failing row contains (cart_01, null).',
  hint: 'Run the 1.4.0 data step that sets every cart\'s channel first.',
  statement: 'ALTER TABLE "cart"\n  ALTER COLUMN "sales_channel_id" SET NOT NULL;',
  // the "s" of "sales_channel_id" on the second line
  position: 19 + 16,
  statementIndex: 1,
};

describe('a failing step', () => {
  it('shows PostgreSQL\'s error with a caret under the position, the rollback and how to go on; exit 1', async () => {
    const { session, t } = await started({
      plan: { from: '1.3.0', databaseVersion: '1.3.0' },
      steps: { '0003_sales_channel_required': { fail: NOT_NULL_FAILURE } },
    });
    await t.waitFor('Apply this step?');
    await t.press('y', 'y', 'y');
    expect(await t.exited).toBe(1);
    const frame = t.frame();
    expect(session.decisions).toHaveLength(3);
    expect(frame).toContain('✗ migration 0003_sales_channel_required (release 1.4.0) failed');
    expect(frame).toContain('ERROR 23502: column "sales_channel_id" of relation "cart" contains null values');
    expect(frame).toContain('Detail: Failing row contains (cart_01, null).');
    expect(frame).toContain("Hint: Run the 1.4.0 data step that sets every cart's channel first.");
    expect(frame).toContain('Statement 1, at character 35:');
    const lines = frame.split('\n');
    const sqlLine = lines.findIndex((l) => l.includes('ALTER COLUMN "sales_channel_id" SET NOT NULL;'));
    expect(sqlLine).toBeGreaterThan(0);
    expect(lines[sqlLine - 1]).toContain('ALTER TABLE "cart"');
    const caret = lines[sqlLine + 1];
    expect(caret.trim()).toBe('^');
    expect(lines[sqlLine][caret.indexOf('^')]).toBe('"');
    expect(lines[sqlLine].slice(caret.indexOf('^'))).toMatch(/^"sales_channel_id"/);
    const words = flat(frame);
    expect(words).toContain('The step was rolled back: nothing of it was written.');
    expect(words).toContain('Fix the cause and run `stepwise` again: it resumes at this step.');
    expect(words).toContain('Stopped at migration 0003_sales_channel_required (release 1.4.0): it failed (see above).');
    expect(words).toContain('Applied 2 of 6 steps');
    expect(overwide(frame)).toEqual([]);
  });

  it('a failure without a statement (a data step) still names code and message', async () => {
    const { t } = await started({
      plan: FROM_1_7,
      steps: { '0004_categories_inventory': { fail: { message: 'permission denied for table product_variant', code: '42501' } } },
    });
    await t.waitFor('Apply this step?');
    await t.press('y');
    expect(await t.exited).toBe(1);
    expect(t.frame()).toContain('ERROR 42501: permission denied for table product_variant');
  });
});

describe('a data step stopped between batches', () => {
  it('is marked stopped, and the summary says where to resume; exit 130', async () => {
    const { t } = await started({
      plan: FROM_1_7,
      steps: { '1.8.0/inventory-items.ts': { interrupted: 'interrupted between batches; the batches done so far are committed' } },
    });
    await t.waitFor('Apply this step?');
    await t.press('y');
    await t.waitFor('Step 2 of 3');
    await t.press('y');
    expect(await t.exited).toBe(130);
    const frame = t.frame();
    expect(frame).toContain('– data step 1.8.0/inventory-items.ts (1.8.0) · 5.2s · interrupted');
    expect(frame).toMatch(/stopped\s+data step 1\.8\.0\/inventory-items\.ts 5\.2s/);
    const words = flat(frame);
    expect(words).toContain('interrupted between batches; the batches done so far are committed');
    expect(words).toContain('Interrupted at data step 1.8.0/inventory-items.ts (release 1.8.0).');
    expect(words).toContain('To continue: stepwise (it resumes at data step 1.8.0/inventory-items.ts)');
  });
});

describe('summary', () => {
  it('lists what ran with durations and rows, the new version, and exits by itself with 0', async () => {
    const { t } = await started({
      plan: FROM_1_7,
      steps: { '1.8.0/inventory-items.ts': { rows: 12040 } },
    });
    await t.waitFor('Apply this step?');
    await t.press('a');
    await t.waitFor('type product_variant');
    await t.type('product_variant');
    await t.press(KEY.enter);
    expect(await t.exited).toBe(0);
    const frame = t.frame();
    const words = flat(frame);
    expect(words).toContain('Summary Applied 3 of 3 steps in 9.4s, 12,040 rows changed.');
    expect(frame).toMatch(/applied\s+migration 0004_categories_inventory 1\.5s/);
    expect(frame).toMatch(/applied\s+data step 1\.8\.0\/inventory-items\.ts 12,040 rows · 1\.5s/);
    expect(words).toContain('The database is now at 2.0.0.');
    expect(words).not.toContain('To continue');
    expect(overwide(frame)).toEqual([]);
  });
});

describe('first install and the seed offer', () => {
  const SEED = { file: 'seed/seed.json', messages: ['inserting 2 regions', 'inserting 120 products'], result: 'Seeded 2 regions, 120 products, 1 user.' };
  const EMPTY: FakeSessionOptions['plan'] = { state: 'empty' };

  async function installed(options: FakeSessionOptions) {
    const ctx = await started(options);
    await ctx.t.waitFor('Apply this step?');
    await ctx.t.press('a');
    await ctx.t.waitFor('type product_variant');
    await ctx.t.type('product_variant');
    await ctx.t.press(KEY.enter);
    return ctx;
  }

  it('offers to seed after a completed first install; y seeds with a spinner and exits 0', async () => {
    const hold = deferred();
    const session = fakeSession({ plan: EMPTY, seed: SEED });
    const run = session.seed!.run;
    session.seed!.run = async (onMessage) => {
      onMessage('inserting 2 regions');
      await hold.promise;
      return run(onMessage);
    };
    const t = renderWizardInTerminal(session);
    mounted.push(t);
    await t.waitFor('enter start');
    await t.press(KEY.enter, 'a');
    await t.waitFor('type product_variant');
    await t.type('product_variant');
    await t.press(KEY.enter);
    const offer = flat(await t.waitFor('Seed the demo data'));
    expect(offer).toContain('This was a first install. Seed the demo data from seed/seed.json?');
    expect(offer).toContain('y seed it · n no, finish');
    expect(offer).toContain('The database is now at 2.0.0.');
    await t.press('y');
    const seeding = await t.waitFor('Seeding demo data from seed/seed.json');
    expect(seeding).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Seeding/);
    expect(seeding).toContain('inserting 2 regions');
    hold.release();
    expect(await t.exited).toBe(0);
    expect(session.seeded).toBe(true);
    expect(t.frame()).toContain('✔ Seeded 2 regions, 120 products, 1 user.');
  });

  it('a report of several lines is shown under a heading', async () => {
    const { t } = await installed({ plan: EMPTY, seed: { ...SEED, result: 'store      1 new\nregions    3 new\n' } });
    await t.waitFor('Seed the demo data');
    await t.press('y');
    expect(await t.exited).toBe(0);
    const lines = t.frame().split('\n');
    const heading = lines.findIndex((l) => l === '✔ Seeded the demo data from seed/seed.json:');
    expect(heading).toBeGreaterThan(0);
    expect(lines.slice(heading + 1, heading + 3)).toEqual(['  store      1 new', '  regions    3 new']);
  });

  it('n declines: nothing seeded, exit 0, and how to seed later', async () => {
    const { session, t } = await installed({ plan: EMPTY, seed: SEED });
    await t.waitFor('Seed the demo data');
    await t.press('n');
    expect(await t.exited).toBe(0);
    expect(session.seeded).toBe(false);
    expect(t.frame()).toContain('No demo data seeded. To seed later: `stepwise seed`.');
  });

  it('a failing seed says the schema is installed and exits 1', async () => {
    const { t } = await installed({ plan: EMPTY, seed: { ...SEED, error: new Error('seed/seed.json: regions[0].currency_code: required') } });
    await t.waitFor('Seed the demo data');
    await t.press('y');
    expect(await t.exited).toBe(1);
    expect(flat(t.frame())).toContain('Seeding failed: seed/seed.json: regions[0].currency_code: required. The schema is installed');
  });

  it('is not offered after an upgrade of a database that was not empty', async () => {
    const { t } = await installed({ plan: { state: 'behind' }, seed: SEED });
    expect(await t.exited).toBe(0);
    expect(t.frame()).not.toContain('Seed the demo data');
  });

  it('is not offered when the session has no seed file', async () => {
    const { t } = await installed({ plan: EMPTY, seed: null });
    expect(await t.exited).toBe(0);
    expect(t.frame()).not.toContain('Seed the demo data');
  });
});

describe('dry run and rehearsal', () => {
  it('a dry run asks nothing, previews every step with estimates, and says nothing was written', async () => {
    const { session, t } = await started({ mode: 'dry-run' });
    expect(await t.exited).toBe(0);
    const frame = t.frame();
    expect(session.decisions).toEqual([]);
    expect(frame).toContain('DRY RUN — nothing will be written');
    expect(frame).toContain('Previewing postgres://app:****@db.internal:5432/shop from 1.0.0 to 2.0.0');
    expect(frame).toContain('○ data step 1.3.0/line-item-adjustments.ts (1.3.0) · ~1,204 rows estimated');
    const words = flat(frame);
    expect(words).toContain('Previewed 9 of 9 steps');
    expect(words).toContain('Nothing was written: the database is still at 1.0.0.');
    expect(words).toContain('To apply it for real: stepwise upgrade');
    expect(overwide(frame)).toEqual([]);
    // what <Static> wrote is written once, also in the frame left when the wizard exits
    expect(frame.match(/Summary/g)).toHaveLength(1);
    expect(frame.match(/○ migration 0004_categories_inventory/g)).toHaveLength(1);
  });

  it('a rehearsal asks like a real run, marks steps rehearsed and says all was rolled back', async () => {
    const { t } = await started({ mode: 'rehearse', plan: FROM_1_7 });
    const question = flat(await t.waitFor('Rehearse this step?'));
    expect(question).toContain('y rehearse · n stop here · a rehearse all remaining');
    await t.press('a');
    await t.waitFor('type product_variant');
    expect(flat(t.frame())).toContain('To rehearse it, type product_variant');
    await t.type('product_variant');
    await t.press(KEY.enter);
    expect(await t.exited).toBe(0);
    const frame = t.frame();
    expect(frame).toContain('REHEARSAL — everything is rolled back at the end');
    expect(frame).toContain('↺ migration 0004_categories_inventory (1.8.0) · 3 statements · 1.5s · rehearsed');
    expect(frame).toContain('release 1.8.0 rehearsed');
    const words = flat(frame);
    expect(words).toContain('Rehearsed 3 of 3 steps');
    expect(words).toContain('Everything was rolled back: the database is still at 1.7.1.');
  });

  it('a failed rehearsal says a real run would fail too', async () => {
    const { t } = await started({ mode: 'rehearse', plan: FROM_1_7, steps: { '0004_categories_inventory': { fail: NOT_NULL_FAILURE } } });
    await t.waitFor('Rehearse this step?');
    await t.press('y');
    expect(await t.exited).toBe(1);
    const words = flat(t.frame());
    expect(words).toContain('The step was rolled back, and so is the whole rehearsal: nothing was written.');
    expect(words).toContain('rehearse again: `stepwise upgrade --rehearse`');
  });
});

describe('notices during the run', () => {
  it('are written above the live area', async () => {
    const session = fakeSession({ plan: FROM_1_7, mode: 'apply' });
    const run = session.run.bind(session);
    session.run = (decide, onEvent) =>
      run(decide, (event) => {
        onEvent(event);
        if (event.type === 'run-start') onEvent({ type: 'notice', message: 'lock_timeout is 5s; retried 3 times' });
      });
    const t = renderWizardInTerminal(session);
    mounted.push(t);
    await t.waitFor('enter start');
    await t.press(KEY.enter);
    const frame = await t.waitFor('Apply this step?');
    expect(frame).toContain('! lock_timeout is 5s; retried 3 times');
  });
});
