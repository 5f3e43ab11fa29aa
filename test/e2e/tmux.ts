// The built CLI in a real pseudo-terminal (tmux, 80×24), driven by keys, read from the screen.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import path from 'node:path';
import { findLeak, passwordsIn, withSecret } from '../cli/run-cli.js';

export class TmuxTerminal {
  private readonly socket = `stepwise-test-${crypto.randomBytes(4).toString('hex')}`;
  private readonly session = 'wizard';

  private readonly secrets: string[];

  constructor(args: string[], env: Record<string, string>) {
    // a password in the URL, and any screen that shows it fails the test (as runCli does)
    if (env.DATABASE_URL) env = { ...env, DATABASE_URL: withSecret(env.DATABASE_URL) };
    this.secrets = passwordsIn([env.DATABASE_URL]);
    const vars = Object.entries({ NO_COLOR: '1', ...env }).map(([k, v]) => `${k}=${shellQuote(v)}`).join(' ');
    const cli = path.resolve('dist/cli.js');
    // the exit code is printed after the wizard ends, and the pane kept open to read it
    const command = `cd ${shellQuote(process.cwd())} && env ${vars} ${shellQuote(process.execPath)} ${shellQuote(cli)} ${args.map(shellQuote).join(' ')}; echo "EXIT=$?"; sleep 300`;
    this.tmux('new-session', '-d', '-s', this.session, '-x', '80', '-y', '24', command);
  }

  screen(): string {
    const screen = this.tmux('capture-pane', '-p', '-t', this.session);
    const leak = findLeak(this.secrets, { stdout: screen, stderr: '' });
    if (leak) throw new Error(`the wizard showed a password on screen: ${leak}`);
    return screen;
  }

  /** keys as tmux names them: 'Enter', 'Escape', 'a', … one call each, as a person types */
  press(...keys: string[]): void {
    for (const key of keys) this.tmux('send-keys', '-t', this.session, key);
  }

  async waitFor(pattern: RegExp, timeoutMs = 30_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      if (pattern.test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern} on screen:\n${screen}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  async exitCode(timeoutMs = 30_000): Promise<number> {
    const screen = await this.waitFor(/EXIT=\d+/, timeoutMs);
    return Number(/EXIT=(\d+)/.exec(screen)![1]);
  }

  close(): void {
    try {
      this.tmux('kill-server');
    } catch {
      /* already gone */
    }
  }

  private tmux(...args: string[]): string {
    return execFileSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
