// A floor: run one SQL file in one transaction on a server (pg) or an embedded PGlite directory.
// usage: node sql-floor.mjs pg <url> <file.sql> | pglite <dataDir> <file.sql>
//   → prints {"openMs","execMs","maxRssMB"}
import fs from 'node:fs';
import { peakRssMB } from '../lib/measure.mjs';
const [kind, where, file] = process.argv.slice(2);
const sql = `BEGIN;\n${fs.readFileSync(file, 'utf8')}\nCOMMIT;`;
const started = performance.now();
let db;
if (kind === 'pg') {
  const { default: pg } = await import('pg');
  db = new pg.Client({ connectionString: where });
  await db.connect();
} else {
  const { PGlite } = await import('@electric-sql/pglite');
  db = await PGlite.create(where);
}
const opened = performance.now();
if (kind === 'pg') await db.query(sql);
else await db.exec(sql);
const execMs = performance.now() - opened;
await (kind === 'pg' ? db.end() : db.close());
console.log(JSON.stringify({ openMs: opened - started, execMs, maxRssMB: peakRssMB() }));
