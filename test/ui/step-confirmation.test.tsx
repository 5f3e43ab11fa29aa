import { afterEach, describe, expect, it } from 'vitest';
import { deferred, fakeSession, type FakeSessionOptions } from './fake-session.js';
import { KEY, flat, overwide, renderWizardInTerminal, type TerminalOptions } from './terminal.js';

const mounted: { unmount(): void }[] = [];
afterEach(() => mounted.splice(0).forEach((t) => t.unmount()));

/** opens the wizard and presses enter on the plan: the first question is on screen */
async function atFirstQuestion(options: FakeSessionOptions = {}, terminal: TerminalOptions = {}) {
  const session = fakeSession(options);
  const t = renderWizardInTerminal(session, terminal);
  mounted.push(t);
  await t.waitFor('enter start');
  await t.press(KEY.enter);
  await t.waitFor('this step?');
  return { session, t };
}

/** only release 2.0.0 is left: its one step drops a column */
const DESTRUCTIVE_ONLY: FakeSessionOptions = { plan: { from: '1.8.0', databaseVersion: '1.8.0' } };

describe('the question before each step', () => {
  it('shows the step, its size and warnings, and the keys', async () => {
    const { t } = await atFirstQuestion();
    const frame = t.frame();
    expect(frame).toContain('Step 1 of 9 · release 1.3.0 · migration 0001_discount_conditions');
    expect(frame).toContain('3 statements');
    expect(frame).toContain('⚠ long lock: CREATE INDEX without CONCURRENTLY');
    expect(frame).toContain('y apply · n stop here · a apply all remaining · s show SQL · q quit');
    expect(overwide(frame)).toEqual([]);
  });

  it('y applies the step and asks about the next one', async () => {
    const { session, t } = await atFirstQuestion();
    await t.press('y');
    const frame = await t.waitFor('Step 2 of 9');
    expect(session.decisions).toEqual([{ step: '0001_discount_conditions', decision: 'apply' }]);
    expect(frame).toMatch(/✔ migration 0001_discount_conditions \(1\.3\.0\) · 3 statements · 1\.5s/);
    expect(frame).toContain('Adjustments for discounted order lines');
    expect(frame).toContain('~1,204 rows (estimated)');
    expect(frame).toContain('s show details');
  });

  it('n stops before the step: exit 0, and the summary says how to continue', async () => {
    const { session, t } = await atFirstQuestion();
    await t.press('y', 'n');
    expect(await t.exited).toBe(0);
    const frame = flat(t.frame());
    expect(session.decisions.map((d) => d.decision)).toEqual(['apply', 'stop']);
    expect(frame).toContain('Applied 1 of 9 steps');
    expect(frame).toContain('Stopped before data step 1.3.0/line-item-adjustments.ts (release 1.3.0), as you asked.');
    expect(frame).toContain('The database is at 1.0.0; the code is at 2.0.0.');
    expect(frame).toContain('To continue: stepwise (it resumes at data step 1.3.0/line-item-adjustments.ts)');
  });

  it('q quits at the question: exit 130', async () => {
    const { session, t } = await atFirstQuestion();
    await t.press('q');
    expect(await t.exited).toBe(130);
    expect(session.decisions).toEqual([{ step: '0001_discount_conditions', decision: 'quit' }]);
    expect(flat(t.frame())).toContain('Quit before migration 0001_discount_conditions (release 1.3.0).');
  });

  it('Ctrl-C at the question quits like q', async () => {
    const { session, t } = await atFirstQuestion();
    await t.press(KEY.ctrlC);
    expect(await t.exited).toBe(130);
    expect(session.decisions.at(-1)?.decision).toBe('quit');
  });

  it('a applies all remaining steps without asking, until a step that loses data', async () => {
    const { session, t } = await atFirstQuestion();
    await t.press('a');
    const frame = flat(await t.waitFor('type product_variant'));
    expect(frame).toContain('"Apply all" stops here: this step loses data.');
    expect(frame).toContain('Step 9 of 9 · release 2.0.0 · migration 0005_drop_inventory_quantity');
    expect(frame).toContain('✗ data loss: drops column inventory_quantity of product_variant (1,204 non-null values)');
    expect(session.decisions).toHaveLength(8);
    expect(session.decisions.every((d) => d.decision === 'apply')).toBe(true);
    await t.type('product_variant');
    await t.press(KEY.enter);
    expect(await t.exited).toBe(0);
    expect(session.decisions).toHaveLength(9);
    expect(session.decisions.at(-1)).toEqual({ step: '0005_drop_inventory_quantity', decision: 'apply' });
    expect(flat(t.frame())).toContain('Applied 9 of 9 steps');
  });

  it('s shows the SQL statement by statement; esc and s go back to the question', async () => {
    const { session, t } = await atFirstQuestion({}, { rows: 40 });
    await t.press('s');
    let frame = await t.waitFor('-- statement 1 of 3');
    expect(frame).toContain('CREATE TABLE "line_item_adjustment" (');
    expect(frame).toContain('"item_id" text NOT NULL,');
    expect(frame).toContain('-- statement 3 of 3');
    expect(frame).toContain('esc back to the question');
    await t.press(KEY.escape);
    frame = await t.waitFor('Apply this step?');
    expect(frame).not.toContain('-- statement 1 of 3');
    await t.press('s');
    await t.waitFor('-- statement 1 of 3');
    await t.press('s');
    await t.waitFor('Apply this step?');
    expect(session.decisions).toEqual([]);
  });

  it('s marks statements that run outside a transaction', async () => {
    const { t } = await atFirstQuestion({ plan: { from: '1.3.0', databaseVersion: '1.3.0' } }, { rows: 40 });
    await t.press('y', 'y');
    await t.waitFor('Step 3 of 6');
    expect(t.frame()).toContain('2 statements · 1 outside a transaction');
    await t.press('s');
    const frame = await t.waitFor('-- statement 2 of 2');
    expect(frame).toContain('-- runs outside a transaction');
    expect(frame).toContain('CREATE INDEX CONCURRENTLY');
  });

  it('long SQL scrolls in the details view of a small terminal', async () => {
    const { t } = await atFirstQuestion({}, { rows: 12 });
    const before = t.stdout.frames.length;
    await t.press('s');
    let frame = await t.waitFor(/lines 1–\d+ of \d+/);
    expect(frame).not.toContain('-- statement 3 of 3');
    // the live area, below the run's header in the history, stays shorter than the terminal, in
    // every frame: the first one is drawn before the view has measured itself
    const live = (text: string) => text.slice(text.indexOf('migration 0001_discount_conditions (release 1.3.0)')).replace(/\n$/, '');
    for (const written of t.stdout.frames.slice(before)) expect(live(written).split('\n').length).toBeLessThan(12);
    await t.press(KEY.pageDown, KEY.pageDown);
    frame = t.frame();
    expect(frame).toContain('-- statement 3 of 3');
    expect(frame).not.toContain('-- statement 1 of 3');
  });

  it('s on a data step shows what it does and its estimate', async () => {
    const { t } = await atFirstQuestion();
    await t.press('y');
    await t.waitFor('Step 2 of 9');
    await t.press('s');
    const frame = flat(await t.waitFor('file: upgrade-guides/1.3.0/line-item-adjustments.ts'));
    expect(frame).toContain('Creates one line_item_adjustment per discounted line of every order');
    expect(frame).toContain('Rows: about 1,204 rows, estimated on this database.');
  });
});

