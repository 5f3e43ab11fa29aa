// 200 synthetic migrations onto an empty database: Stepwise (`migrations run`, `upgrade --yes`)
// next to drizzle-kit migrate, drizzle-orm's migrate() and the floor (psql -1 -f, or PGlite
// running the same SQL in one transaction). Tools take turns within each run.
import fs from 'node:fs';
import path from 'node:path';
import { concatenatedSql, writeCatalog } from '../lib/catalog.mjs';
import { drizzleKitMigrate, drizzleOrmMigrate, REPO } from '../lib/drizzle.mjs';
import { figure, goals } from '../lib/figures.mjs';
import { log, runWorker } from '../lib/measure.mjs';
import { withPglite } from '../lib/pglite.mjs';
import { psql, query, withDatabase } from '../lib/postgres.mjs';
import { stepwise, stepwiseEnv } from '../lib/stepwise.mjs';
import { syntheticReleases } from '../lib/synthetic-migrations.mjs';

const COUNT = 200;

export function syntheticCatalog() {
  const dir = writeCatalog(syntheticReleases(COUNT));
  const sqlFile = path.join(dir, 'all.sql');
  fs.writeFileSync(sqlFile, concatenatedSql(dir));
  return { dir, sqlFile, cacheDir: path.join(dir, '.analyses') };
}

function tools(catalog, backend) {
  const floor =
    backend === 'postgres'
      ? { key: 'floor', label: 'psql -1 -f', run: async (t) => (await psql(t.url, ['-1', '-f', catalog.sqlFile])).ms }
      : { key: 'floor', label: 'PGlite exec, 1 tx', run: async (t) => (await runWorker(path.join(REPO, 'bench/workers/sql-floor.mjs'), ['pglite', t.dataDir, catalog.sqlFile])).processMs };
  // Stepwise keeps its migrations' analyses between runs (src/lint/analysis-cache.ts): the main
  // figures are first runs, without them; `upgradeKept` is a run after a dry run of the same catalog
  const cold = (t) => ({ env: { ...stepwiseEnv(t), STEPWISE_NO_CACHE: '1' } });
  const kept = (t) => ({ env: { ...stepwiseEnv(t), STEPWISE_CACHE_DIR: catalog.cacheDir } });
  return [
    { key: 'migrationsRun', label: 'stepwise migrations run', records: true, run: async (t) => (await stepwise(['migrations', 'run', '--root', catalog.dir], t, cold(t))).ms },
    { key: 'upgrade', label: 'stepwise upgrade --yes', records: true, run: async (t) => (await stepwise(['upgrade', '--yes', '--root', catalog.dir], t, cold(t))).ms },
    {
      key: 'upgradeKept',
      label: 'stepwise upgrade --yes, analyses kept',
      records: true,
      // the dry run before it, on the same empty database, is not timed
      run: async (t) => {
        await stepwise(['upgrade', '--dry-run', '--root', catalog.dir], t, kept(t));
        return (await stepwise(['upgrade', '--yes', '--root', catalog.dir], t, kept(t))).ms;
      },
    },
    { key: 'drizzleKit', label: 'drizzle-kit migrate', records: true, run: (t) => drizzleKitMigrate(catalog.dir, t) },
    { key: 'drizzleOrm', label: 'drizzle-orm migrate()', records: true, run: (t) => drizzleOrmMigrate(catalog.dir, t) },
    floor,
  ];
}

/** the schema a run left, checked so that no tool is timed doing less than the others */
async function schemaShape(backend, target) {
  const sql = `SELECT (SELECT count(*) FROM pg_tables WHERE schemaname = 'public')::int AS tables,
                      (SELECT count(*) FROM pg_indexes WHERE schemaname = 'public')::int AS indexes,
                      (SELECT count(*) FROM pg_constraint WHERE contype = 'f')::int AS fks,
                      (SELECT CASE WHEN to_regclass('drizzle.__drizzle_migrations') IS NULL THEN 0 ELSE 1 END) AS recorded`;
  let row;
  if (backend === 'postgres') row = (await query(target.url, sql)).rows[0];
  else {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create(target.dataDir);
    row = (await db.query(sql)).rows[0];
    await db.close();
  }
  return row;
}

async function onFreshDatabase(backend, fn) {
  return backend === 'postgres' ? withDatabase(null, fn) : withPglite(null, ({ dataDir }) => fn({ dataDir }));
}

export async function migrationsSuite({ runs, backends }) {
  const catalog = syntheticCatalog();
  const rows = [];
  try {
    for (const backend of backends) {
      const list = tools(catalog, backend);
      const times = Object.fromEntries(list.map((t) => [t.key, []]));
      let expected = null;
      // PGlite is several times slower: fewer runs keep the whole bench within minutes
      const n = backend === 'pglite' ? Math.min(runs, 3) : runs;
      for (let i = 0; i < n; i++) {
        for (const tool of list) {
          await onFreshDatabase(backend, async (target) => {
            times[tool.key].push(await tool.run(target));
            const shape = await schemaShape(backend, target);
            const { recorded, ...schema } = shape;
            expected ??= JSON.stringify(schema);
            if (JSON.stringify(schema) !== expected) throw new Error(`${tool.label} left a different schema: ${JSON.stringify(schema)} ≠ ${expected}`);
            if (tool.records && !recorded) throw new Error(`${tool.label} recorded nothing in drizzle.__drizzle_migrations`);
          });
        }
        log(`migrations/${backend} run ${i + 1}/${n}: ${list.map((t) => `${t.key} ${Math.round(times[t.key][i])} ms`).join(', ')}`);
      }
      const series = (key) => ({ label: list.find((t) => t.key === key).label, runs: times[key] });
      const figureName = (what) => `${COUNT} migrations, ${what}`;
      rows.push(
        figure({ id: `migrations.${backend}.migrationsRun.floor`, figure: figureName('migrations run'), backend, stepwise: series('migrationsRun'), reference: series('floor'), goal: goals.ratioAtMost(1.5) }),
        figure({ id: `migrations.${backend}.migrationsRun.drizzleKit`, figure: figureName('migrations run'), backend, stepwise: series('migrationsRun'), reference: series('drizzleKit'), goal: goals.ratioBelow(1) }),
        figure({ id: `migrations.${backend}.upgrade.floor`, figure: figureName('upgrade --yes'), backend, stepwise: series('upgrade'), reference: series('floor'), goal: goals.ratioAtMost(1.5) }),
        figure({ id: `migrations.${backend}.upgrade.drizzleKit`, figure: figureName('upgrade --yes'), backend, stepwise: series('upgrade'), reference: series('drizzleKit'), goal: goals.ratioBelow(1) }),
        figure({ id: `migrations.${backend}.upgrade.drizzleOrm`, figure: figureName('upgrade --yes'), backend, stepwise: series('upgrade'), reference: series('drizzleOrm') }),
        figure({ id: `migrations.${backend}.upgradeKept.floor`, figure: figureName('upgrade --yes after a dry run'), backend, stepwise: series('upgradeKept'), reference: series('floor'), goal: goals.ratioAtMost(1.5) }),
        figure({ id: `migrations.${backend}.upgradeKept.drizzleKit`, figure: figureName('upgrade --yes after a dry run'), backend, stepwise: series('upgradeKept'), reference: series('drizzleKit'), goal: goals.ratioBelow(1) }),
      );
    }
  } finally {
    fs.rmSync(catalog.dir, { recursive: true, force: true });
  }
  return rows;
}
