// Runs the built CLI (dist/cli.js) as a user would, without a terminal. Every PostgreSQL URL it
// passes carries a password (a known secret when the test gave none; trust auth ignores it), and
// a run whose stdout or stderr shows any URL's password fails the test: no test can forget to check.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export const CLI = path.resolve('dist/cli.js');

/** the password put into every PostgreSQL URL that has a user and no password */
export const SECRET_PASSWORD = 'Pw-7c41e9-never-printed';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `postgres://user@host/db` → `postgres://user:<SECRET_PASSWORD>@host/db`; anything else unchanged */
export function withSecret(url: string): string {
  try {
    const parsed = new URL(url);
    if (!/^postgres(ql)?:$/.test(parsed.protocol) || !parsed.username || parsed.password) return url;
    parsed.password = SECRET_PASSWORD;
    return parsed.toString();
  } catch {
    return url;
  }
}

const safeDecode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
};

/** the passwords of the URLs given, long enough that finding one in output cannot be chance */
export function passwordsIn(values: (string | undefined)[]): string[] {
  const out: string[] = [];
  for (const value of values) {
    const match = value && /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*:([^@/\s]+)@/i.exec(value);
    if (!match) continue;
    // as written in the URL and as the server would receive it
    for (const form of new Set([match[1], safeDecode(match[1])])) if (form.length >= 8) out.push(form);
  }
  return out;
}

/** which output shows one of `secrets`, with the password itself blanked out, or null */
export function findLeak(secrets: string[], outputs: { stdout: string; stderr: string }): string | null {
  for (const [name, text] of Object.entries(outputs)) {
    const secret = secrets.find((s) => text.includes(s));
    if (secret !== undefined) return `${name}:\n${secrets.reduce((t, s) => t.replaceAll(s, '<PASSWORD>'), text)}`;
  }
  return null;
}

function injectIntoArgs(args: string[]): string[] {
  return args.map((arg, i) => {
    if (args[i - 1] === '--database-url') return withSecret(arg);
    if (arg.startsWith('--database-url=')) return `--database-url=${withSecret(arg.slice('--database-url='.length))}`;
    return arg;
  });
}

export interface CliOptions {
  env?: Record<string, string | undefined>;
  cwd?: string;
  timeoutMs?: number;
  /** the running process, for tests that watch its output or kill it at a chosen moment */
  onSpawn?: (child: ChildProcess) => void;
}

export function runCli(args: string[], options: CliOptions = {}): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', DATABASE_URL: undefined, STEPWISE_ROOT: undefined };
  for (const [k, v] of Object.entries(options.env ?? {})) {
    if (v === undefined) delete env[k];
    else env[k] = k === 'DATABASE_URL' ? withSecret(v) : v;
  }
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  const argv = injectIntoArgs(args);
  const secrets = passwordsIn([env.DATABASE_URL, ...argv.map((a) => a.replace(/^--[a-z-]+=/, ''))]);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...argv], { env, cwd: options.cwd ?? process.cwd(), stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.stdin.end();
    options.onSpawn?.(child);
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      const leak = findLeak(secrets, { stdout, stderr });
      if (leak) reject(new Error(`stepwise ${args.join(' ')} printed a database password on ${leak}`));
      else resolve({ code, stdout, stderr });
    });
  });
}
