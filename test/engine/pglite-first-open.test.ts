// The embedded database's first open: initdb runs in a worker thread (the built
// dist/db/pglite-initdb-worker.js), in a staging folder renamed into place when complete.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initdbInWorker, openPglite } from '../../src/db/pglite-database.js';

describe('a new embedded database', () => {
  let parent: string;
  beforeEach(() => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-first-open-'));
  });
  afterEach(() => fs.rmSync(parent, { recursive: true, force: true }));

  it('is created by the worker, whole, with no staging folder left; then it opens', async () => {
    const dataDir = path.join(parent, 'pgdata');
    await initdbInWorker(dataDir);
    expect(fs.existsSync(path.join(dataDir, 'PG_VERSION'))).toBe(true);
    expect(fs.readdirSync(parent).filter((n) => n.includes('.initdb-'))).toEqual([]);
    const db = await openPglite(dataDir, 'pglite:test');
    try {
      expect((await db.query<{ one: number }>('SELECT 1 AS one')).rows).toEqual([{ one: 1 }]);
    } finally {
      await db.close();
    }
  }, 60_000);

  it('a folder that already holds something is left for PGlite to judge', async () => {
    const dataDir = path.join(parent, 'pgdata');
    fs.mkdirSync(dataDir);
    fs.writeFileSync(path.join(dataDir, 'notes.txt'), 'not a database');
    await initdbInWorker(dataDir);
    expect(fs.readdirSync(dataDir)).toEqual(['notes.txt']);
    expect(fs.readdirSync(parent).sort()).toEqual(['pgdata']);
  }, 60_000);
});
