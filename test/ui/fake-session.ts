// A WizardSession without a database: a realistic plan of the sample backend's releases and a
// scripted run that asks `decide` and emits events the way the runner does.
import { stepKey } from '../../src/core/catalog.js';
import type { Plan, PlannedRelease, PlannedStep } from '../../src/core/plan.js';
import type { StateName } from '../../src/core/state.js';
import type { SqlWarning, StatementPreview } from '../../src/core/warning.js';
import type {
  Decide,
  Decision,
  RunEvent,
  RunListener,
  RunMode,
  RunSummary,
  StepFailure,
  StepOutcome,
  StepPreview,
} from '../../src/run/events.js';
import type { DatabaseLabel, OpenedSession, WizardSession } from '../../src/ui/session.js';

export interface Deferred {
  promise: Promise<void>;
  release(): void;
}

export function deferred(): Deferred {
  let release!: () => void;
  const promise = new Promise<void>((resolve) => (release = resolve));
  return { promise, release };
}

// ---------------------------------------------------------------- the plan

const longLock = (table: string, message: string): SqlWarning => ({ kind: 'long-lock', table, message });

interface StepSpec {
  kind: 'migration' | 'script';
  id: string;
  statements?: StatementPreview[];
  estimatedRows?: number | null;
  title?: string;
  description?: string;
  warnings?: SqlWarning[];
}

interface ReleaseSpec {
  version: string;
  title: string;
  notes: string;
  steps: StepSpec[];
}

const stmt = (sql: string, warnings: SqlWarning[] = [], transactional = true): StatementPreview => ({ sql, transactional, warnings });

export const DROP_WARNING: SqlWarning = {
  kind: 'data-loss',
  table: 'product_variant',
  column: 'inventory_quantity',
  message: 'drops column inventory_quantity of product_variant',
  affectedRows: 1204,
};

export const RELEASES: ReleaseSpec[] = [
  {
    version: '1.3.0',
    title: 'Discount conditions',
    notes:
      '## What changed\n\nDiscounts now produce **line item adjustments** instead of being computed on the fly.\n\n- One adjustment per discounted line\n- Free shipping is *not* an adjustment\n\nCheck afterwards: `SELECT count(*) FROM line_item_adjustment;`',
    steps: [
      {
        kind: 'migration',
        id: '0001_discount_conditions',
        statements: [
          stmt('CREATE TABLE "line_item_adjustment" (\n  "id" text PRIMARY KEY,\n  "item_id" text NOT NULL,\n  "amount" integer NOT NULL\n);'),
          stmt('CREATE TABLE "discount_condition" ("id" text PRIMARY KEY, "type" text NOT NULL);'),
          stmt('CREATE INDEX "line_item_adjustment_item_id_idx" ON "line_item_adjustment" ("item_id");', [
            longLock('line_item_adjustment', 'CREATE INDEX without CONCURRENTLY blocks writes to line_item_adjustment while it builds'),
          ]),
        ],
      },
      {
        kind: 'script',
        id: '1.3.0/line-item-adjustments.ts',
        title: 'Adjustments for discounted order lines',
        description: 'Creates one line_item_adjustment per discounted line of every order, prorating fixed amounts.',
        estimatedRows: 1204,
      },
      {
        kind: 'script',
        id: '1.3.0/discount-conditions.ts',
        title: 'Product conditions from rule products',
        estimatedRows: null,
      },
    ],
  },
  {
    version: '1.4.0',
    title: 'Sales channels',
    notes: 'Every product is linked to the **Default Sales Channel**.\n\n1. Check the channel exists\n2. Check carts have a channel',
    steps: [
      {
        kind: 'migration',
        id: '0002_sales_channels',
        statements: [
          stmt('CREATE TABLE "sales_channel" ("id" text PRIMARY KEY, "name" text NOT NULL);'),
          stmt('ALTER TABLE "cart" ADD COLUMN "sales_channel_id" text;'),
        ],
      },
      {
        kind: 'script',
        id: '1.4.0/default-sales-channel.ts',
        title: 'Default sales channel',
        estimatedRows: 812,
      },
      {
        kind: 'migration',
        id: '0003_sales_channel_required',
        statements: [
          stmt('ALTER TABLE "cart" ALTER COLUMN "sales_channel_id" SET NOT NULL;', [
            longLock('cart', 'SET NOT NULL scans cart under an ACCESS EXCLUSIVE lock'),
          ]),
          stmt('CREATE INDEX CONCURRENTLY "cart_sales_channel_idx" ON "cart" ("sales_channel_id");', [], false),
        ],
      },
    ],
  },
  {
    version: '1.8.0',
    title: 'Categories and inventory',
    notes: [
      '# Inventory moves to inventory items',
      '',
      'Stock is no longer kept on the variant. Each managed variant gets an **inventory item** and a level at the default stock location.',
      '',
      ...Array.from({ length: 12 }, (_, i) => `- Check ${i + 1}: compare stocked quantities for a sample of variants in region ${i + 1}.`),
      '',
      '> The step is batched and resumable: stop it any time.',
    ].join('\n'),
    steps: [
      {
        kind: 'migration',
        id: '0004_categories_inventory',
        statements: [
          stmt('CREATE TABLE "product_category" ("id" text PRIMARY KEY, "handle" text NOT NULL);'),
          stmt('CREATE TABLE "inventory_item" ("id" text PRIMARY KEY, "sku" text);'),
          stmt('CREATE TABLE "inventory_level" ("id" text PRIMARY KEY, "stocked_quantity" integer NOT NULL);'),
        ],
      },
      {
        kind: 'script',
        id: '1.8.0/inventory-items.ts',
        title: 'Inventory items for managed variants',
        estimatedRows: 12040,
      },
    ],
  },
  {
    version: '2.0.0',
    title: 'Inventory quantity leaves the variant',
    notes: 'The column `product_variant.inventory_quantity` is **dropped**. Only safe after 1.8.0.',
    steps: [
      {
        kind: 'migration',
        id: '0005_drop_inventory_quantity',
        statements: [stmt('ALTER TABLE "product_variant" DROP COLUMN "inventory_quantity";', [DROP_WARNING])],
      },
    ],
  },
];

