// Proof (1), crash: the CLI killed with SIGKILL at many moments of a full 1.0.0 → 2.0.0 upgrade
// of a filled database. After every kill the database is at a step boundary; a re-run finishes;
// the final schema is a clean install's and every row is there, with every data step's output
// exactly right. Kill moments come from a seeded generator (STEPWISE_CRASH_SEED, printed with
// every failure) spread over the steps of a measured uninterrupted run of a copy of the same data.
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCatalog, openDatabase, upgrade } from '../../src/api.js';
import { runCli } from '../cli/run-cli.js';
import { mulberry32 } from '../../src/seed/generate-seed.js';
import { fillBase } from '../fixtures/fill-1.0.0.js';
import {
  assertAdjustments,
  assertDiscountConditions,
  assertGiftCardRates,
  assertInventory,
  assertSalesChannels,
  giftCardRates,
  variantStock,
  type VariantStock,
} from '../releases/assertions.js';
import type { TestDatabase } from '../helpers/postgres.js';
import { snapshot } from '../cli/snapshot.js';
import { rowCounts, schemaDump, tableFacts } from './db-facts.js';
import { expectStepBoundary, schemaAfterEachMigration, waitForStepwiseSessions, type Boundary } from './step-boundary.js';
import { copyOf, createTemplate } from './template-db.js';

const SEED = Number(process.env.STEPWISE_CRASH_SEED ?? 20_251_129);
const TARGET_KILLS = 20;
const KILLS_PER_CHAIN = 5;
// a run may finish before its kill (durations vary): more chains until enough kills
const MAX_CHAINS = 8;
// small batches: more commits inside each data step, so more kills land between two of them
const UPGRADE = ['upgrade', '--yes', '--batch-size', '200'];
// a realistic shop, at half the size of the release tests' default: a few thousand rows a table
const SIZE = { products: 800, customers: 1000, orders: 1500, openCarts: 700, giftCards: 300 };

interface StepTime {
  id: string;
  version: string;
  kind: string;
  durationMs: number;
}

/** When to kill: `offsetMs` after the run announces step `step` (or after it starts, when null). */
interface KillMoment {
  step: StepTime | null;
  offsetMs: number;
}

/**
 * A moment among what is left to do, anchored to the step the run is in (its start-up time
 * varies too much to aim by the clock alone): one in six during start-up; otherwise a step
 * picked uniformly (so short migrations get hit too) or a point uniformly over the remaining
 * time (so long data steps are hit as often as real crashes would hit them).
 */
function pickMoment(next: () => number, pending: StepTime[]): KillMoment {
  const r = next();
  if (r < 1 / 6 || pending.length === 0) return { step: null, offsetMs: Math.round(next() * 900) };
  if (r < 7 / 12) {
    const step = pending[Math.floor(next() * pending.length)];
    return { step, offsetMs: Math.round(next() * step.durationMs) };
  }
  let point = next() * pending.reduce((sum, s) => sum + s.durationMs, 0);
  for (const step of pending) {
    if (point < step.durationMs) return { step, offsetMs: Math.round(point) };
    point -= step.durationMs;
  }
  return { step: pending[pending.length - 1], offsetMs: 0 };
}

/** Kills the run at `moment`: the text output announces each step as `[i/n] version kind id …`. */
function killAt(moment: KillMoment) {
  return (child: ChildProcess) => {
    const kill = () => child.kill('SIGKILL');
    if (!moment.step) {
      setTimeout(kill, moment.offsetMs);
      return;
    }
    const announced = `] ${moment.step.version} ${moment.step.kind} ${moment.step.id} `;
    let seen = '';
    let armed = false;
    child.stdout!.on('data', (chunk) => {
      seen += chunk;
      if (!armed && seen.includes(announced)) {
        armed = true;
        setTimeout(kill, moment.offsetMs);
      }
    });
  };
}

