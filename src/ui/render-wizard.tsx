// The wizard's entry point: renders it with Ink on the terminal and resolves with the exit code
// (0 done, nothing to do or stopped with n · 1 a step failed · 3 refused · 130 quit). Rejects
// with the session's error when opening or running fails, for the caller to report. The session
// stays the caller's: it created it and closes it, whatever the wizard's end.
import { render } from 'ink';
import { Wizard } from './components/Wizard.js';
import { WIZARD_EXIT } from './exit-code.js';
import { coloursWanted } from './palette.js';
import type { WizardSession } from './session.js';

export interface RenderWizardOptions {
  stdout?: NodeJS.WriteStream;
  stdin?: NodeJS.ReadStream;
  stderr?: NodeJS.WriteStream;
}

export async function renderWizard(session: WizardSession, options: RenderWizardOptions = {}): Promise<number> {
  let code: number = WIZARD_EXIT.quit;
  const app = render(<Wizard session={session} colours={coloursWanted()} onExit={(c) => (code = c)} />, {
    stdout: options.stdout ?? process.stdout,
    stdin: options.stdin ?? process.stdin,
    stderr: options.stderr ?? process.stderr,
    // Ctrl-C is the wizard's to handle: during a step it first lets the step end cleanly
    exitOnCtrlC: false,
  });
  await app.waitUntilExit();
  return code;
}
