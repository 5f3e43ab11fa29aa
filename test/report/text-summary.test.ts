import { describe, expect, it } from 'vitest';
import type { PlannedStep } from '../../src/core/plan.js';
import type { RunSummary, StepOutcome } from '../../src/run/events.js';
import { renderSummary } from '../../src/report/text-events.js';

const plain = (_style: string, text: string) => text;
const step = (id: string) => ({ kind: 'migration', id, version: '1.0.0' }) as PlannedStep;
const summary = (mode: RunSummary['mode'], status: StepOutcome['status']): RunSummary => ({
  mode,
  outcomes: ['0000_a', '0001_b'].map((id) => ({ step: step(id), status, rows: null, durationMs: 0 })),
  databaseVersion: null,
  stoppedAt: null,
  durationMs: 3,
});

describe('the plain-text summary', () => {
  it('counts the steps a dry run previewed, a rehearsal rehearsed and a run applied', () => {
    expect(renderSummary(summary('dry-run', 'previewed'), plain, 'stepwise')[1]).toMatch(/^2 step\(s\) previewed/);
    expect(renderSummary(summary('rehearse', 'rehearsed'), plain, 'stepwise')[1]).toMatch(/^2 step\(s\) rehearsed/);
    expect(renderSummary(summary('apply', 'applied'), plain, 'stepwise')[1]).toMatch(/^2 step\(s\) applied/);
  });
});
