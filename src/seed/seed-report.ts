// What a seed run did, per entity: how many rows it added and how many the database already had
// (matched on natural keys), so a re-run can say "0 new, 13 already present".

export type SeedEntity =
  | 'currencies'
  | 'store'
  | 'sales_channels'
  | 'stock_locations'
  | 'users'
  | 'regions'
  | 'countries'
  | 'shipping_options'
  | 'categories'
  | 'collections'
  | 'products'
  | 'variants'
  | 'prices'
  | 'images'
  | 'inventory_items';

export interface SeedEntityReport {
  entity: SeedEntity;
  inserted: number;
  alreadyPresent: number;
}

export interface SeedReport {
  /** in insertion (dependency) order; entities the file does not mention are left out */
  entities: SeedEntityReport[];
  /** rows written in all tables, links included */
  rowsWritten: number;
  /** things left as the database had them, worth telling the operator */
  warnings: string[];
  durationMs: number;
}

/** Progress of the long part: new products written with all their rows, after each chunk of them. */
export interface SeedProgress {
  done: number;
  total: number;
}

export type SeedProgressListener = (progress: SeedProgress) => void;

/** one line of progress, as the CLI and the wizard show it */
export function formatSeedProgress(progress: SeedProgress): string {
  return `products: ${progress.done}/${progress.total}, with their rows`;
}

export class SeedTally {
  private readonly counts = new Map<SeedEntity, SeedEntityReport>();
  rowsWritten = 0;
  readonly warnings: string[] = [];

  /** `inserted` of `inFile` entries were new; the rest were present already */
  count(entity: SeedEntity, inFile: number, inserted: number): void {
    const entry = this.counts.get(entity) ?? { entity, inserted: 0, alreadyPresent: 0 };
    entry.inserted += inserted;
    entry.alreadyPresent += inFile - inserted;
    this.counts.set(entity, entry);
  }

  /** rows written that are not entities of their own (links, option values, levels) */
  wrote(rows: number): void {
    this.rowsWritten += rows;
  }

  report(durationMs: number): SeedReport {
    const entities = [...this.counts.values()];
    const rowsWritten = this.rowsWritten + entities.reduce((sum, entry) => sum + entry.inserted, 0);
    return { entities, rowsWritten, warnings: this.warnings, durationMs };
  }
}

/** `products  0 new, 13 already present` lines, for plain-text output. */
export function formatSeedReport(report: SeedReport): string[] {
  const width = Math.max(...report.entities.map((entry) => entry.entity.length), 0) + 2;
  const lines = report.entities.map(
    (entry) =>
      `${entry.entity.replace(/_/g, ' ').padEnd(width)}${entry.inserted} new, ${entry.alreadyPresent} already present`,
  );
  return [...lines, ...report.warnings.map((warning) => `warning: ${warning}`)];
}
