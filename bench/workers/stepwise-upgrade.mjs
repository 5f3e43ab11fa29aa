// Stepwise's engine (dist/api.js) running `upgrade` as a program would, with per-batch timing.
// usage: node stepwise-upgrade.mjs <url | pglite:dataDir> <catalogDir> [batchSize]
//   → prints {"upgradeMs","stepMs","rows","batches","longestBatchMs","maxRssMB"}
// The benchmark's data step pushes performance.now() onto globalThis.__swBenchBatchStarts when
// each batch's work begins; the engine's progress event comes right after the batch commits, so
// (progress − start) bounds how long the batch held its locks, commit included.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { peakRssMB } from '../lib/measure.mjs';

const [where, catalogDir, batchSize] = process.argv.slice(2);
const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
if (where.startsWith('pglite:')) process.env.STEPWISE_DATA_DIR = where.slice('pglite:'.length);
const { openDatabase, loadCatalog, upgrade } = await import(path.join(repo, 'dist', 'api.js'));

globalThis.__swBenchBatchStarts = [];
const batchEnds = [];
const db = await openDatabase(where.startsWith('pglite:') ? undefined : where);
const catalog = loadCatalog(catalogDir);
const started = performance.now();
let summary;
try {
  summary = await upgrade(db, catalog, {
    batchSize: batchSize ? Number(batchSize) : undefined,
    onEvent: (event) => {
      if (event.type === 'progress' && event.done > 0) batchEnds.push(performance.now());
    },
  });
} finally {
  await db.close();
}
const upgradeMs = performance.now() - started;
const failed = summary.outcomes.find((o) => o.status === 'failed');
if (failed || summary.stoppedAt) throw new Error(`upgrade stopped: ${JSON.stringify(failed?.failure ?? summary.stoppedAt)}`);

const starts = globalThis.__swBenchBatchStarts;
const holds = starts.map((start, i) => (batchEnds[i] ?? NaN) - start);
const script = summary.outcomes.find((o) => o.step.kind === 'script');
console.log(
  JSON.stringify({
    upgradeMs,
    stepMs: script?.durationMs ?? null,
    rows: script?.rows ?? null,
    steps: summary.outcomes.length,
    batches: starts.length,
    longestBatchMs: holds.length ? Math.max(...holds) : null,
    maxRssMB: peakRssMB(),
  }),
);
