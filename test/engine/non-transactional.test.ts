// Statements PostgreSQL refuses inside a transaction block run outside one; a rehearsal,
// being one transaction, reports them as not rehearsed.
import { describe, expect, it } from 'vitest';
import { loadCatalog, upgrade } from '../../src/api.js';
import { writeCatalog } from '../helpers/catalog-builder.js';
import { backends, useFreshDatabase } from './backends.js';

const catalogWithConcurrentIndex = () =>
  writeCatalog([
    { version: '1.0.0', steps: [{ migration: '0000_base', sql: 'CREATE TABLE product (id text PRIMARY KEY, title text, handle text)' }] },
    {
      version: '1.1.0',
      steps: [
        {
          migration: '0001_indexes',
          sql: [
            'ALTER TABLE product ADD COLUMN sku text',
            // two statements in one chunk, one of them refused in a transaction block
            'CREATE INDEX CONCURRENTLY product_title_idx ON product (title);\nCREATE UNIQUE INDEX CONCURRENTLY product_handle_idx ON product (handle);',
          ],
        },
      ],
    },
  ]);

describe.each(backends)('non-transactional statements on $name', (backend) => {
  const fresh = useFreshDatabase(backend, catalogWithConcurrentIndex);

  it('runs CREATE INDEX CONCURRENTLY outside a transaction and records the migration', async () => {
    const catalog = loadCatalog(fresh.root);
    await upgrade(fresh.db, catalog, { to: '1.0.0' });
    await fresh.db.query("INSERT INTO product (id, title, handle) SELECT 'p' || g, 't' || g, 'h' || g FROM generate_series(1, 500) g");
    const summary = await upgrade(fresh.db, catalog);
    expect(summary.stoppedAt).toBeNull();
    const indexes = (await fresh.db.query<{ indexname: string }>("SELECT indexname FROM pg_indexes WHERE tablename = 'product' ORDER BY 1")).rows.map((r) => r.indexname);
    expect(indexes).toEqual(['product_handle_idx', 'product_pkey', 'product_title_idx']);
    expect((await fresh.db.query<{ n: number }>('SELECT count(*)::int AS n FROM drizzle.__drizzle_migrations')).rows[0].n).toBe(2);
  });

  it('a rehearsal says which statements it could not rehearse', async () => {
    const catalog = loadCatalog(fresh.root);
    await upgrade(fresh.db, catalog, { to: '1.0.0' });
    const summary = await upgrade(fresh.db, catalog, { mode: 'rehearse' });
    expect(summary.outcomes[0]).toMatchObject({ status: 'rehearsed', summary: expect.stringMatching(/1 statement\(s\) not rehearsed/) });
    expect((await fresh.db.query("SELECT 1 FROM information_schema.columns WHERE column_name = 'sku'")).rows).toEqual([]);
  });
});
