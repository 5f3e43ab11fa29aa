// `stepwise status --json` on an up-to-date database next to `drizzle-kit migrate` with nothing to
// do, for the real catalog and for the 200-migration one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { drizzleKitMigrate, REPO } from '../lib/drizzle.mjs';
import { figure, goals } from '../lib/figures.mjs';
import { log, runWorker } from '../lib/measure.mjs';
import { clonePglite } from '../lib/pglite.mjs';
import { createDatabase, dropDatabase } from '../lib/postgres.mjs';
import { stepwise } from '../lib/stepwise.mjs';
import { syntheticCatalog } from './migrations.mjs';

async function currentDatabase(backend, catalogDir) {
  if (backend === 'postgres') {
    const db = await createDatabase();
    await stepwise(['upgrade', '--yes', '--root', catalogDir], db);
    return { target: db, remove: () => dropDatabase(db.name) };
  }
  const dir = await clonePglite();
  await stepwise(['upgrade', '--yes', '--root', catalogDir], { dataDir: dir.dataDir });
  return { target: { dataDir: dir.dataDir }, remove: async () => dir.remove() };
}

// PGlite's own floor: a node process that opens the directory, reads the record once and closes
const FLOOR_WORKER = path.join(REPO, 'bench/workers/sql-floor.mjs');
const FLOOR_SQL = 'SELECT count(*) FROM drizzle.__drizzle_migrations;';

async function pgliteOpenMs(target, sqlFile) {
  return (await runWorker(FLOOR_WORKER, ['pglite', target.dataDir, sqlFile])).processMs;
}

async function statusMs(catalogDir, target) {
  const { ms, stdout } = await stepwise(['status', '--json', '--root', catalogDir], target);
  const state = JSON.parse(stdout).state;
  if (state !== 'current') throw new Error(`status reports "${state}", expected "current"`);
  return ms;
}

export async function statusSuite({ runs, backends }) {
  const synthetic = syntheticCatalog();
  const catalogs = [
    { name: 'real catalog', key: 'real', dir: REPO },
    { name: '200 migrations', key: 'synthetic', dir: synthetic.dir },
  ];
  const rows = [];
  const floorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bench-status-'));
  const floorFile = path.join(floorDir, 'read.sql');
  fs.writeFileSync(floorFile, FLOOR_SQL);
  try {
    for (const backend of backends) {
      // on PGlite the figure is mostly PGlite's own start-up: the real catalog says enough
      for (const catalog of backend === 'pglite' ? catalogs.slice(0, 1) : catalogs) {
        const db = await currentDatabase(backend, catalog.dir);
        const status = [];
        const kit = [];
        const floor = [];
        try {
          // one unmeasured round of each: the first touch of a fresh database reads it from disk
          await statusMs(catalog.dir, db.target);
          await drizzleKitMigrate(catalog.dir, db.target);
          for (let i = 0; i < runs; i++) {
            status.push(await statusMs(catalog.dir, db.target));
            kit.push(await drizzleKitMigrate(catalog.dir, db.target));
            if (backend === 'pglite') floor.push(await pgliteOpenMs(db.target, floorFile));
          }
        } finally {
          await db.remove();
        }
        log(`status/${backend}/${catalog.key}: status ${status.map(Math.round).join(', ')} ms; drizzle-kit ${kit.map(Math.round).join(', ')} ms${floor.length ? `; PGlite open + read ${floor.map(Math.round).join(', ')} ms` : ''}`);
        const stepwiseSeries = { label: 'stepwise status --json', runs: status };
        const name = `status, up to date (${catalog.name})`;
        // The goals are a server's: on PGlite, opening the database alone (the floor, in its own
        // node process) takes longer than 300 ms and than half of drizzle-kit's run, which opens
        // it too. PGlite's figures are shown next to that floor instead.
        const onServer = backend === 'postgres';
        rows.push(
          figure({
            id: `status.${backend}.${catalog.key}.drizzleKit`,
            figure: name,
            backend,
            stepwise: stepwiseSeries,
            reference: { label: 'drizzle-kit migrate, nothing to do', runs: kit },
            goal: onServer ? goals.ratioAtMost(0.5) : null,
          }),
          onServer
            ? figure({ id: `status.${backend}.${catalog.key}.wall`, figure: name, backend, stepwise: stepwiseSeries, goal: goals.below(300, 'ms') })
            : figure({ id: `status.${backend}.${catalog.key}.floor`, figure: name, backend, stepwise: stepwiseSeries, reference: { label: 'node + PGlite open, 1 read, close', runs: floor } }),
        );
      }
    }
  } finally {
    fs.rmSync(synthetic.dir, { recursive: true, force: true });
    fs.rmSync(floorDir, { recursive: true, force: true });
  }
  return rows;
}
