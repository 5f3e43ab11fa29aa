// The whole wizard: connect → overview and plan → a question per step → running → summary
// (→ seed offer after a first install). Phases render the session's plan and events only.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Static, useApp, useInput } from 'ink';
import { ThemeProvider, defaultTheme, extendTheme } from '@inkjs/ui';
import type { PlannedStep } from '../../core/plan.js';
import type { RunSummary } from '../../run/events.js';
import { WIZARD_EXIT, exitCodeForSummary } from '../exit-code.js';
import { stepLabel } from '../format.js';
import type { HistoryItem } from '../history.js';
import { COLOUR_PALETTE, NO_COLOUR_PALETTE, PaletteContext } from '../palette.js';
import type { OpenedSession, WizardSession } from '../session.js';
import { BusyLine } from './BusyLine.js';
import { ConnectScreen } from './ConnectScreen.js';
import { HistoryEntry } from './HistoryEntry.js';
import { NothingToDoScreen } from './NothingToDoScreen.js';
import { PlanScreen } from './PlanScreen.js';
import { RefusalScreen } from './RefusalScreen.js';
import { RunScreen } from './RunScreen.js';
import { SeedOffer } from './SeedOffer.js';

export interface WizardProps {
  session: WizardSession;
  colours: boolean;
  /** called once with the exit code, just before the wizard unmounts */
  onExit(code: number): void;
}

type Phase =
  | { name: 'connecting' }
  | { name: 'plan'; opened: OpenedSession }
  | { name: 'backing-up'; opened: OpenedSession; file: string }
  | { name: 'refused'; opened: OpenedSession }
  | { name: 'nothing'; opened: OpenedSession }
  | { name: 'running'; opened: OpenedSession }
  | { name: 'seed-offer'; opened: OpenedSession }
  | { name: 'ended'; code: number }
  | { name: 'error'; error: Error };

