// Where a Stepwise run's time goes, phase by phase, in one process through dist/'s own modules:
// imports, catalog, connect, inspect (read the record, plan), previews (parse + lint, and the
// read-only measuring on the database), apply. Round trips are counted per phase.
//   node bench/probes/phases.mjs status|upgrade <postgres url> [--root <catalog>]
// `upgrade` applies the plan to that database (give it an empty scratch database).
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const started = performance.now();
const [what, url, flag, rootArg] = process.argv.slice(2);
const root = flag === '--root' ? rootArg : undefined;
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = (file) => path.join(repo, 'dist', file);

const phases = [];
let roundTrips = 0;
let mark = performance.now();
let tripsAtMark = 0;
const phase = (name) => {
  const now = performance.now();
  phases.push({ name, ms: now - mark, roundTrips: roundTrips - tripsAtMark });
  mark = now;
  tripsAtMark = roundTrips;
};
phases.push({ name: 'node start-up (before this script ran)', ms: started, roundTrips: 0 });
mark = started;

const { default: pg } = await import('pg');
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function counted(...args) {
  roundTrips += 1;
  return query.apply(this, args);
};
const { loadCatalog } = await import(dist('catalog/load-catalog.js'));
const { catalogRoot, getToolVersion } = await import(dist('catalog/project-root.js'));
const { connect } = await import(dist('db/connect.js'));
const { resolveDatabaseTarget } = await import(dist('db/url.js'));
const { inspectDatabase } = await import(dist('run/inspect.js'));
phase('imports (status path)');

const catalog = loadCatalog(catalogRoot(root));
phase(`load catalog (${catalog.migrations.length} migrations, ${catalog.releases.length} guides)`);
const db = await connect(resolveDatabaseTarget(url), getToolVersion());
phase('connect');
let lock = async () => undefined;
if (what === 'upgrade') {
  const { acquireRunLock } = await import(dist('db/advisory-lock.js'));
  lock = await acquireRunLock(db);
  phase('advisory lock');
}
const { plan } = await inspectDatabase(db, catalog);
phase(`inspect: read the record, detect, plan (${plan.steps.length} steps)`);

if (what === 'upgrade') {
  const { analyzeStatements } = await import(dist('lint/analyze.js'));
  const { buildPreviews } = await import(dist('run/build-previews.js'));
  const { runPlan } = await import(dist('run/run-plan.js'));
  phase('imports (lint, previews, runner)');
  const migrations = plan.steps.filter((s) => s.kind === 'migration');
  for (const step of migrations) await analyzeStatements(step.migration.statements);
  phase(`  of which: parse + lint ${migrations.length} migrations, no database (measured alone)`);
  const { previews } = await buildPreviews(db, plan);
  phase('previews (parse + lint again, plus read-only measuring on the database)');
  const summary = await runPlan({ db, plan, mode: 'apply', decide: async () => 'all', onEvent: () => undefined, previews, toolVersion: getToolVersion() });
  phase(`apply ${summary.outcomes.length} steps`);
  await lock();
}
await db.close();
phase('close');

const total = performance.now();
for (const p of phases) console.log(`${p.ms.toFixed(0).padStart(7)} ms ${String(p.roundTrips).padStart(6)} round trips  ${p.name}`);
console.log(`${total.toFixed(0).padStart(7)} ms ${String(roundTrips).padStart(6)} round trips  in all`);
