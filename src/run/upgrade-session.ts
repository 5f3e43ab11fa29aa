// One upgrade run from connection to close, shaped as the WizardSession the Ink view drives;
// the plain-text and JSON paths drive the very same object.
import path from 'node:path';
import type { Catalog } from '../core/catalog.js';
import type { Database } from '../db/database.js';
import { acquireRunLock } from '../db/advisory-lock.js';
import { connect } from '../db/connect.js';
import type { DatabaseTarget } from '../db/url.js';
import type { OpenedSession, WizardSession } from '../ui/session.js';
import { buildPreviews } from './build-previews.js';
import type { Decide, RunListener, RunMode, RunSummary } from './events.js';
import { inspectDatabase } from './inspect.js';
import { runPlan } from './run-plan.js';

export interface UpgradeSessionOptions {
  target: DatabaseTarget;
  catalog: Catalog;
  mode: RunMode;
  to?: string;
  toolVersion: string;
  lockTimeoutMs?: number;
  lockRetries?: number;
  batchSize?: number;
  signal?: AbortSignal;
  firstOpen: boolean;
  /** the seed file offered after a first install, and what seeds it on the session's connection */
  seedFile?: string | null;
  seeder?: (db: Database, file: string, onEvent: (message: string) => void) => Promise<string>;
}

export function createUpgradeSession(o: UpgradeSessionOptions): WizardSession {
  let db: Database | null = null;
  let unlock: (() => Promise<void>) | null = null;
  let opened: OpenedSession | null = null;
  // stopped by the caller's signal (SIGINT outside Ink) or by the wizard's stop()
  const stopper = new AbortController();
  o.signal?.addEventListener('abort', () => stopper.abort(), { once: true });

  return {
    mode: o.mode,
    database: { kind: o.target.kind, url: o.target.masked },
    firstOpen: o.firstOpen,
    seed:
      o.seedFile && o.seeder
        ? {
            file: path.relative(process.cwd(), o.seedFile) || o.seedFile,
            run: (onEvent) => {
              if (!db) throw new Error('open() must be called before seeding');
              return o.seeder!(db, o.seedFile!, onEvent);
            },
          }
        : null,
    async open() {
      db = await connect(o.target, o.toolVersion);
      // a dry run writes nothing and must not make a real upgrade wait
      if (o.mode !== 'dry-run') unlock = await acquireRunLock(db);
      const { plan } = await inspectDatabase(db, o.catalog, o.to);
      const { previews, warnings } = plan.refusal ? { previews: {}, warnings: [] } : await buildPreviews(db, plan);
      opened = { database: { kind: o.target.kind, url: o.target.masked }, plan, previews, warnings };
      return opened;
    },
    async run(decide: Decide, onEvent: RunListener): Promise<RunSummary> {
      if (!db || !opened) throw new Error('open() must be called before run()');
      return runPlan({
        db,
        plan: opened.plan,
        mode: o.mode,
        decide,
        onEvent,
        previews: opened.previews,
        toolVersion: o.toolVersion,
        lockTimeoutMs: o.lockTimeoutMs,
        lockRetries: o.lockRetries,
        batchSize: o.batchSize,
        signal: stopper.signal,
      });
    },
    stop() {
      stopper.abort();
    },
    // safe to call twice
    async close() {
      const [release, connection] = [unlock, db];
      unlock = null;
      db = null;
      await release?.();
      await connection?.close();
    },
  };
}
