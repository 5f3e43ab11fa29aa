// The engine end to end on both backends: apply, resume, fail, preview, rehearse, refuse.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inspectDatabase, loadCatalog, upgrade } from '../../src/api.js';
import type { Database } from '../../src/db/database.js';
import type { RunEvent } from '../../src/run/events.js';
import { RefusedError } from '../../src/errors.js';
import { backends, useFreshDatabase } from './backends.js';
import { fixtureCatalog, rewriteMigration } from './fixture-catalog.js';

const one = async <T>(db: Database, sql: string, params?: unknown[]) => (await db.query<T>(sql, params)).rows[0];

describe.each(backends)('engine on $name', (backend) => {
  const fresh = useFreshDatabase(backend, fixtureCatalog);

  it('installs an empty database to the code version, recording it as drizzle-orm does', async () => {
    const catalog = loadCatalog(fresh.root);
    expect((await inspectDatabase(fresh.db, catalog)).detected.state).toBe('empty');
    const summary = await upgrade(fresh.db, catalog);
    expect(summary.stoppedAt).toBeNull();
    expect(summary.outcomes.map((o) => o.status)).toEqual(Array(6).fill('applied'));
    expect(summary.databaseVersion).toBe('2.0.0');

    const rows = (await fresh.db.query<{ hash: string; created_at: string }>('SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY id')).rows;
    const file = fs.readFileSync(path.join(fresh.root, 'drizzle', '0000_base.sql')).toString();
    expect(rows[0].hash).toBe(crypto.createHash('sha256').update(file).digest('hex'));
    expect(rows.map((r) => Number(r.created_at))).toEqual(catalog.migrations.map((m) => m.when));
    expect(await one(fresh.db, 'SELECT version FROM stepwise.installed')).toEqual({ version: '2.0.0' });
    const history = (await fresh.db.query<{ step_id: string; outcome: string; tool_version: string; database_user: string }>('SELECT step_id, outcome, tool_version, database_user FROM stepwise.history ORDER BY id')).rows;
    expect(history.map((h) => h.outcome)).toEqual(Array(6).fill('applied'));
    expect(history[0].database_user).toBeTruthy();

    const after = await inspectDatabase(fresh.db, catalog);
    expect(after.detected.state).toBe('current');
    expect(after.plan.steps).toEqual([]);
  });

  it('previews count the rows at stake; on a first install a drop has none and nothing waits on a lock', async () => {
    const { buildPreviews } = await import('../../src/run/build-previews.js');
    const catalog = loadCatalog(fresh.root);
    const first = await buildPreviews(fresh.db, (await inspectDatabase(fresh.db, catalog)).plan);
    expect(first.previews['migration:0003_drop_qty'].warnings).toEqual([expect.objectContaining({ kind: 'data-loss', affectedRows: 0 })]);
    expect(first.previews['script:1.1.0/tag-products.ts'].estimatedRows).toBeNull(); // its column comes with the plan
    expect(first.previews['migration:0002_tag_required'].warnings).toEqual([]);

    await upgrade(fresh.db, catalog, { to: '1.0.0' });
    await fresh.db.query("INSERT INTO product (id, title, qty) VALUES ('p1', 'a', 1), ('p2', 'b', NULL)");
    const later = await buildPreviews(fresh.db, (await inspectDatabase(fresh.db, catalog)).plan);
    expect(later.previews['migration:0003_drop_qty'].warnings[0]).toMatchObject({ kind: 'data-loss', column: 'qty', affectedRows: 1 });
    expect(later.previews['migration:0002_tag_required'].warnings).toEqual([expect.objectContaining({ kind: 'long-lock', table: 'product' })]);
  });

  it('--to stops exactly at a release; the next run continues from there', async () => {
    const catalog = loadCatalog(fresh.root);
    const first = await upgrade(fresh.db, catalog, { to: '1.1.0' });
    expect(first.databaseVersion).toBe('1.1.0');
    expect(await one(fresh.db, 'SELECT version FROM stepwise.installed')).toEqual({ version: '1.1.0' });
    const { detected } = await inspectDatabase(fresh.db, catalog);
    expect(detected).toMatchObject({ state: 'behind', databaseVersion: '1.1.0' });
    expect(detected.pending.map((p) => p.id)).toEqual(['1.2.0/title-case.ts', '0003_drop_qty']);
    const second = await upgrade(fresh.db, catalog);
    expect(second.outcomes.map((o) => o.step.id)).toEqual(['1.2.0/title-case.ts', '0003_drop_qty']);
  });

  it('batches a data step with progress, and a second run of it changes nothing', async () => {
    const catalog = loadCatalog(fresh.root);
    await upgrade(fresh.db, catalog, { to: '1.0.0' });
    await fresh.db.query("INSERT INTO product (id, title, qty) SELECT 'prod_' || lpad(g::text, 5, '0'), 'item ' || g, g FROM generate_series(1, 2500) g");
    const events: RunEvent[] = [];
    const summary = await upgrade(fresh.db, catalog, { to: '1.1.0', batchSize: 1000, onEvent: (e) => events.push(e) });
    const step = summary.outcomes.find((o) => o.step.kind === 'script')!;
    expect(step).toMatchObject({ status: 'applied', rows: 2500, summary: 'tagged 2500 products' });
    const progress = events.filter((e) => e.type === 'progress').map((e) => (e.type === 'progress' ? [e.done, e.total] : []));
    expect(progress).toEqual([[0, 2500], [1000, 2500], [2000, 2500], [2500, 2500]]);
    expect(await one(fresh.db, "SELECT count(*)::int AS n FROM product WHERE tag = 'tagged'")).toEqual({ n: 2500 });

    const { runDataStep } = await import('../../src/api.js');
    const again = await runDataStep(fresh.db, path.join(fresh.root, 'upgrade-guides/1.1.0/tag-products.ts'));
    expect(again).toEqual({ rowsAffected: 0, summary: 'every product was already tagged' });
  });

  it('a failing migration is rolled back, recorded as failed, and a re-run resumes there', async () => {
    rewriteMigration(fresh.root, '0002_tag_required', "ALTER TABLE product ALTER COLUMN tag SET NOT NULL;\n--> statement-breakpoint\nINSERT INTO product (id, title) VALUES ('p-bad', NULL)");
    const catalog = loadCatalog(fresh.root);
    const summary = await upgrade(fresh.db, catalog);
    expect(summary.stoppedAt).toMatchObject({ why: 'failed', step: { id: '0002_tag_required' } });
    const failed = summary.outcomes.find((o) => o.status === 'failed')!;
    expect(failed.failure).toMatchObject({ code: '23502', statementIndex: 2 });
    expect(failed.failure?.statement).toMatch(/INSERT INTO product/);
    expect(summary.databaseVersion).toBe('1.0.0');
    // the first statement of the failed migration was rolled back with it
    expect(await one(fresh.db, "SELECT is_nullable FROM information_schema.columns WHERE table_name = 'product' AND column_name = 'tag'")).toEqual({ is_nullable: 'YES' });
    expect(await one(fresh.db, "SELECT outcome, error FROM stepwise.history WHERE step_id = '0002_tag_required'")).toMatchObject({ outcome: 'failed' });

    const { detected, plan } = await inspectDatabase(fresh.db, catalog);
    expect(detected.state).toBe('interrupted');
    expect(plan.steps[0]).toMatchObject({ id: '0002_tag_required', reason: 'resume' });
    expect(plan.notices.join('\n')).toMatch(/last run failed at migration 0002_tag_required/);

    rewriteMigration(fresh.root, '0002_tag_required', 'ALTER TABLE product ALTER COLUMN tag SET NOT NULL');
    const resumed = await upgrade(fresh.db, loadCatalog(fresh.root));
    expect(resumed.outcomes[0].step.id).toBe('0002_tag_required');
    expect(resumed.databaseVersion).toBe('2.0.0');
  });

  it('a failing data step is rolled back and the error carries PostgreSQL detail', async () => {
    fs.writeFileSync(
      path.join(fresh.root, 'upgrade-guides/1.2.0/title-case.ts'),
      `export default { title: 'Broken', async estimate() { return 1; }, async run(ctx: any) {
        await ctx.db.query("UPDATE product SET title = 'half-done'");
        await ctx.db.query("INSERT INTO cart (id) VALUES ('c1'), ('c1')");
        return { rowsAffected: 1 };
      } };`,
    );
    const catalog = loadCatalog(fresh.root);
    await upgrade(fresh.db, catalog, { to: '1.1.0' });
    await fresh.db.query("INSERT INTO product (id, title, tag) VALUES ('p1', 'x', 't')");
    const summary = await upgrade(fresh.db, catalog);
    const failed = summary.outcomes.find((o) => o.status === 'failed')!;
    expect(failed.failure).toMatchObject({ code: '23505' });
    expect(failed.failure?.detail).toMatch(/already exists/);
    expect(await one(fresh.db, "SELECT title FROM product WHERE id = 'p1'")).toEqual({ title: 'x' });
  });

  it('a dry run writes nothing, not even Stepwise\'s own tables', async () => {
    const catalog = loadCatalog(fresh.root);
    const summary = await upgrade(fresh.db, catalog, { mode: 'dry-run' });
    expect(summary.outcomes.map((o) => o.status)).toEqual(Array(6).fill('previewed'));
    const schemas = (await fresh.db.query<{ nspname: string }>("SELECT nspname FROM pg_namespace WHERE nspname IN ('stepwise', 'drizzle')")).rows;
    expect(schemas).toEqual([]);
    expect(await one(fresh.db, "SELECT to_regclass('public.product')::text AS t")).toEqual({ t: null });
  });

  it('a rehearsal runs everything and rolls it all back', async () => {
    const catalog = loadCatalog(fresh.root);
    await upgrade(fresh.db, catalog, { to: '1.0.0' });
    await fresh.db.query("INSERT INTO product (id, title, qty) SELECT 'p' || g, 'item ' || g, g FROM generate_series(1, 300) g");
    const summary = await upgrade(fresh.db, catalog, { mode: 'rehearse' });
    expect(summary.outcomes.map((o) => o.status)).toEqual(Array(5).fill('rehearsed'));
    expect(summary.outcomes.find((o) => o.step.id === '1.2.0/title-case.ts')?.rows).toBe(300);
    // schema and data as before
    expect(await one(fresh.db, "SELECT count(*)::int AS n FROM information_schema.columns WHERE table_name = 'product' AND column_name IN ('tag', 'qty')")).toEqual({ n: 1 });
    expect(await one(fresh.db, "SELECT title FROM product WHERE id = 'p1'")).toEqual({ title: 'item 1' });
    const { detected } = await inspectDatabase(fresh.db, catalog);
    expect(detected).toMatchObject({ state: 'behind', databaseVersion: '1.0.0' });
    expect(await one(fresh.db, "SELECT count(*)::int AS n FROM stepwise.history WHERE outcome = 'rehearsed'")).toEqual({ n: 5 });
  });

  it('refuses a database whose applied migration file changed (drift)', async () => {
    await upgrade(fresh.db, loadCatalog(fresh.root), { to: '1.0.0' });
    rewriteMigration(fresh.root, '0000_base', 'CREATE TABLE product (id text PRIMARY KEY)');
    const catalog = loadCatalog(fresh.root);
    await expect(upgrade(fresh.db, catalog)).rejects.toThrow(RefusedError);
    const { plan } = await inspectDatabase(fresh.db, catalog);
    expect(plan.refusal?.details.join()).toMatch(/drizzle\/0000_base.sql/);
  });

  it('refuses a database newer than the code (ahead)', async () => {
    const catalog = loadCatalog(fresh.root);
    await upgrade(fresh.db, catalog);
    await fresh.db.query('INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)', ['f'.repeat(64), 1_900_000_000_000]);
    await expect(upgrade(fresh.db, catalog)).rejects.toThrow(/newer than the code/);
  });
});
