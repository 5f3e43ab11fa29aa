// Ctrl-C during a run: the first asks the runner to stop after the current step (which commits
// or rolls back cleanly); the second exits at once (the server rolls back the open transaction).
export function stopOnSignal(say: ((line: string) => void) | null) {
  const controller = new AbortController();
  const onSignal = () => {
    if (controller.signal.aborted) process.exit(130);
    controller.abort();
    say?.('Stopping after the current step finishes or rolls back (Ctrl-C again to quit at once)…');
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