describe('typed confirmation of a step that loses data', () => {
  it('y asks for the table name; a wrong name is refused and nothing runs', async () => {
    const { session, t } = await atFirstQuestion(DESTRUCTIVE_ONLY);
    await t.press('y');
    let frame = flat(await t.waitFor('type product_variant'));
    expect(frame).toContain('This step loses data. To apply it, type product_variant and press enter (esc to go back):');
    await t.type('product');
    await t.press(KEY.enter);
    frame = flat(await t.waitFor('is not product_variant'));
    expect(frame).toContain('"product" is not product_variant: the step was not applied.');
    expect(session.decisions).toEqual([]);
    await t.press(KEY.enter);
    expect(flat(t.frame())).toContain('Nothing typed');
    expect(session.decisions).toEqual([]);
  });

  it('the right name, after a backspace fixed a typo, applies it', async () => {
    const { session, t } = await atFirstQuestion(DESTRUCTIVE_ONLY);
    await t.press('y');
    await t.waitFor('type product_variant');
    await t.type('product_variantt');
    await t.press(KEY.backspace);
    expect(t.frame()).toContain('> product_variant');
    await t.press(KEY.enter);
    expect(await t.exited).toBe(0);
    expect(session.decisions).toEqual([{ step: '0005_drop_inventory_quantity', decision: 'apply' }]);
    expect(t.frame()).toContain('release 2.0.0 complete: the database is at 2.0.0');
  });

  it('a pasted name with its enter in one chunk applies it', async () => {
    const { session, t } = await atFirstQuestion(DESTRUCTIVE_ONLY);
    await t.press('y');
    await t.waitFor('type product_variant');
    await t.press('product_variant\r');
    expect(await t.exited).toBe(0);
    expect(session.decisions).toEqual([{ step: '0005_drop_inventory_quantity', decision: 'apply' }]);
  });

  it('esc goes back to the question, where n still stops', async () => {
    const { session, t } = await atFirstQuestion(DESTRUCTIVE_ONLY);
    await t.press('y');
    await t.waitFor('type product_variant');
    await t.press(KEY.escape);
    await t.waitFor('Apply this step?');
    await t.press('n');
    expect(await t.exited).toBe(0);
    expect(session.decisions).toEqual([{ step: '0005_drop_inventory_quantity', decision: 'stop' }]);
  });

  it('typing y, n, a, s or q into the name does not answer the question', async () => {
    const { session, t } = await atFirstQuestion(DESTRUCTIVE_ONLY);
    await t.press('a');
    await t.waitFor('type product_variant');
    await t.type('nasqy');
    expect(t.frame()).toContain('> nasqy');
    expect(session.decisions).toEqual([]);
  });
});

