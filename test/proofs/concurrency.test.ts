// Proof (2), concurrency: several upgraders started at once on one database. One takes the run
// lock and applies everything; every other one is refused (exit 3) and told who holds the lock;
// each step is recorded once, and drizzle's table has each migration once.
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/api.js';
import { allSteps } from '../../src/core/catalog.js';
import { runCli, type CliResult } from '../cli/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';

const N = 5;
const catalog = loadCatalog();

/**
 * N runs started together. However slowly the machine starts them, the first to take the run
 * lock must not finish before the last has asked for it: a transaction of the test creating the
 * `drizzle` schema (uncommitted) holds the winner at its own CREATE SCHEMA, after it took the
 * lock, until the other N − 1 have exited. Rolled back, it leaves no trace.
 */
async function startedAtOnce(t: TestDatabase, args: string[]): Promise<CliResult[]> {
  const gate = new pg.Client({ connectionString: t.url });
  await gate.connect();
  await gate.query('BEGIN');
  await gate.query('CREATE SCHEMA drizzle');
  let open = true;
  const release = async () => {
    if (!open) return;
    open = false;
    await gate.query('ROLLBACK');
    await gate.end();
  };
  let exited = 0;
  const runs = Array.from({ length: N }, () =>
    runCli(args, { env: { DATABASE_URL: t.url }, timeoutMs: 120_000 }).finally(() => {
      if (++exited === N - 1) void release();
    }),
  );
  const timer = setTimeout(() => void release(), 60_000); // a hung loser must not hang the winner too
  try {
    return await Promise.all(runs);
  } finally {
    clearTimeout(timer);
    await release();
  }
}

const LOCK_HELD = /the Stepwise lock is held by stepwise [\d.]+ \(pid (\d+), user postgres/;

/** one winner, ending as a run alone would (`winnerCode`); the others exit 3 naming the same holder */
function expectOneWinner(results: CliResult[], winnerCode: number) {
  const summary = results.map((r) => `exit ${r.code}: ${r.stderr.trim()}`).join('\n');
  const winners = results.filter((r) => !LOCK_HELD.test(r.stderr));
  expect(winners.map((r) => r.code), summary).toEqual([winnerCode]);
  const losers = results.filter((r) => LOCK_HELD.test(r.stderr));
  expect(losers.map((r) => r.code), summary).toEqual(Array(N - 1).fill(3));
  const holders = losers.map((r) => LOCK_HELD.exec(r.stderr)?.[1]);
  // the losers name one and the same session: the winner's
  expect(new Set(holders).size, summary).toBe(1);
}

async function stepCounts(t: TestDatabase) {
  const history = await t.query<{ key: string; outcome: string; n: number }>(
    "SELECT kind || ':' || step_id AS key, outcome, count(*)::int AS n FROM stepwise.history GROUP BY 1, 2 ORDER BY 1",
  );
  const drizzle = await t.query<{ hash: string; n: number }>('SELECT hash, count(*)::int AS n FROM drizzle.__drizzle_migrations GROUP BY 1');
  return { history: history.rows, drizzle: drizzle.rows };
}

describe(`${N} upgraders started at once on one empty database`, () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase('sw_race');
  });
  afterEach(() => t.drop());

  it('upgrade --yes: one applies every step once, the others are refused naming the holder', async () => {
    expectOneWinner(await startedAtOnce(t, ['upgrade', '--yes']), 0);
    const { history, drizzle } = await stepCounts(t);
    expect(history).toEqual(
      allSteps(catalog)
        .map((s) => ({ key: `${s.kind}:${s.id}`, outcome: 'applied', n: 1 }))
        .sort((a, b) => a.key.localeCompare(b.key)),
    );
    expect(drizzle.map((d) => d.n)).toEqual(Array(catalog.migrations.length).fill(1));
    expect(new Set(drizzle.map((d) => d.hash))).toEqual(new Set(catalog.migrations.map((m) => m.hash)));
    expect(JSON.parse((await runCli(['status', '--json'], { env: { DATABASE_URL: t.url } })).stdout).state).toBe('current');
  });

  it('migrations run: one runs as it would alone, the others are refused naming the holder', async () => {
    // what one `migrations run` does on its own on an empty database is the yardstick
    const alone = await createTestDatabase('sw_race_alone');
    let expected: { code: number | null; counts: Awaited<ReturnType<typeof stepCounts>> };
    try {
      const r = await runCli(['migrations', 'run'], { env: { DATABASE_URL: alone.url } });
      expected = { code: r.code, counts: await stepCounts(alone) };
    } finally {
      await alone.drop();
    }
    expect(expected.counts.history.length).toBeGreaterThan(0);
    expectOneWinner(await startedAtOnce(t, ['migrations', 'run']), expected.code!);
    const counts = await stepCounts(t);
    expect(counts).toEqual(expected.counts);
    expect(counts.drizzle.every((d) => d.n === 1)).toBe(true);
  });

  it('the holder named is the one on this database, not a Stepwise holding its lock on another', async () => {
    // advisory locks belong to a database: on a shared server, other databases' upgrades are not this one's holder
    const others = await Promise.all([1, 2, 3].map(() => createTestDatabase('sw_race_other')));
    const sessions: pg.Client[] = [];
    try {
      for (const [i, other] of [...others, t].entries()) {
        const name = other === t ? 'stepwise holder-here' : `stepwise elsewhere-${i}`;
        const session = new pg.Client({ connectionString: other.url, application_name: name });
        await session.connect();
        await session.query('SELECT pg_advisory_lock($1, $2)', [0x53545057, 1]);
        sessions.push(session);
      }
      const r = await runCli(['upgrade', '--yes'], { env: { DATABASE_URL: t.url } });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/the Stepwise lock is held by stepwise holder-here \(pid \d+/);
    } finally {
      await Promise.all(sessions.map((s) => s.end()));
      await Promise.all(others.map((o) => o.drop()));
    }
  });
});
