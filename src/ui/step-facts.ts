// What the views say about a planned step, read from the plan and the step's preview. Nothing
// is computed here that the planner or the preview did not already decide.
import { stepKey } from '../core/catalog.js';
import type { PlannedStep } from '../core/plan.js';
import type { SqlWarning } from '../core/warning.js';
import type { StepPreview } from '../run/events.js';
import { formatCount, plural } from './format.js';

export type Previews = Record<string, StepPreview>;

export function previewOf(previews: Previews, step: PlannedStep): StepPreview | undefined {
  return previews[stepKey(step)];
}

/** "4 statements · 1 outside a transaction", "~1,204 rows (estimated)", "rows unknown until …" */
export function stepSize(step: PlannedStep, preview: StepPreview | undefined): string {
  if (step.kind === 'migration') {
    const count = preview?.statements.length ?? step.migration?.statements.length ?? 0;
    const outside = preview?.statements.filter((s) => !s.transactional).length ?? 0;
    const size = plural(count, 'statement');
    return outside > 0 ? `${size} · ${formatCount(outside)} outside a transaction` : size;
  }
  if (!preview) return 'rows not estimated';
  if (preview.estimatedRows === null) return 'rows unknown until earlier steps run';
  return `~${plural(preview.estimatedRows, 'row')} (estimated)`;
}

export function stepWarnings(preview: StepPreview | undefined): SqlWarning[] {
  return preview?.warnings ?? [];
}

export function dataLossWarnings(preview: StepPreview | undefined): SqlWarning[] {
  return stepWarnings(preview).filter((w) => w.kind === 'data-loss');
}

/**
 * The word an operator must type before a data-losing step runs: the table it loses data
 * from (Shopify's DangerousConfirmationPrompt idea), or the step id when no table is named.
 * null when the step loses no data (or the preview counted 0 rows at stake).
 */
export function confirmationWord(step: PlannedStep, preview: StepPreview | undefined): string | null {
  // counted and found empty: nothing of the operator's is lost, the warning alone is enough
  const losses = dataLossWarnings(preview).filter((w) => w.affectedRows !== 0);
  if (losses.length === 0) return null;
  return losses.find((w) => w.table)?.table ?? step.id;
}

/** "(1,204 rows)" / "(1,204 non-null values)" when the preview counted what would be lost */
export function affectedText(warning: SqlWarning): string {
  if (warning.affectedRows === undefined || warning.affectedRows === null) return '';
  return warning.column
    ? ` (${plural(warning.affectedRows, 'non-null value')})`
    : ` (${plural(warning.affectedRows, 'row')})`;
}
