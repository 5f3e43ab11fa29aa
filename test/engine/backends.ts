// The same engine tests run against the real server and the embedded PGlite.
import fs from 'node:fs';
import { afterEach, beforeEach } from 'vitest';
import { openDatabase } from '../../src/api.js';
import type { Database } from '../../src/db/database.js';
import { createTestDatabase } from '../helpers/postgres.js';
import { clonePgliteDir } from '../helpers/pglite.js';

export interface Backend {
  name: 'postgres' | 'pglite';
  /** a fresh database; returns how to reopen it and how to drop it */
  create(): Promise<{ open(): Promise<Database>; url?: string; dataDir?: string; drop(): Promise<void> }>;
}

export const backends: Backend[] = [
  {
    name: 'postgres',
    async create() {
      const t = await createTestDatabase('sw_engine');
      return { url: t.url, open: () => openDatabase(t.url), drop: () => t.drop() };
    },
  },
  {
    name: 'pglite',
    async create() {
      const dir = clonePgliteDir();
      const previous = process.env.STEPWISE_DATA_DIR;
      return {
        dataDir: dir.dataDir,
        async open() {
          process.env.STEPWISE_DATA_DIR = dir.dataDir;
          try {
            return await openDatabase(undefined);
          } finally {
            if (previous === undefined) delete process.env.STEPWISE_DATA_DIR;
            else process.env.STEPWISE_DATA_DIR = previous;
          }
        },
        async drop() {
          dir.remove();
        },
      };
    },
  },
];

/**
 * Per test: a fresh catalog from `makeCatalog` and a fresh database on `backend`, both removed
 * afterwards. Read `root` and `db` inside the tests.
 */
export function useFreshDatabase(backend: Backend, makeCatalog: () => string): { readonly root: string; readonly db: Database } {
  const current = {} as { root: string; db: Database; drop(): Promise<void> };
  beforeEach(async () => {
    current.root = makeCatalog();
    const handle = await backend.create();
    current.db = await handle.open();
    current.drop = handle.drop;
  });
  afterEach(async () => {
    await current.db.close();
    await current.drop();
    fs.rmSync(current.root, { recursive: true, force: true });
  });
  return {
    get root() {
      return current.root;
    },
    get db() {
      return current.db;
    },
  };
}