describe('Ctrl-C while a step runs', () => {
  it('first press asks the session to stop after the step: interrupted, exit 130', async () => {
    const hold = deferred();
    const { session, t } = await atFirstQuestion({ stoppable: true, steps: { '0001_discount_conditions': { hold } } });
    await t.press('y');
    await t.waitFor('step 1 of 9');
    await t.press(KEY.ctrlC);
    expect(session.stopped).toBe(true);
    expect(flat(t.frame())).toContain('Stopping: this step finishes or rolls back, then the run ends');
    hold.release();
    expect(await t.exited).toBe(130);
    expect(session.decisions.map((d) => d.decision)).toEqual(['apply']);
    const words = flat(t.frame());
    expect(words).toContain('✔ migration 0001_discount_conditions');
    expect(words).toContain('Interrupted at data step 1.3.0/line-item-adjustments.ts (release 1.3.0).');
    expect(words).toContain('To continue: stepwise');
  });

  it('without stop() in the session, the next question is answered quit', async () => {
    const hold = deferred();
    const { session, t } = await atFirstQuestion({ steps: { '0001_discount_conditions': { hold } } });
    await t.press('y');
    await t.waitFor('step 1 of 9');
    await t.press(KEY.ctrlC);
    expect(flat(t.frame())).toContain('Stopping: this step finishes or rolls back');
    hold.release();
    expect(await t.exited).toBe(130);
    expect(session.decisions.map((d) => d.decision)).toEqual(['apply', 'quit']);
    expect(flat(t.frame())).toContain('Quit before data step 1.3.0/line-item-adjustments.ts');
  });

  it('a second press quits at once', async () => {
    const hold = deferred();
    const { t } = await atFirstQuestion({ steps: { '0001_discount_conditions': { hold } } });
    await t.press('y');
    await t.waitFor('step 1 of 9');
    await t.press(KEY.ctrlC, KEY.ctrlC);
    expect(await t.exited).toBe(130);
    expect(flat(t.frame())).toContain('Quit during migration 0001_discount_conditions');
    hold.release();
  });
});
