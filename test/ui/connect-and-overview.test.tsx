import { afterEach, describe, expect, it } from 'vitest';
import { deferred, fakeSession } from './fake-session.js';
import { KEY, flat, overwide, renderWizardInTerminal } from './terminal.js';

let mounted: ReturnType<typeof renderWizardInTerminal>[] = [];
const open = (...args: Parameters<typeof renderWizardInTerminal>) => {
  const t = renderWizardInTerminal(...args);
  mounted.push(t);
  return t;
};
afterEach(() => {
  for (const t of mounted) t.unmount();
  mounted = [];
});

describe('connect screen', () => {
  it('shows a spinner with the masked URL while the session opens', async () => {
    const opening = deferred();
    const session = fakeSession({ opening });
    const t = open(session);
    const frame = await t.waitFor('Connecting to PostgreSQL');
    expect(frame).toContain('postgres://app:****@db.internal:5432/shop');
    expect(frame).not.toContain('first open');
    expect(frame).toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
    opening.release();
    await t.waitFor('enter start');
  });

  it('says the first open of the embedded database takes a few seconds', async () => {
    const opening = deferred();
    const session = fakeSession({ opening, firstOpen: true, database: { kind: 'pglite', url: '.stepwise/pgdata' } });
    const t = open(session);
    const frame = await t.waitFor('Connecting to the embedded database');
    expect(frame).toContain('The first open of the embedded database takes a few seconds');
    opening.release();
  });

  it('rejects through the exit promise when opening fails, for the caller to report', async () => {
    const session = fakeSession({ openError: new Error('connection refused: postgres://app:****@db/shop') });
    const t = open(session);
    await expect(t.exited).rejects.toThrow('connection refused');
  });

  it('Ctrl-C while connecting quits with 130', async () => {
    const opening = deferred();
    const t = open(fakeSession({ opening }));
    await t.waitFor('Connecting');
    await t.press(KEY.ctrlC);
    expect(await t.exited).toBe(130);
    expect(t.frame()).toContain('nothing was changed');
  });
});

