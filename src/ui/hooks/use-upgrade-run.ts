// Drives `session.run`: answers its `decide` with the operator's choice, turns its events into
// the live step and the finished history. Decides nothing itself: every answer comes from a key.
import { useEffect, useRef, useState } from 'react';
import { stepKey } from '../../core/catalog.js';
import type { PlannedStep } from '../../core/plan.js';
import type { Decide, Decision, RunEvent, RunSummary, StepPreview } from '../../run/events.js';
import type { AppendHistory } from '../history.js';
import type { OpenedSession, WizardSession } from '../session.js';
import { confirmationWord, type Previews } from '../step-facts.js';

export interface LiveStep {
  step: PlannedStep;
  index: number;
  total: number;
  startedAt: number;
  statement?: { index: number; total: number; sql: string };
  progress?: { done: number; total: number | null };
  retry?: { attempt: number; of: number; waitMs: number; reason: string };
  logs: { level: 'info' | 'warn'; message: string }[];
}

export interface PendingDecision {
  step: PlannedStep;
  index: number;
  total: number;
  /** asked although the operator chose "apply all": this step loses data */
  duringApplyAll: boolean;
}

/** what the operator can answer; `all` is kept here and sent to the runner as `apply` */
export type Answer = 'apply' | 'all' | 'stop' | 'quit';

export interface UpgradeRun {
  live: LiveStep | null;
  pending: PendingDecision | null;
  previews: Previews;
  /** steps that have ended */
  ended: number;
  /** Ctrl-C was pressed while a step ran: the run ends before the next one */
  quitRequested: boolean;
  answer(answer: Answer): void;
  /**
   * Ctrl-C: answers `quit` to a pending question; while a step runs, the first press makes the
   * next question answer `quit` ('waiting'), a second one is the operator insisting ('again')
   */
  requestQuit(): 'answered' | 'waiting' | 'again';
}

export interface UseUpgradeRunOptions {
  session: WizardSession;
  opened: OpenedSession;
  append: AppendHistory;
  onFinished(summary: RunSummary): void;
  onError(error: unknown): void;
}

const LIVE_LOG_LINES = 3;

export function useUpgradeRun({ session, opened, append, onFinished, onError }: UseUpgradeRunOptions): UpgradeRun {
  const [live, setLive] = useState<LiveStep | null>(null);
  const [pending, setPending] = useState<PendingDecision | null>(null);
  const [previews, setPreviews] = useState<Previews>(opened.previews);
  const [ended, setEnded] = useState(0);
  const [quitRequested, setQuitRequested] = useState(false);

  const previewsRef = useRef(previews);
  const resolveRef = useRef<((decision: Decision) => void) | null>(null);
  const applyAllRef = useRef(false);
  const quitRef = useRef(false);
  const stepRef = useRef<{ index: number; total: number; warnings: string[] } | null>(null);
  const startedRef = useRef(false);

  const decide: Decide = (step, index, total) => {
    if (quitRef.current) return Promise.resolve('quit');
    const destructive = confirmationWord(step, previewsRef.current[stepKey(step)]) !== null;
    // "apply all" still stops at a step that loses data: the operator types the table's name
    if (applyAllRef.current && !destructive) return Promise.resolve('apply');
    return new Promise<Decision>((resolve) => {
      resolveRef.current = resolve;
      setPending({ step, index, total, duringApplyAll: applyAllRef.current });
    });
  };

  const onEvent = (event: RunEvent) => {
    switch (event.type) {
      case 'notice':
        append({ type: 'notice', message: event.message });
        return;
      case 'step-start':
        stepRef.current = { index: event.index, total: event.total, warnings: [] };
        setLive({ step: event.step, index: event.index, total: event.total, startedAt: Date.now(), logs: [] });
        return;
      case 'step-preview': {
        const next = { ...previewsRef.current, [stepKey(event.step)]: event.preview };
        previewsRef.current = next;
        setPreviews(next);
        return;
      }
      case 'statement':
        setLive((l) => l && { ...l, statement: { index: event.index, total: event.total, sql: event.sql }, retry: undefined });
        return;
      case 'progress':
        setLive((l) => l && { ...l, progress: { done: event.done, total: event.total } });
        return;
      case 'retry':
        setLive((l) => l && { ...l, retry: { attempt: event.attempt, of: event.of, waitMs: event.waitMs, reason: event.reason } });
        return;
      case 'log':
        if (event.level === 'warn') stepRef.current?.warnings.push(event.message);
        setLive((l) => l && { ...l, logs: [...l.logs, { level: event.level, message: event.message }].slice(-LIVE_LOG_LINES) });
        return;
      case 'step-end': {
        const { outcome } = event;
        const at = stepRef.current;
        const preview: StepPreview | undefined = previewsRef.current[stepKey(outcome.step)];
        append({
          type: 'step',
          outcome,
          index: at?.index ?? 0,
          total: at?.total ?? opened.plan.steps.length,
          statementCount:
            outcome.step.kind === 'migration'
              ? (preview?.statements.length ?? outcome.step.migration?.statements.length ?? null)
              : null,
          warnings: at?.warnings ?? [],
        });
        if (outcome.status === 'failed') append({ type: 'failure', outcome, mode: session.mode });
        stepRef.current = null;
        setLive(null);
        setEnded((n) => n + 1);
        return;
      }
      case 'release-complete':
        append({ type: 'release', version: event.version, mode: session.mode });
        return;
      default:
        // run-start and run-end: the wizard already knows the plan, and `run` resolves with the summary
        return;
    }
  };

  useEffect(() => {
    if (startedRef.current) return;
    startedRef.current = true;
    session.run(decide, onEvent).then(onFinished, onError);
  }, []);

  const answer = (given: Answer) => {
    const resolve = resolveRef.current;
    if (!resolve) return;
    resolveRef.current = null;
    if (given === 'all') applyAllRef.current = true;
    if (given === 'quit') quitRef.current = true;
    setPending(null);
    resolve(given === 'all' ? 'apply' : given);
  };

  const requestQuit = () => {
    if (resolveRef.current) {
      answer('quit');
      return 'answered' as const;
    }
    // a ref, not the state: two presses can arrive before the first one re-rendered
    if (quitRef.current) return 'again' as const;
    quitRef.current = true;
    // the runner ends the step cleanly (a batched data step after its current batch); a session
    // without stop() is answered `quit` at the next question instead
    session.stop?.();
    setQuitRequested(true);
    return 'waiting' as const;
  };

  return { live, pending, previews, ended, quitRequested, answer, requestQuit };
}