export interface PlanOptions {
  state?: StateName;
  databaseVersion?: string | null;
  /** releases after this one are planned (default: all) */
  from?: string;
  reasons?: Record<string, PlannedStep['reason']>;
  notices?: string[];
  refusal?: Plan['refusal'];
}

export function buildPlan(options: PlanOptions = {}): { plan: Plan; previews: Record<string, StepPreview> } {
  const state = options.state ?? 'behind';
  const specs = options.refusal || state === 'current' ? [] : RELEASES.filter((r) => !options.from || r.version > options.from);
  const previews: Record<string, StepPreview> = {};
  const releases: PlannedRelease[] = specs.map((release) => ({
    version: release.version,
    title: release.title,
    notes: release.notes,
    steps: release.steps.map((spec, i) => {
      const step: PlannedStep = {
        kind: spec.kind,
        id: spec.id,
        version: release.version,
        reason: options.reasons?.[spec.id] ?? 'new',
        completesRelease: i === release.steps.length - 1,
        migration:
          spec.kind === 'migration'
            ? { tag: spec.id, idx: 0, when: 0, hash: 'h', statements: (spec.statements ?? []).map((s) => s.sql) }
            : undefined,
        script: spec.kind === 'script' ? { id: spec.id, file: `/app/upgrade-guides/${spec.id}`, checksum: 'c' } : undefined,
      };
      const statements = spec.statements ?? [];
      previews[stepKey(step)] = {
        statements,
        warnings: statements.flatMap((s) => s.warnings),
        estimatedRows: spec.kind === 'script' ? (spec.estimatedRows ?? null) : null,
        title: spec.title,
        description: spec.description,
      };
      return step;
    }),
  }));
  const databaseVersion = options.databaseVersion !== undefined ? options.databaseVersion : state === 'empty' ? null : '1.0.0';
  return {
    plan: {
      codeVersion: '2.0.0',
      databaseVersion,
      target: '2.0.0',
      state,
      refusal: options.refusal ?? null,
      releases,
      steps: releases.flatMap((r) => r.steps),
      notices: options.notices ?? [],
    },
    previews,
  };
}

// ---------------------------------------------------------------- the run

export interface StepScript {
  /** events emitted after step-start (statement, progress, log, retry) */
  events?: (step: PlannedStep) => RunEvent[];
  /** rows the step reports */
  rows?: number;
  summary?: string;
  fail?: StepFailure;
  /** stopped between batches (the runner's `skipped`), with the runner's explanation */
  interrupted?: string;
  /** the step stays running until released */
  hold?: Deferred;
}

