// The catalog: everything the code knows about its releases. Plain data, built by
// src/catalog/load-catalog.ts from drizzle/ and upgrade-guides/, consumed by the pure core.

/** One drizzle-kit migration, as drizzle-orm's migrator reads it. */
export interface Migration {
  /** journal `tag`, e.g. `0005_sales_channels` (also the step id) */
  tag: string;
  /** journal `idx` */
  idx: number;
  /** journal `when`: drizzle records it as `created_at` */
  when: number;
  /** sha256 (hex) of the whole file, exactly as drizzle-orm computes it */
  hash: string;
  /** the file split on `--> statement-breakpoint`, as drizzle splits it */
  statements: string[];
}

/** A data step file as the catalog knows it (the module itself is loaded only to run it). */
export interface DataStepRef {
  /** path relative to upgrade-guides/, e.g. `1.7.0/default-sales-channel.ts` (also the step id) */
  id: string;
  /** absolute path of the .ts file */
  file: string;
  /** sha256 (hex) of the file's text, recorded in stepwise.history */
  checksum: string;
}

export type CatalogStep =
  | { kind: 'migration'; id: string; version: string; migration: Migration }
  | { kind: 'script'; id: string; version: string; script: DataStepRef };

export type StepKind = CatalogStep['kind'];

/** One upgrade guide: `upgrade-guides/<version>.md`. */
export interface Release {
  version: string;
  title: string;
  /** the guide's Markdown body: notes shown to the operator */
  notes: string;
  steps: CatalogStep[];
}

export interface Catalog {
  /** package.json `version` */
  codeVersion: string;
  /** ordered by semver, oldest first */
  releases: Release[];
  /** every journal entry, in journal order */
  migrations: Migration[];
  /** the backend's tables (from drizzle's snapshots): their presence tells a used database from an empty one */
  tables: string[];
}

/** A stable key for a step across catalog, history and plan. */
export function stepKey(step: { kind: StepKind; id: string }): string {
  return `${step.kind}:${step.id}`;
}

export function allSteps(catalog: Catalog): CatalogStep[] {
  return catalog.releases.flatMap((release) => release.steps);
}
