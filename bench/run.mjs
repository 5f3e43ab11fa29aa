#!/usr/bin/env node
// npm run bench — measures Stepwise next to its references on the real PostgreSQL server and on
// embedded PGlite, prints a table and writes bench/results/latest.json.
//   node bench/run.mjs [--only migrations,status,startup,data-step,seed] [--runs N] [--no-pglite] [--quick]
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO } from './lib/drizzle.mjs';
import { log } from './lib/measure.mjs';
import { pgliteVersion } from './lib/pglite.mjs';
import { dropAllCreated, serverVersion } from './lib/postgres.mjs';
import { gitCommit, machine, renderTable, writeResults } from './lib/report.mjs';
import { dataStepSuite } from './suites/data-step.mjs';
import { migrationsSuite } from './suites/migrations.mjs';
import { seedSuite } from './suites/seed.mjs';
import { startupSuite } from './suites/startup.mjs';
import { statusSuite } from './suites/status.mjs';

const SUITES = { migrations: migrationsSuite, status: statusSuite, startup: startupSuite, 'data-step': dataStepSuite, seed: seedSuite };

const { values } = parseArgs({
  options: {
    only: { type: 'string' },
    runs: { type: 'string' },
    'no-pglite': { type: 'boolean', default: false },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: path.join(REPO, 'bench', 'results', 'latest.json') },
  },
});
const selected = values.only ? values.only.split(',') : Object.keys(SUITES);
for (const name of selected) if (!SUITES[name]) throw new Error(`unknown suite "${name}": pick from ${Object.keys(SUITES).join(', ')}`);

const options = {
  runs: values.runs ? Number(values.runs) : values.quick ? 3 : 5,
  quick: values.quick,
  backends: values['no-pglite'] ? ['postgres'] : ['postgres', 'pglite'],
};

process.on('SIGINT', () => dropAllCreated().finally(() => process.exit(130)));

const started = performance.now();
// other work on the machine moves every figure: the load is recorded next to the results
const loadAtStart = os.loadavg().map((l) => Number(l.toFixed(2)));
const rows = [];
const timings = {};
const errors = [];
try {
  for (const name of selected) {
    const t = performance.now();
    log(`${name}…`);
    try {
      rows.push(...(await SUITES[name](options)));
    } catch (error) {
      // one broken suite (e.g. a screen that never appears) must not hide the others' figures
      errors.push({ suite: name, message: error.message });
      log(`${name} FAILED: ${error.message}`);
    }
    timings[name] = Math.round(performance.now() - t);
    log(`${name} done in ${(timings[name] / 1000).toFixed(1)} s`);
  }
} finally {
  await dropAllCreated();
}

const document = {
  date: new Date().toISOString(),
  commit: gitCommit(REPO),
  machine: machine({ postgres: await serverVersion(), pglite: pgliteVersion, loadAtStart }),
  options: { ...options, suites: selected },
  suiteMs: timings,
  totalMs: Math.round(performance.now() - started),
  figures: rows,
  errors,
};
writeResults(values.out, document);
console.log(renderTable(rows));
const m = document.machine;
console.log(`\n${m.cpu}, ${m.cores} cores, ${m.memoryGB} GB · ${m.distro ?? m.os} · node ${m.node} · PostgreSQL ${m.postgres} · PGlite ${m.pglite}`);
for (const e of errors) console.log(`suite ${e.suite} failed: ${e.message.split('\n')[0]}`);
if (errors.length > 0) process.exitCode = 1;
console.log(`load average ${loadAtStart.join(' ')} at the start, ${m.loadAverage.join(' ')} at the end`);
console.log(`medians of ${options.runs} runs (3 for the data step, the seed and PGlite's migrations; 2 for PGlite's seed) · ${(document.totalMs / 1000).toFixed(0)} s in all · ${path.relative(process.cwd(), values.out)}`);
