import { describe, expect, it } from 'vitest';
import { caretView } from '../../src/ui/caret.js';
import { exitCodeForSummary } from '../../src/ui/exit-code.js';
import { firstLine, formatClock, formatCount, formatDuration } from '../../src/ui/format.js';
import { applyCommand, continueCommand, explainState } from '../../src/ui/state-explanation.js';
import { confirmationWord, stepSize } from '../../src/ui/step-facts.js';
import type { RunSummary } from '../../src/run/events.js';
import { DROP_WARNING, buildPlan } from './fake-session.js';

describe('caretView', () => {
  it('puts the caret under the character at a 1-based position on a later line', () => {
    const sql = 'ALTER TABLE "cart"\n  ALTER COLUMN "sales_channel_id" SET NOT NULL;';
    const view = caretView(sql, 35, 76);
    expect(view.lines).toEqual(['ALTER TABLE "cart"', '  ALTER COLUMN "sales_channel_id" SET NOT NULL;']);
    expect(view.caretLine).toBe(1);
    expect(view.lines[1][view.caretColumn]).toBe('"');
    expect(view.lines[1].slice(view.caretColumn)).toMatch(/^"sales_channel_id"/);
  });

  it('position 1 is the first character', () => {
    expect(caretView('SELECT 1', 1, 40)).toMatchObject({ caretLine: 0, caretColumn: 0 });
  });

  it('shows two lines before and one after the failing line only', () => {
    const sql = ['a1', 'a2', 'a3', 'a4', 'bad', 'a6', 'a7'].join('\n');
    const view = caretView(sql, sql.indexOf('bad') + 1, 40);
    expect(view.lines).toEqual(['a3', 'a4', 'bad', 'a6']);
    expect(view.caretLine).toBe(2);
  });

  it('scrolls a long line sideways so the caret stays within the width', () => {
    const sql = `SELECT ${'x, '.repeat(60)}oops FROM t`;
    const position = sql.indexOf('oops') + 1;
    const view = caretView(sql, position, 40);
    expect(view.lines[0].length).toBeLessThanOrEqual(40);
    expect(view.caretColumn).toBeLessThan(40);
    expect(view.lines[0].slice(view.caretColumn)).toMatch(/^oops/);
    expect(view.lines[0].startsWith('…')).toBe(true);
  });

  it('counts a tab as one column', () => {
    const view = caretView('SELECT\tbroken', 8, 40);
    expect(view.lines[0][view.caretColumn]).toBe('b');
  });
});

describe('format', () => {
  it('durations, clocks and counts', () => {
    expect(formatDuration(412)).toBe('412ms');
    expect(formatDuration(4230)).toBe('4.2s');
    expect(formatDuration(125_000)).toBe('2m 05s');
    expect(formatClock(64_900)).toBe('1:04');
    expect(formatCount(1204)).toBe('1,204');
  });

  it('firstLine shortens SQL to one line of the width', () => {
    expect(firstLine('CREATE TABLE a (\n id int\n);', 80)).toBe('CREATE TABLE a ( …');
    expect(firstLine('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });
});

describe('step facts', () => {
  const { plan, previews } = buildPlan();
  const byId = (id: string) => plan.steps.find((s) => s.id === id)!;
  const preview = (id: string) => previews[`${byId(id).kind}:${id}`];

  it('sizes: statements, statements outside a transaction, estimated or unknown rows', () => {
    expect(stepSize(byId('0001_discount_conditions'), preview('0001_discount_conditions'))).toBe('3 statements');
    expect(stepSize(byId('0003_sales_channel_required'), preview('0003_sales_channel_required'))).toBe(
      '2 statements · 1 outside a transaction',
    );
    expect(stepSize(byId('1.3.0/line-item-adjustments.ts'), preview('1.3.0/line-item-adjustments.ts'))).toBe('~1,204 rows (estimated)');
    expect(stepSize(byId('1.3.0/discount-conditions.ts'), preview('1.3.0/discount-conditions.ts'))).toBe(
      'rows unknown until earlier steps run',
    );
    expect(stepSize(byId('0001_discount_conditions'), undefined)).toBe('3 statements');
  });

  it('the word to type is the table losing data; none for a step without data loss', () => {
    expect(confirmationWord(byId('0005_drop_inventory_quantity'), preview('0005_drop_inventory_quantity'))).toBe('product_variant');
    expect(confirmationWord(byId('0001_discount_conditions'), preview('0001_discount_conditions'))).toBeNull();
    const noTable = { ...preview('0005_drop_inventory_quantity'), warnings: [{ ...DROP_WARNING, table: undefined }] };
    expect(confirmationWord(byId('0005_drop_inventory_quantity'), noTable)).toBe('0005_drop_inventory_quantity');
    const unknownCount = { ...preview('0005_drop_inventory_quantity'), warnings: [{ ...DROP_WARNING, affectedRows: null }] };
    expect(confirmationWord(byId('0005_drop_inventory_quantity'), unknownCount)).toBe('product_variant');
  });

  it('a drop counted and found empty needs no typed confirmation', () => {
    const empty = { ...preview('0005_drop_inventory_quantity'), warnings: [{ ...DROP_WARNING, affectedRows: 0 }] };
    expect(confirmationWord(byId('0005_drop_inventory_quantity'), empty)).toBeNull();
  });
});

describe('state explanation and commands', () => {
  it('explains a gap by naming the migration', () => {
    const { plan } = buildPlan({ reasons: { '0002_sales_channels': 'gap' } });
    expect(explainState(plan).join(' ')).toContain('There is a gap: 0002_sales_channels never ran');
  });

  it('the command to continue keeps --to and the mode', () => {
    const { plan } = buildPlan();
    expect(continueCommand(plan)).toBe('stepwise');
    expect(continueCommand({ ...plan, target: '1.8.0' })).toBe('stepwise upgrade --to 1.8.0');
    expect(continueCommand(plan, 'rehearse')).toBe('stepwise upgrade --rehearse');
    expect(applyCommand({ ...plan, target: '1.8.0' })).toBe('stepwise upgrade --to 1.8.0');
  });
});

describe('exit codes', () => {
  const { plan } = buildPlan();
  const step = plan.steps[0];
  const summary = (over: Partial<RunSummary>): RunSummary => ({
    mode: 'apply',
    outcomes: [],
    databaseVersion: '1.0.0',
    stoppedAt: null,
    durationMs: 1,
    ...over,
  });

  it('0 done or stopped with n, 1 failed, 130 quit or interrupted', () => {
    expect(exitCodeForSummary(summary({}))).toBe(0);
    expect(exitCodeForSummary(summary({ stoppedAt: { step, why: 'operator-stopped' } }))).toBe(0);
    expect(exitCodeForSummary(summary({ stoppedAt: { step, why: 'failed' } }))).toBe(1);
    expect(exitCodeForSummary(summary({ outcomes: [{ step, status: 'failed', rows: null, durationMs: 1 }] }))).toBe(1);
    expect(exitCodeForSummary(summary({ stoppedAt: { step, why: 'operator-quit' } }))).toBe(130);
    expect(exitCodeForSummary(summary({ stoppedAt: { step, why: 'interrupted' } }))).toBe(130);
  });
});
