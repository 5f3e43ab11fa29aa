// Preload that counts round trips to PostgreSQL (pg.Client#query calls, and PGlite's query and
// exec) and the time spent waiting on them, by kind of statement, and prints the tally to stderr
// when the process exits.
//   node --import ./bench/probes/count-queries.mjs dist/cli.js migrations run --root <catalog>
// Set COUNT_QUERIES_OUT=<file> to get the tally as JSON instead.
import fs from 'node:fs';
import pg from 'pg';

const started = performance.now();
const tally = new Map();
const original = pg.Client.prototype.query;

function kindOf(config) {
  const text = (typeof config === 'string' ? config : config?.text ?? '').trim();
  const words = text.replace(/\s+/g, ' ').split(' ');
  const first = words[0]?.toUpperCase() ?? '?';
  if (first === 'SELECT') return `SELECT ${/FROM ([\w."]+)/i.exec(text)?.[1] ?? words.slice(1, 3).join(' ')}`.slice(0, 60);
  if (first === 'INSERT') return `INSERT ${words[2] ?? ''}`;
  if (['CREATE', 'ALTER', 'DROP'].includes(first)) return `${first} ${words[1]?.toUpperCase() ?? ''} (migration DDL)`;
  if (text.includes(';') && text.indexOf(';') < text.length - 1) return 'multi-statement';
  return words.slice(0, 2).join(' ').toUpperCase();
}

function counted(original) {
  return function query(config, ...rest) {
    const kind = kindOf(config);
    const t = performance.now();
    const entry = tally.get(kind) ?? { count: 0, ms: 0 };
    tally.set(kind, entry);
    entry.count += 1;
    const result = original.call(this, config, ...rest);
    if (result && typeof result.then === 'function') {
      return result.finally(() => {
        entry.ms += performance.now() - t;
      });
    }
    return result;
  };
}

pg.Client.prototype.query = counted(original);
// loading PGlite here adds its import time to the process: count with this preload, time without it
const { PGlite } = await import('@electric-sql/pglite');
PGlite.prototype.query = counted(PGlite.prototype.query);
PGlite.prototype.exec = counted(PGlite.prototype.exec);

process.on('exit', () => {
  const rows = [...tally].sort((a, b) => b[1].ms - a[1].ms);
  const total = rows.reduce((s, [, e]) => s + e.count, 0);
  const waiting = rows.reduce((s, [, e]) => s + e.ms, 0);
  const summary = { roundTrips: total, waitingMs: Math.round(waiting), processMs: Math.round(performance.now() - started), byKind: Object.fromEntries(rows.map(([k, e]) => [k, { count: e.count, ms: Math.round(e.ms) }])) };
  if (process.env.COUNT_QUERIES_OUT) fs.writeFileSync(process.env.COUNT_QUERIES_OUT, JSON.stringify(summary, null, 2));
  else {
    process.stderr.write(`\n${total} round trips, ${Math.round(waiting)} ms waiting on them, ${summary.processMs} ms since the preload:\n`);
    for (const [k, e] of rows) process.stderr.write(`  ${String(e.count).padStart(6)}  ${String(Math.round(e.ms)).padStart(6)} ms  ${k}\n`);
  }
});