export function Wizard({ session, colours, onExit }: WizardProps) {
  const { exit } = useApp();
  const [phase, setPhase] = useState<Phase>({ name: 'connecting' });
  const [history, setHistory] = useState<HistoryItem[]>([]);
  const [backedUp, setBackedUp] = useState(false);
  // the run may still report after a forced quit: nothing changes once the wizard ended
  const endedRef = useRef(false);
  const palette = colours ? COLOUR_PALETTE : NO_COLOUR_PALETTE;
  const theme = useMemo(
    () => extendTheme(defaultTheme, { components: { Spinner: { styles: { frame: () => ({ color: palette.accent }) } } } }),
    [palette],
  );

  const append = useCallback((item: HistoryItem) => {
    if (!endedRef.current) setHistory((items) => [...items, item]);
  }, []);
  const end = useCallback((code: number) => {
    if (endedRef.current) return;
    endedRef.current = true;
    setPhase({ name: 'ended', code });
  }, []);
  const fail = useCallback((error: unknown) => {
    if (endedRef.current) return;
    endedRef.current = true;
    setPhase({ name: 'error', error: error instanceof Error ? error : new Error(String(error)) });
  }, []);

  useEffect(() => {
    session.open().then((opened) => {
      if (endedRef.current) return;
      if (opened.plan.refusal) setPhase({ name: 'refused', opened });
      else if (opened.plan.steps.length === 0) setPhase({ name: 'nothing', opened });
      else setPhase({ name: 'plan', opened });
    }, fail);
  }, []);

  // Leave only after the last frame was rendered, so it stays on screen, and a tick later:
  // <Static> drops the items it just wrote in a re-render of its own, and exiting before that
  // re-render would write them a second time.
  useEffect(() => {
    const leave = (code: number) => {
      endedRef.current = true;
      setTimeout(() => {
        onExit(code);
        exit();
      }, 0);
    };
    if (phase.name === 'refused') leave(WIZARD_EXIT.refused);
    else if (phase.name === 'nothing') leave(WIZARD_EXIT.done);
    else if (phase.name === 'ended') leave(phase.code);
    else if (phase.name === 'error') setTimeout(() => exit(phase.error), 0);
  }, [phase]);

  const quitNow = (message: string) => {
    append({ type: 'quit', message });
    end(WIZARD_EXIT.quit);
  };

  // Ctrl-C outside a run; during one, RunScreen handles it (the running step ends first)
  useInput(
    (input, key) => {
      if (key.ctrl && input === 'c') quitNow('Quit: nothing was changed.');
    },
    { isActive: phase.name === 'connecting' || phase.name === 'plan' },
  );

  // a backup before anything runs, then back to the plan (offered once it succeeded: no twice)
  const backUp = (opened: OpenedSession) => {
    const offer = session.backup;
    if (!offer) return;
    setPhase({ name: 'backing-up', opened, file: offer.suggestedFile });
    offer.run(offer.suggestedFile).then(
      (message) => {
        append({ type: 'notice', message });
        setBackedUp(true);
        if (!endedRef.current) setPhase({ name: 'plan', opened });
      },
      (error: unknown) => {
        append({ type: 'notice', message: `Backup failed, nothing was changed: ${error instanceof Error ? error.message : String(error)}` });
        if (!endedRef.current) setPhase({ name: 'plan', opened });
      },
    );
  };

  const start = (opened: OpenedSession) => {
    append({ type: 'run-header', plan: opened.plan, database: opened.database, mode: session.mode });
    setPhase({ name: 'running', opened });
  };

  const finished = (opened: OpenedSession, summary: RunSummary) => {
    if (endedRef.current) return;
    append({ type: 'summary', summary, plan: opened.plan });
    const code = exitCodeForSummary(summary);
    const firstInstallDone =
      code === WIZARD_EXIT.done && session.mode === 'apply' && opened.plan.state === 'empty' && summary.stoppedAt === null;
    if (firstInstallDone && session.seed) setPhase({ name: 'seed-offer', opened });
    else end(code);
  };

  const forceQuit = (running: PlannedStep | null) =>
    quitNow(
      running
        ? `Quit during ${stepLabel(running)}: what it had not committed is rolled back as the connection closes. Run \`stepwise\` again to continue.`
        : 'Quit. Run `stepwise` again to continue.',
    );

  const seed = (onMessage: (message: string) => void) => {
    const offer = session.seed;
    if (!offer) return;
    offer.run(onMessage).then(
      (message) => {
        append({ type: 'seed', outcome: 'seeded', message, file: offer.file });
        end(WIZARD_EXIT.done);
      },
      (error: unknown) => {
        const reason = error instanceof Error ? error.message : String(error);
        append({
          type: 'seed',
          outcome: 'failed',
          message: `Seeding failed: ${reason}. The schema is installed; fix the seed file and run \`stepwise seed\`.`,
        });
        end(WIZARD_EXIT.stepFailed);
      },
    );
  };

  return (
    <PaletteContext.Provider value={palette}>
      <ThemeProvider theme={theme}>
        <Static items={history}>{(item, i) => <HistoryEntry key={i} item={item} />}</Static>
        {phase.name === 'connecting' ? (
          <ConnectScreen database={session.database} firstOpen={session.firstOpen} mode={session.mode} />
        ) : phase.name === 'plan' ? (
          <PlanScreen
            opened={phase.opened}
            mode={session.mode}
            onStart={() => start(phase.opened)}
            onQuit={() => quitNow('Quit before anything ran: nothing was changed.')}
            backup={
              session.backup && !backedUp && session.mode === 'apply' && phase.opened.plan.state !== 'empty'
                ? { onBackup: () => backUp(phase.opened) }
                : null
            }
          />
        ) : phase.name === 'backing-up' ? (
          <BusyLine label={`Backing up ${session.database.url} to ${phase.file}…`} />
        ) : phase.name === 'refused' ? (
          <RefusalScreen opened={phase.opened} mode={session.mode} />
        ) : phase.name === 'nothing' ? (
          <NothingToDoScreen opened={phase.opened} mode={session.mode} />
        ) : phase.name === 'running' ? (
          <RunScreen
            session={session}
            opened={phase.opened}
            append={append}
            onFinished={(summary) => finished(phase.opened, summary)}
            onError={fail}
            onForceQuit={forceQuit}
          />
        ) : phase.name === 'seed-offer' && session.seed ? (
          <SeedOffer
            file={session.seed.file}
            onSeed={seed}
            onDecline={() => {
              append({ type: 'seed', outcome: 'declined', message: 'No demo data seeded. To seed later: `stepwise seed`.' });
              end(WIZARD_EXIT.done);
            }}
          />
        ) : null}
      </ThemeProvider>
    </PaletteContext.Provider>
  );
}
