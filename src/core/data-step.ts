// The contract of a data step file (`upgrade-guides/<version>/<name>.ts`): a default export
// typed as DataStep. Data step files import only types from here, so they carry no runtime
// dependency on Stepwise's own modules.

export interface QueryResult<Row = Record<string, unknown>> {
  rows: Row[];
  /** rows changed by INSERT/UPDATE/DELETE (0 for SELECT) */
  rowCount: number;
}

export interface Queryable {
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
}

export interface BatchOptions {
  /** table to walk, e.g. `product_variant` (may be schema-qualified) */
  table: string;
  /** keyset column, unique and ordered (default `id`) */
  key?: string;
  /** SQL condition limiting the rows walked, e.g. `manage_inventory = true` */
  where?: string;
  /** keys per batch (default 5000; the operator's --batch-size overrides it) */
  size?: number;
}

export interface Batch<Key = string | number> {
  /**
   * First and last key of this batch (inclusive). `key BETWEEN first AND last AND <where>`
   * reaches the batch's rows with an index range scan: cheaper than `key = ANY(keys)`.
   */
  first: Key;
  last: Key;
  /** the keys of this batch, in order */
  keys: Key[];
  /** run statements of this batch: they commit together when the batch ends */
  db: Queryable;
}

export interface DataStepLogger {
  info(message: string): void;
  warn(message: string): void;
}

export interface DataStepContext {
  /** the database (inside the step's transaction when the step is not batched) */
  db: Queryable;
  /**
   * Walk `table` in keyset batches of `size` keys; `work` runs once per batch inside its own
   * transaction (committed per batch, so a big table is never locked for long and a killed run
   * resumes where it stopped) and returns the number of rows it changed. Progress is reported
   * after each batch. Returns the total of rows changed.
   */
  batches<Key = string | number>(
    options: BatchOptions,
    work: (batch: Batch<Key>) => Promise<number>,
  ): Promise<number>;
  /** report progress for work that is not done through `batches` */
  progress(done: number, total?: number): void;
  log: DataStepLogger;
  /** true when called for a preview (`--dry-run`): only read, never write */
  dryRun: boolean;
}

export interface DataStepResult {
  /** rows changed; 0 on a second run, since data steps are idempotent */
  rowsAffected: number;
  /** a one-line summary for the operator, e.g. "linked 1,204 products to Default Sales Channel" */
  summary?: string;
}

export interface DataStep extends DataStepPreflight {
  title: string;
  /** what it does and why, shown in the wizard's details view */
  description?: string;
  /** rows it will touch on this database (read-only; `dryRun` is true) */
  estimate(ctx: DataStepContext): Promise<number>;
  /** does the work; must be idempotent */
  run(ctx: DataStepContext): Promise<DataStepResult>;
}

export interface DataStepPreflight {
  /**
   * Things the operator must read before anything of the plan runs, e.g. "the column this step
   * copies from was already dropped: stock quantities are gone". Read-only; `dryRun` is true.
   */
  preflight?(ctx: DataStepContext): Promise<string[]>;
}