describe('overview per state', () => {
  it('empty: a first install of every release', async () => {
    const session = fakeSession({
      plan: { state: 'empty', notices: ['The database is empty: this is a first install of every release up to 2.0.0.'] },
    });
    const t = open(session);
    const frame = await t.waitFor('enter start');
    expect(frame).toContain('empty — first install');
    expect(frame).toContain('database none');
    expect(frame).toContain('this is a first install');
    expect(frame).toContain('4 releases, 9 steps to run');
  });

  it('behind: versions, target, and the plan as a timeline with sizes and warnings', async () => {
    const t = open(fakeSession({ plan: { state: 'behind', databaseVersion: '1.0.0' } }));
    const frame = await t.waitFor('enter start');
    expect(frame).toContain('code 2.0.0 · database 1.0.0 → target 2.0.0');
    expect(frame).toContain('State     behind — 4 releases, 9 steps to run');
    expect(frame).toContain('The database is at 1.0.0; the code is at 2.0.0.');
    expect(frame).toContain('◇ 1.3.0 Discount conditions (3 steps)');
    expect(frame).toMatch(/1\. migration\s+0001_discount_conditions/);
    expect(frame).toContain('3 statements');
    expect(frame).toContain('⚠ long lock: CREATE INDEX without CONCURRENTLY');
    expect(frame).toMatch(/2\. data step\s+1\.3\.0\/line-item-adjustments\.ts/);
    expect(frame).toContain('~1,204 rows (estimated)');
  });

  it('behind with a gap: names the skipped migration and why', async () => {
    const t = open(
      fakeSession({
        plan: {
          state: 'behind',
          from: '1.3.0',
          databaseVersion: '1.0.0',
          reasons: { '0002_sales_channels': 'gap' },
          notices: ['Migration 0002_sales_channels (release 1.4.0) was never applied although newer migrations were.'],
        },
      }),
    );
    const frame = await t.waitFor('enter start');
    expect(frame).toContain('There is a gap: 0002_sales_channels never ran');
    expect(frame).toContain('[missed by an earlier run]');
    expect(frame).toContain('! Migration 0002_sales_channels (release 1.4.0) was never applied');
  });

  it('interrupted: resumes at the first missing step', async () => {
    const t = open(
      fakeSession({
        plan: {
          state: 'interrupted',
          from: '1.3.0',
          databaseVersion: '1.3.0',
          reasons: { '0002_sales_channels': 'resume' },
          notices: ['Release 1.4.0 was started but not finished: the plan resumes at migration 0002_sales_channels.'],
        },
      }),
    );
    const frame = await t.waitFor('enter start');
    expect(frame).toContain('State     interrupted');
    expect(frame).toContain('A previous run stopped part-way through release 1.4.0');
    expect(frame).toContain('steps already applied are not run again');
    expect(frame).toContain('[resumes here]');
  });

  it('data-steps-missing: flags the data steps that never ran', async () => {
    const t = open(
      fakeSession({
        plan: {
          state: 'data-steps-missing',
          reasons: { '1.3.0/line-item-adjustments.ts': 'data-step-missing' },
        },
        warnings: ['1.8.0/inventory-items.ts: the column this step copies from was already dropped'],
      }),
    );
    const frame = await t.waitFor('enter start');
    expect(frame).toContain('data steps missing');
    expect(frame).toContain('migrated by another tool');
    expect(frame).toContain('[never ran]');
    expect(frame).toContain('⚠ 1.8.0/inventory-items.ts: the column this step copies from was already dropped');
  });

  it('current: nothing to do, exit 0 without a key', async () => {
    const t = open(fakeSession({ plan: { state: 'current', databaseVersion: '2.0.0' } }));
    expect(await t.exited).toBe(0);
    expect(t.frame()).toContain("Nothing to do: the database is at 2.0.0, the code's version.");
  });

  it('ahead: shows the refusal with its details and exits 3', async () => {
    const session = fakeSession({
      plan: {
        state: 'ahead',
        databaseVersion: '2.1.0',
        refusal: {
          state: 'ahead',
          message: 'The database is newer than the code (code version 2.0.0). Upgrade the code before running Stepwise; nothing was changed.',
          details: ['stepwise.history records release 2.1.0, which the code does not know'],
        },
      },
    });
    const t = open(session);
    expect(await t.exited).toBe(3);
    const frame = flat(t.frame());
    expect(frame).toContain('ahead of the code');
    expect(frame).toContain('Stepwise will not change this database (ahead)');
    expect(frame).toContain('Upgrade the code before running Stepwise');
    expect(frame).toContain('• stepwise.history records release 2.1.0');
    expect(session.decisions).toEqual([]);
  });

  it('drift: names the changed file and exits 3', async () => {
    const t = open(
      fakeSession({
        plan: {
          state: 'drift',
          refusal: {
            state: 'drift',
            message: 'An applied migration file was changed after it ran. Restore the file as it was; nothing was changed.',
            details: ['drizzle/0002_sales_channels.sql: recorded hash 1a2b3c…, file hash now 9f8e7d…'],
          },
        },
      }),
    );
    expect(await t.exited).toBe(3);
    expect(t.frame()).toContain('drizzle/0002_sales_channels.sql: recorded hash');
  });
});

