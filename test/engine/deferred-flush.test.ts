// Unattended runs commit migrations without waiting for the WAL flush, except the last one; a
// run that asks before each step commits every step synchronously.
import { describe, expect, it } from 'vitest';
import { inspectDatabase, loadCatalog, upgrade } from '../../src/api.js';
import { buildPreviews } from '../../src/run/build-previews.js';
import { runPlan } from '../../src/run/run-plan.js';
import { writeCatalog } from '../helpers/catalog-builder.js';
import { backends, useFreshDatabase } from './backends.js';

// each migration notes the synchronous_commit its own transaction runs with
const note = (tag: string) => `INSERT INTO commit_mode (tag, mode) VALUES ('${tag}', current_setting('synchronous_commit'))`;
const catalog = () =>
  writeCatalog([
    { version: '1.0.0', steps: [{ migration: '0000_a', sql: ['CREATE TABLE commit_mode (tag text PRIMARY KEY, mode text NOT NULL)', note('0000_a')] }] },
    { version: '1.1.0', steps: [{ migration: '0001_b', sql: note('0001_b') }, { migration: '0002_c', sql: note('0002_c') }] },
  ]);

describe.each(backends)('commits on $name', (backend) => {
  const fresh = useFreshDatabase(backend, catalog);
  const modes = async () => (await fresh.db.query<{ tag: string; mode: string }>('SELECT tag, mode FROM commit_mode ORDER BY tag')).rows;

  it('an unattended run defers the flush of every migration but the last', async () => {
    const summary = await upgrade(fresh.db, loadCatalog(fresh.root));
    expect(summary.outcomes.map((o) => o.status)).toEqual(['applied', 'applied', 'applied']);
    expect(await modes()).toEqual([
      { tag: '0000_a', mode: 'off' },
      { tag: '0001_b', mode: 'off' },
      { tag: '0002_c', mode: 'on' },
    ]);
    // the setting was the transactions' own
    expect((await fresh.db.query<{ s: string }>("SELECT current_setting('synchronous_commit') AS s")).rows[0].s).toBe('on');
  });

  const askEachStep = async (unattended: boolean) => {
    const { plan } = await inspectDatabase(fresh.db, loadCatalog(fresh.root));
    const { previews } = await buildPreviews(fresh.db, plan);
    const asked: string[] = [];
    const summary = await runPlan({
      db: fresh.db, plan, mode: 'apply', previews, toolVersion: 'test', onEvent: () => undefined, unattended,
      decide: async (step) => {
        asked.push(step.id);
        return 'apply';
      },
    });
    expect(summary.stoppedAt).toBeNull();
    expect(asked).toEqual(['0000_a', '0001_b', '0002_c']);
    return (await modes()).map((r) => r.mode);
  };

  it('a run that asks a person before each step commits each one durably', async () => {
    expect(await askEachStep(false)).toEqual(['on', 'on', 'on']);
  });

  it('a program deciding each step (migrations run) defers like an unattended run', async () => {
    expect(await askEachStep(true)).toEqual(['off', 'off', 'on']);
  });
});