describe('crash proof: SIGKILL at random moments of a full upgrade', () => {
  const catalog = loadCatalog();
  let schemas: string[];
  let template: Awaited<ReturnType<typeof createTemplate>>;
  let reference: { counts: Record<string, number>; baseCounts: Record<string, number>; stock: VariantStock[]; rates: Map<string, number | null> };
  let timing: { wallMs: number; stepsMs: number; steps: StepTime[] };
  const cli = (t: TestDatabase, args: string[], onSpawn?: (child: ChildProcess) => void) =>
    runCli(args, { env: { DATABASE_URL: t.url }, timeoutMs: 120_000, onSpawn });

  beforeAll(async () => {
    schemas = await schemaAfterEachMigration(catalog);
    template = await createTemplate('sw_crash_base');
    const db = await openDatabase(template.url);
    await upgrade(db, catalog, { to: '1.0.0' });
    await fillBase(db, SIZE);
    await db.close();

    // the uninterrupted run: what the killed runs must end up equal to, and how long it takes
    const ref = await copyOf(template.name, 'sw_crash_ref');
    try {
      const baseCounts = rowCounts(await tableFacts(ref));
      const stock = await variantStock(ref);
      const rates = await giftCardRates(ref);
      const started = performance.now();
      const run = await cli(ref, [...UPGRADE, '--json']);
      const wallMs = performance.now() - started;
      expect(run.code, run.stderr).toBe(0);
      const steps: StepTime[] = JSON.parse(run.stdout).steps.map((s: StepTime) => ({ id: s.id, version: s.version, kind: s.kind, durationMs: s.durationMs }));
      timing = { wallMs, stepsMs: steps.reduce((sum, s) => sum + s.durationMs, 0), steps };
      expect(await schemaDump(ref.url)).toBe(schemas.at(-1));
      reference = { counts: rowCounts(await tableFacts(ref)), baseCounts, stock, rates };
    } finally {
      await ref.drop();
    }
  }, 120_000);
  afterAll(() => template?.drop());

  it(`${TARGET_KILLS}+ kills: always a step boundary, and the re-run ends exactly where an uninterrupted run does`, { timeout: 240_000 }, async () => {
    const next = mulberry32(SEED); // seeded, so a schedule can be replayed
    const seen: (Boundary & { rows: string; inFlight: string })[] = [];
    let kills = 0;
    for (let chain = 0; kills < TARGET_KILLS && chain < MAX_CHAINS; chain++) {
      const t = await copyOf(template.name, 'sw_crash');
      try {
        let recorded = new Set<string>(['migration:0000_base']);
        for (let i = 0; i < KILLS_PER_CHAIN; i++) {
          const pending = timing.steps.filter((s) => !recorded.has(`${s.kind}:${s.id}`));
          if (pending.length === 0) break;
          const moment = pickMoment(next, pending);
          const context = `seed ${SEED}, chain ${chain}, run ${i + 1}, killed ${moment.offsetMs} ms into ${moment.step?.id ?? 'the start-up'}`;
          const run = await cli(t, UPGRADE, killAt(moment));
          if (run.code === 0) break; // the rest of the upgrade took less than the moment chosen
          expect(run.code, `${context}: ${run.stderr}`).toBeNull(); // killed, not failed
          kills += 1;
          await waitForStepwiseSessions(t);
          const boundary = await expectStepBoundary(t, schemas, context, catalog);
          // the step the run had announced last when it died
          const inFlight = [...run.stdout.matchAll(/\[\d+\/\d+\] \S+ (?:migration|script) (\S+) /g)].at(-1)?.[1] ?? 'start-up';
          seen.push({ ...boundary, rows: JSON.stringify(await snapshot(t)), inFlight });
          const { rows } = await t.query<{ key: string }>("SELECT kind || ':' || step_id AS key FROM stepwise.history WHERE outcome = 'applied'");
          recorded = new Set(rows.map((r) => r.key));
        }
        const last = await cli(t, [...UPGRADE, '--json']);
        expect(last.code, `seed ${SEED}, chain ${chain}, final run: ${last.stderr}`).toBe(0);
        expect(JSON.parse(last.stdout).databaseVersion).toBe('2.0.0');
        expect((await expectStepBoundary(t, schemas, `chain ${chain} at the end`, catalog)).state).toBe('current');

        // a clean install's schema; every table with the uninterrupted run's row count
        expect(await schemaDump(t.url)).toBe(schemas.at(-1));
        const counts = rowCounts(await tableFacts(t));
        expect(counts).toEqual(reference.counts);
        for (const [table, n] of Object.entries(reference.baseCounts)) expect(counts[table], `${table}: rows lost`).toBe(n);
        // and each data step's output exactly right, not merely as many rows
        await assertAdjustments(t);
        await assertDiscountConditions(t);
        await assertSalesChannels(t);
        await assertGiftCardRates(t, reference.rates);
        await assertInventory(t, reference.stock);
      } finally {
        await t.drop();
      }
    }
    const inFlight = new Map<string, number>();
    for (const b of seen) inFlight.set(b.inFlight, (inFlight.get(b.inFlight) ?? 0) + 1);
    const boundaries = new Set(seen.map((b) => `${b.migrations}/${b.scripts.length}`));
    const states = new Set(seen.map((b) => b.rows));
    console.log(
      `crash proof: seed ${SEED}, ${kills} kills, uninterrupted run ${Math.round(timing.wallMs)} ms (steps ${Math.round(timing.stepsMs)} ms); ` +
        `killed during: ${[...inFlight].map(([step, n]) => `${step} ×${n}`).join(', ')}; ` +
        `${boundaries.size} step boundaries and ${states.size} distinct row counts found afterwards`,
    );
    expect(kills).toBeGreaterThanOrEqual(TARGET_KILLS);
    // the kills really were spread over the upgrade, not all at start-up or in one step
    expect(inFlight.size).toBeGreaterThanOrEqual(4);
    expect(boundaries.size).toBeGreaterThanOrEqual(3);
  });
});
