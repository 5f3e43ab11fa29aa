// Small builders of catalogs and database facts for the pure core's tests.
import type { Catalog, CatalogStep, Migration, Release } from '../../src/core/catalog.js';
import type { DatabaseFacts, HistoryEntry } from '../../src/core/state.js';

let when = 1_700_000_000_000;
export function migration(tag: string, at?: number): Migration {
  when += 1000;
  return { tag, idx: Number.parseInt(tag, 10), when: at ?? when, hash: `hash-${tag}`, statements: [`-- ${tag}`] };
}

type StepSpec = string; // "m:0001_x" or "s:1.3.0/a.ts"

export function catalog(spec: Record<string, StepSpec[]>, codeVersion?: string): Catalog {
  const migrations: Migration[] = [];
  const releases: Release[] = Object.entries(spec).map(([version, steps]) => ({
    version,
    title: `Release ${version}`,
    notes: '',
    steps: steps.map((s): CatalogStep => {
      const [kind, id] = s.split(':');
      if (kind === 'm') {
        const m = migration(id);
        migrations.push(m);
        return { kind: 'migration', id, version, migration: m };
      }
      return { kind: 'script', id, version, script: { id, file: `/fake/${id}`, checksum: `sum-${id}` } };
    }),
  }));
  return { codeVersion: codeVersion ?? releases[releases.length - 1].version, releases, migrations, tables: ['product', 'cart'] };
}

/** Facts for a database where the given step ids were applied (migrations by drizzle rows, scripts by history). */
export function facts(cat: Catalog, applied: string[], options: { byStepwise?: boolean; tables?: string[]; extraHistory?: HistoryEntry[] } = {}): DatabaseFacts {
  const byStepwise = options.byStepwise ?? true;
  const steps = cat.releases.flatMap((r) => r.steps).filter((s) => applied.includes(s.id));
  const migrations = steps
    .filter((s) => s.kind === 'migration')
    .map((s, i) => ({ id: i + 1, hash: s.kind === 'migration' ? s.migration.hash : '', createdAt: s.kind === 'migration' ? s.migration.when : 0 }));
  const history: HistoryEntry[] = steps
    .filter((s) => s.kind === 'script' || byStepwise)
    .map((s) => ({ version: s.version, stepId: s.id, kind: s.kind, checksum: 'x', outcome: 'applied', finishedAt: new Date(0) }));
  return {
    backendTables: options.tables ?? (applied.length > 0 ? ['product'] : []),
    migrations,
    history: [...history, ...(options.extraHistory ?? [])],
  };
}