describe('plan screen keys and size', () => {
  it('fits 80×24: no line wider than 80 columns, fewer lines than rows', async () => {
    const t = open(fakeSession({ plan: { notices: ['A notice long enough to wrap: '.repeat(6)] } }));
    const frame = await t.waitFor('enter start');
    expect(overwide(frame)).toEqual([]);
    expect(frame.split('\n').length).toBeLessThan(24);
  });

  // A frame as tall as the terminal makes Ink clear the screen and scrolls the title into the
  // scrollback: not even the first frame, drawn before the screen has measured itself, may be
  it.each([24, 12, 8])('no frame is as tall as a terminal of %i rows, the first ones included', async (rows) => {
    const t = open(fakeSession(), { rows });
    await t.waitFor('enter start');
    await t.press('g', 'g', KEY.down);
    const heights = t.stdout.frames.map((frame) => frame.replace(/\n$/, '').split('\n').length);
    expect(Math.max(...heights)).toBeLessThan(rows);
  });

  it('scrolls the plan with ↓, PgDn and End to the last release and its notes', async () => {
    const t = open(fakeSession());
    let frame = await t.waitFor('enter start');
    expect(frame).not.toContain('2.0.0 Inventory quantity leaves the variant');
    expect(frame).toMatch(/lines 1–\d+ of \d+/);
    await t.press(KEY.down);
    expect(t.frame()).toMatch(/lines 2–\d+ of \d+/);
    await t.press(KEY.pageDown, KEY.pageDown, KEY.pageDown, KEY.pageDown, KEY.pageDown, KEY.pageDown);
    frame = t.frame();
    expect(frame).toContain('◆ 2.0.0 Inventory quantity leaves the variant');
    expect(flat(frame)).toContain('Only safe after 1.8.0.');
    expect(overwide(frame)).toEqual([]);
    await t.press(KEY.pageUp);
    expect(flat(t.frame())).not.toContain('Only safe after 1.8.0.');
  });

  it('renders guide notes from Markdown, and g hides them', async () => {
    const t = open(fakeSession(), { rows: 60 });
    let frame = await t.waitFor('enter start');
    expect(frame).toContain('What changed');
    expect(frame).not.toContain('## What changed');
    expect(flat(frame)).toContain('Discounts now produce line item adjustments');
    expect(frame).toContain('• One adjustment per discounted line');
    await t.press('g');
    frame = t.frame();
    expect(frame).not.toContain('What changed');
    expect(frame).toContain('g show guide notes');
  });

  it('q on the plan quits with 130 before anything ran', async () => {
    const session = fakeSession();
    const t = open(session);
    await t.waitFor('enter start');
    await t.press('q');
    expect(await t.exited).toBe(130);
    expect(t.frame()).toContain('Quit before anything ran: nothing was changed.');
    expect(session.decisions).toEqual([]);
  });

  it('enter on the plan starts the run: the first step is asked', async () => {
    const t = open(fakeSession());
    await t.waitFor('enter start');
    await t.press(KEY.enter);
    const frame = flat(await t.waitFor('Apply this step?'));
    expect(frame).toContain('Upgrading postgres://app:****@db.internal:5432/shop from 1.0.0 to 2.0.0 (9 steps)');
    expect(frame).toContain('Step 1 of 9 · release 1.3.0 · migration 0001_discount_conditions');
  });

  it('re-lays out when the terminal is resized narrower', async () => {
    const t = open(fakeSession());
    await t.waitFor('enter start');
    t.stdout.resize(60, 20);
    await t.waitFor(/lines 1–\d+ of \d+/);
    await new Promise((r) => setTimeout(r, 50));
    const frame = t.frame();
    expect(overwide(frame, 60)).toEqual([]);
    expect(frame.split('\n').length).toBeLessThan(20);
  });
});

describe('modes', () => {
  it('labels a dry run on the plan screen', async () => {
    const t = open(fakeSession({ mode: 'dry-run' }));
    const frame = await t.waitFor('enter start the preview');
    expect(frame).toContain('DRY RUN — nothing will be written');
  });

  it('labels a rehearsal on the plan screen', async () => {
    const t = open(fakeSession({ mode: 'rehearse' }));
    const frame = await t.waitFor('enter start the rehearsal');
    expect(frame).toContain('REHEARSAL — everything is rolled back at the end');
  });
});

describe('backup offer on the plan screen', () => {
  const withBackup = (result: () => Promise<string>) => {
    const session = fakeSession();
    const files: string[] = [];
    session.backup = {
      suggestedFile: 'stepwise-backup-20261129-051500.dump',
      run: (file) => {
        files.push(file);
        return result();
      },
    };
    return { session, files };
  };

  it('b takes the backup before anything runs, says where it is, and is not offered twice', async () => {
    const { session, files } = withBackup(() => Promise.resolve('Backup written: stepwise-backup-20261129-051500.dump (12 kB). Put it back with: stepwise restore …'));
    const t = open(session);
    const plan = await t.waitFor('enter start');
    expect(plan).toContain('b back up first');
    await t.press('b');
    const after = await t.waitFor('Backup written');
    expect(files).toEqual(['stepwise-backup-20261129-051500.dump']);
    expect(after).toContain('enter start');
    expect(after).not.toContain('back up first');
    expect(session.decisions).toEqual([]);
  });

  it('a failed backup is reported and the plan stays, nothing run', async () => {
    const { session } = withBackup(() => Promise.reject(new Error('pg_dump 13 is older than the server (15)')));
    const t = open(session);
    await t.waitFor('enter start');
    await t.press('b');
    const frame = await t.waitFor('Backup failed, nothing was changed: pg_dump 13 is older than the server (15)');
    expect(frame).toContain('enter start');
    expect(session.decisions).toEqual([]);
  });

  it('not offered on a first install: there is nothing to back up', async () => {
    const { session } = withBackup(() => Promise.resolve('x'));
    session.opened.plan = { ...session.opened.plan, state: 'empty' };
    const t = open(session);
    expect(await t.waitFor('enter start')).not.toContain('back up first');
  });
});
