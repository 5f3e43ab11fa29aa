// The wizard as an operator uses it: a real pseudo-terminal, real PostgreSQL, the built CLI.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { runCli } from '../cli/run-cli.js';
import { TmuxTerminal } from './tmux.js';

describe('the wizard in a terminal', () => {
  let t: TestDatabase;
  let term: TmuxTerminal | undefined;
  beforeEach(async () => {
    t = await createTestDatabase('sw_wizard');
    const at130 = await runCli(['upgrade', '--yes', '--to', '1.3.0'], { env: { DATABASE_URL: t.url } });
    expect(at130.code).toBe(0);
  });
  afterEach(async () => {
    term?.close();
    await t.drop();
  });
  const status = async () => JSON.parse((await runCli(['status', '--json'], { env: { DATABASE_URL: t.url } })).stdout);

  it('a database at 1.3.0 upgraded with enter, then a', async () => {
    term = new TmuxTerminal([], { DATABASE_URL: t.url });
    await term.waitFor(/enter start/);
    const overview = await term.waitFor(/database 1\.3\.0 → target 2\.0\.0/, 5000);
    expect(overview).toMatch(/postgres:\/\/postgres:\*\*\*\*@/); // the password masked
    term.press('Enter');
    await term.waitFor(/Apply this step\?/);
    term.press('a');
    await term.waitFor(/The database is now at 2\.0\.0/);
    expect(await term.exitCode()).toBe(0);
    expect(await status()).toMatchObject({ state: 'current', databaseVersion: '2.0.0' });
  });

  it('stopped with n after two steps, then resumed where it stopped', async () => {
    term = new TmuxTerminal([], { DATABASE_URL: t.url });
    await term.waitFor(/enter start/);
    term.press('Enter');
    await term.waitFor(/Step 1 of 7/);
    term.press('y');
    await term.waitFor(/Step 2 of 7/);
    term.press('y');
    await term.waitFor(/Step 3 of 7/);
    term.press('n');
    const summary = await term.waitFor(/EXIT=\d+/);
    expect(summary).toMatch(/stepwise/); // the command to continue
    expect(await term.exitCode()).toBe(0);
    term.close();

    const stopped = await status();
    expect(stopped).toMatchObject({ state: 'interrupted', databaseVersion: '1.3.0', applied: 6 });
    expect(stopped.pending[0]).toMatchObject({ id: '0003_sales_channel_required' });

    term = new TmuxTerminal([], { DATABASE_URL: t.url });
    const resumed = await term.waitFor(/enter start/);
    expect(resumed).toMatch(/interrupted/);
    term.press('Enter');
    await term.waitFor(/Step 1 of 5 · release 1\.4\.0 · migration 0003_sales_channel_required/);
    term.press('a');
    await term.waitFor(/The database is now at 2\.0\.0/);
    expect(await term.exitCode()).toBe(0);
    expect(await status()).toMatchObject({ state: 'current' });
  });

  it('q on the plan quits with 130 and changes nothing', async () => {
    term = new TmuxTerminal([], { DATABASE_URL: t.url });
    await term.waitFor(/enter start/);
    term.press('q');
    expect(await term.exitCode()).toBe(130);
    expect(await status()).toMatchObject({ state: 'behind', databaseVersion: '1.3.0' });
  });
});
