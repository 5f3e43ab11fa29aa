// Stopping a run at a chosen point, as an operator's Ctrl-C would: the engine checks the signal
// before each step and between batches.
import type { RunEvent } from '../../src/run/events.js';

/** Aborts once `when` matches an event; pass `signal` and `onEvent` to upgrade(). */
export function interruptWhen(when: (event: RunEvent) => boolean) {
  const controller = new AbortController();
  return {
    signal: controller.signal,
    onEvent: (event: RunEvent) => {
      if (!controller.signal.aborted && when(event)) controller.abort();
    },
  };
}

export const afterStep = (stepId: string) => (e: RunEvent) => e.type === 'step-end' && e.outcome.step.id === stepId;

/** after `batches` batches of `stepId` have committed */
export const afterBatches = (stepId: string, batches: number, size: number) => (e: RunEvent) =>
  e.type === 'progress' && e.step.id === stepId && e.done >= batches * size;
