// What a migration's record says it changed: DDL changes no rows (0, sent in one round trip);
// a migration that inserts, updates or deletes rows goes statement by statement and records how
// many. On both backends.
import { describe, expect, it } from 'vitest';
import { loadCatalog, upgrade } from '../../src/api.js';
import { writeCatalog } from '../helpers/catalog-builder.js';
import { backends, useFreshDatabase } from './backends.js';

const catalog = () =>
  writeCatalog([
    { version: '1.0.0', steps: [{ migration: '0000_ddl', sql: ['CREATE TABLE region (id text PRIMARY KEY, name text NOT NULL)', 'CREATE INDEX region_name_idx ON region (name)'] }] },
    {
      version: '1.1.0',
      steps: [
        {
          migration: '0001_regions',
          // three rows in, two changed, one deleted: six, whatever the chunking
          sql: ["INSERT INTO region VALUES ('eu', 'Europe'), ('na', 'North America'), ('xx', 'Test')", "UPDATE region SET name = upper(name) WHERE id IN ('eu', 'na'); DELETE FROM region WHERE id = 'xx'"],
        },
        { migration: '0002_more_ddl', sql: 'ALTER TABLE region ADD COLUMN code text' },
      ],
    },
  ]);

describe.each(backends)('rows affected in the record on $name', (backend) => {
  const fresh = useFreshDatabase(backend, catalog);

  const recorded = async () =>
    (await fresh.db.query<{ step_id: string; rows_affected: number | null }>("SELECT step_id, rows_affected::int AS rows_affected FROM stepwise.history WHERE kind = 'migration' ORDER BY id")).rows.map(
      (r) => [r.step_id, r.rows_affected],
    );

  it('0 for DDL, the rows changed for DML', async () => {
    const summary = await upgrade(fresh.db, loadCatalog(fresh.root));
    expect(summary.stoppedAt).toBeNull();
    expect(summary.outcomes.map((o) => o.rows)).toEqual([0, 6, 0]);
    expect(await recorded()).toEqual([
      ['0000_ddl', 0],
      ['0001_regions', 6],
      ['0002_more_ddl', 0],
    ]);
    expect((await fresh.db.query<{ name: string }>('SELECT name FROM region ORDER BY id')).rows.map((r) => r.name)).toEqual(['EUROPE', 'NORTH AMERICA']);
  });
});
