// What the shape of the conversation with the server costs when applying the 200 synthetic
// migrations, with no Stepwise code and no process start-up involved: raw `pg`, fresh database
// per try, shapes interleaved, medians. Shows what fewer round trips and fewer synchronous
// commits would buy the engine.
//   node bench/probes/migration-protocol.mjs [runs]
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { createDatabase, dropDatabase, dropAllCreated } from '../lib/postgres.mjs';
import { syntheticCatalog } from '../suites/migrations.mjs';

const runs = Number(process.argv[2] ?? 3);
const catalog = syntheticCatalog();
const journal = JSON.parse(fs.readFileSync(path.join(catalog.dir, 'drizzle/meta/_journal.json'), 'utf8'));
const migrations = journal.entries.map((e) => ({
  tag: e.tag,
  when: e.when,
  statements: fs.readFileSync(path.join(catalog.dir, 'drizzle', `${e.tag}.sql`), 'utf8').split('--> statement-breakpoint').map((s) => s.trim()).filter(Boolean),
}));
const literal = (v) => `'${String(v).replace(/'/g, "''")}'`;
const records = `CREATE SCHEMA drizzle; CREATE TABLE drizzle.__drizzle_migrations (id serial PRIMARY KEY, hash text NOT NULL, created_at bigint);
  CREATE SCHEMA stepwise; CREATE TABLE stepwise.history (id bigserial PRIMARY KEY, version text, step_id text, kind text, checksum text, outcome text,
  started_at timestamptz, finished_at timestamptz DEFAULT now(), rows_affected bigint, duration_ms int, tool_version text, error text)`;
const insertDrizzle = 'INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ($1, $2)';
const insertHistory = `INSERT INTO stepwise.history (version, step_id, kind, checksum, outcome, started_at, rows_affected, duration_ms, tool_version)
  VALUES ($1, $2, 'migration', $3, 'applied', now(), 0, 1, 'bench')`;
const recordsSql = (m) =>
  `INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('h', ${m.when});
   INSERT INTO stepwise.history (version, step_id, kind, checksum, outcome, started_at, rows_affected, duration_ms, tool_version)
   VALUES ('1.0.0', ${literal(m.tag)}, 'migration', 'h', 'applied', now(), 0, (extract(epoch FROM clock_timestamp() - now()) * 1000)::int, 'bench');`;

const shapes = {
  // what Stepwise's engine sends today, previews' read-only transactions included
  'stepwise today: ~13 round trips and 1 fsync per migration': async (c) => {
    for (const m of migrations) {
      await c.query('BEGIN');
      await c.query('SET TRANSACTION READ ONLY');
      await c.query('SET LOCAL statement_timeout = 5000');
      await c.query('ROLLBACK');
    }
    for (const m of migrations) {
      await c.query('BEGIN');
      await c.query('SET LOCAL lock_timeout = 5000');
      for (const s of m.statements) await c.query(s);
      await c.query(insertDrizzle, ['h', m.when]);
      await c.query(insertHistory, ['1.0.0', m.tag, 'h']);
      await c.query('COMMIT');
    }
  },
  'previews in one read-only tx, then the same apply': async (c) => {
    await c.query('BEGIN; SET TRANSACTION READ ONLY; SET LOCAL statement_timeout = 5000');
    await c.query('ROLLBACK');
    for (const m of migrations) {
      await c.query('BEGIN');
      await c.query('SET LOCAL lock_timeout = 5000');
      for (const s of m.statements) await c.query(s);
      await c.query(insertDrizzle, ['h', m.when]);
      await c.query(insertHistory, ['1.0.0', m.tag, 'h']);
      await c.query('COMMIT');
    }
  },
  '1 round trip per migration (BEGIN … records; COMMIT in one string)': async (c) => {
    for (const m of migrations) await c.query(`BEGIN; SET LOCAL lock_timeout = 5000; ${m.statements.join('\n')} ${recordsSql(m)} COMMIT;`);
  },
  'same, synchronous_commit off but for the last migration': async (c) => {
    for (const [i, m] of migrations.entries()) {
      const sync = i === migrations.length - 1 ? '' : 'SET LOCAL synchronous_commit = off;';
      await c.query(`BEGIN; SET LOCAL lock_timeout = 5000; ${sync} ${m.statements.join('\n')} ${recordsSql(m)} COMMIT;`);
    }
  },
  'one transaction for the run, a savepoint and 1 round trip per migration': async (c) => {
    await c.query('BEGIN; SET LOCAL lock_timeout = 5000');
    for (const m of migrations) await c.query(`SAVEPOINT m; ${m.statements.join('\n')} ${recordsSql(m)} RELEASE SAVEPOINT m;`);
    await c.query('COMMIT');
  },
  'drizzle-kit shape: 1 transaction, a round trip per statement': async (c) => {
    await c.query('BEGIN');
    for (const m of migrations) {
      for (const s of m.statements) await c.query(s);
      await c.query(insertDrizzle, ['h', m.when]);
    }
    await c.query('COMMIT');
  },
  'psql -1 shape: everything in one string and one transaction': async (c) => {
    await c.query(`BEGIN; ${migrations.map((m) => m.statements.join('\n')).join('\n')} COMMIT;`);
  },
};

const times = Object.fromEntries(Object.keys(shapes).map((k) => [k, []]));
try {
  for (let i = 0; i < runs; i++) {
    for (const [name, shape] of Object.entries(shapes)) {
      const db = await createDatabase();
      const client = new pg.Client({ connectionString: db.url });
      await client.connect();
      await client.query(records);
      const t = performance.now();
      await shape(client);
      times[name].push(performance.now() - t);
      await client.end();
      await dropDatabase(db.name);
    }
  }
} finally {
  await dropAllCreated();
  fs.rmSync(catalog.dir, { recursive: true, force: true });
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
for (const [name, xs] of Object.entries(times)) console.log(`${median(xs).toFixed(0).padStart(6)} ms  ${name}   (${xs.map(Math.round).join(', ')})`);
