// A fake terminal of a given size for the wizard: streams Ink can render to and read keys from,
// the colour-stripped last frame, key presses with a tick between them, and the exit code.
import { EventEmitter } from 'node:events';
import { stripVTControlCharacters } from 'node:util';
import { render } from 'ink';
import { Wizard } from '../../src/ui/components/Wizard.js';
import type { WizardSession } from '../../src/ui/session.js';

export const KEY = {
  enter: '\r',
  escape: '\u001B',
  up: '\u001B[A',
  down: '\u001B[B',
  pageUp: '\u001B[5~',
  pageDown: '\u001B[6~',
  end: '\u001B[F',
  backspace: '\u007F',
  ctrlC: '\u0003',
} as const;

export class FakeStdout extends EventEmitter {
  readonly frames: string[] = [];
  isTTY = true;
  constructor(
    public columns: number,
    public rows: number,
  ) {
    super();
  }
  write = (frame: string) => {
    // cursor show/hide alone is not a frame
    if (!/^(\u001B\[\?25[hl])+$/.test(frame)) this.frames.push(frame);
    return true;
  };
  resize(columns: number, rows: number) {
    this.columns = columns;
    this.rows = rows;
    this.emit('resize');
  }
}

export class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write = (data: string) => {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  };
  read = () => {
    const { data } = this;
    this.data = null;
    return data;
  };
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
}

const tick = (ms = 0) => new Promise((resolve) => setTimeout(resolve, ms));

export interface TerminalOptions {
  columns?: number;
  rows?: number;
  colours?: boolean;
}

export function renderWizardInTerminal(session: WizardSession, options: TerminalOptions = {}) {
  const stdout = new FakeStdout(options.columns ?? 80, options.rows ?? 24);
  const stderr = new FakeStdout(options.columns ?? 80, options.rows ?? 24);
  const stdin = new FakeStdin();
  let exitCode: number | undefined;
  const instance = render(<Wizard session={session} colours={options.colours ?? false} onExit={(code) => (exitCode = code)} />, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stderr: stderr as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    // every render written whole (history and live area): frames can be read as the operator sees them
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  const exited = instance.waitUntilExit().then(() => exitCode);
  // an exit the test does not await still must not be an unhandled rejection
  exited.catch(() => undefined);

  const settle = async () => {
    let count = -1;
    while (count !== stdout.frames.length) {
      count = stdout.frames.length;
      await tick(25);
    }
  };
  const rawFrame = () => stdout.frames.at(-1) ?? '';
  const frame = () => stripVTControlCharacters(rawFrame());

  return {
    stdout,
    stdin,
    instance,
    exited,
    rawFrame,
    frame,
    /** keys one at a time, with a tick between them so Ink reads each one */
    async press(...keys: string[]) {
      for (const key of keys) {
        stdin.write(key);
        await tick(5);
      }
      await settle();
    },
    async type(text: string) {
      for (const char of text) {
        stdin.write(char);
        await tick(1);
      }
      await settle();
    },
    /** waits until the frame contains `text` (or matches it) and no new frame follows for a moment */
    async waitFor(text: string | RegExp, timeoutMs = 3000): Promise<string> {
      const started = Date.now();
      const matches = (current: string) => (typeof text === 'string' ? current.includes(text) : text.test(current));
      for (;;) {
        if (matches(frame())) {
          // screens measure themselves after the first layout: let them settle
          await settle();
          if (matches(frame())) return frame();
        }
        if (Date.now() - started > timeoutMs) {
          throw new Error(`timed out waiting for ${String(text)}; last frame:\n${frame()}`);
        }
        await tick(10);
      }
    },
    unmount() {
      instance.unmount();
    },
  };
}

/** lines wider than `columns`: must be none */
export function overwide(frame: string, columns = 80): string[] {
  return frame.split('\n').filter((line) => [...line].length > columns);
}

/** the frame as one line of words: sentences can be looked for wherever they wrapped */
export function flat(frame: string): string {
  return frame
    .split('\n')
    .map((line) => line.replace(/^[\s│]+/, ''))
    .join(' ')
    .replace(/\s+/g, ' ');
}