export interface FakeSessionOptions {
  mode?: RunMode;
  plan?: PlanOptions;
  database?: DatabaseLabel;
  firstOpen?: boolean;
  warnings?: string[];
  steps?: Record<string, StepScript>;
  /** open() waits for this */
  opening?: Deferred;
  openError?: Error;
  seed?: { file: string; messages: string[]; result: string; error?: Error } | null;
  /** offer stop() like the engine's session: the run ends as interrupted before the next step */
  stoppable?: boolean;
}

export interface FakeSession extends WizardSession {
  opened: OpenedSession;
  decisions: { step: string; decision: Decision }[];
  events: RunEvent[];
  closed: boolean;
  seeded: boolean;
  stopped: boolean;
}

export function fakeSession(options: FakeSessionOptions = {}): FakeSession {
  const mode = options.mode ?? 'apply';
  const database = options.database ?? { kind: 'postgres', url: 'postgres://app:****@db.internal:5432/shop' };
  const { plan, previews } = buildPlan(options.plan);
  const opened: OpenedSession = { database, plan, warnings: options.warnings ?? [], previews };
  const scripts = options.steps ?? {};

  const session: FakeSession = {
    mode,
    database,
    firstOpen: options.firstOpen ?? false,
    opened,
    decisions: [],
    events: [],
    closed: false,
    seeded: false,
    stopped: false,
    stop: options.stoppable
      ? () => {
          session.stopped = true;
        }
      : undefined,
    async open() {
      await options.opening?.promise;
      if (options.openError) throw options.openError;
      return opened;
    },
    async run(decide: Decide, onEvent: RunListener): Promise<RunSummary> {
      const emit = (event: RunEvent) => {
        session.events.push(event);
        onEvent(event);
      };
      const outcomes: StepOutcome[] = [];
      let databaseVersion = plan.databaseVersion;
      let stoppedAt: RunSummary['stoppedAt'] = null;
      const total = plan.steps.length;
      emit({ type: 'run-start', mode, plan });
      let applyAll = false;
      for (const [i, step] of plan.steps.entries()) {
        if (session.stopped) {
          stoppedAt = { step, why: 'interrupted' };
          break;
        }
        if (mode !== 'dry-run' && !applyAll) {
          const decision = await decide(step, i + 1, total);
          session.decisions.push({ step: step.id, decision });
          if (decision === 'stop' || decision === 'quit') {
            stoppedAt = { step, why: decision === 'stop' ? 'operator-stopped' : 'operator-quit' };
            break;
          }
          if (decision === 'all') applyAll = true;
        }
        emit({ type: 'step-start', step, index: i + 1, total });
        const script = scripts[step.id] ?? {};
        for (const event of script.events?.(step) ?? []) emit(event);
        await script.hold?.promise;
        const preview = previews[stepKey(step)];
        const outcome: StepOutcome = script.fail
          ? { step, status: 'failed', rows: null, durationMs: 120, failure: script.fail }
          : script.interrupted
            ? { step, status: 'skipped', rows: null, durationMs: 5200, summary: script.interrupted }
            : {
              step,
              status: mode === 'apply' ? 'applied' : mode === 'rehearse' ? 'rehearsed' : 'previewed',
              rows: mode === 'dry-run' ? preview.estimatedRows : (script.rows ?? 0),
              durationMs: mode === 'dry-run' ? 0 : 1500,
              summary: script.summary,
            };
        outcomes.push(outcome);
        emit({ type: 'step-end', outcome });
        if (outcome.status === 'failed' || outcome.status === 'skipped') {
          stoppedAt = { step, why: outcome.status === 'failed' ? 'failed' : 'interrupted' };
          break;
        }
        if (step.completesRelease && mode !== 'dry-run') {
          if (mode === 'apply') databaseVersion = step.version;
          emit({ type: 'release-complete', version: step.version });
        }
      }
      const summary: RunSummary = { mode, outcomes, databaseVersion, stoppedAt, durationMs: 9400 };
      emit({ type: 'run-end', summary });
      return summary;
    },
    seed: options.seed
      ? {
          file: options.seed.file,
          run: async (onMessage) => {
            for (const message of options.seed!.messages) onMessage(message);
            if (options.seed!.error) throw options.seed!.error;
            session.seeded = true;
            return options.seed!.result;
          },
        }
      : null,
    async close() {
      session.closed = true;
    },
  };
  return session;
}
