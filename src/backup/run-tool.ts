// Runs a PostgreSQL client program against a server URL. The password travels in PGPASSWORD,
// never on the command line (where `ps` shows it to every user of the machine), and whatever
// the program prints is scrubbed of it before it reaches a message.
import { spawn, type ChildProcess } from 'node:child_process';
import { scrubSecrets } from '../db/url.js';

export interface LibpqConnection {
  /** the URL without its password, for --dbname */
  dbname: string;
  /** PGPASSWORD (when the URL has one) and PGAPPNAME */
  env: Record<string, string>;
}

/** node-postgres takes `ssl=true`; libpq rejects parameters it does not know and wants `sslmode`. */
export function libpqConnection(url: string, appName: string): LibpqConnection {
  const parsed = new URL(url);
  const env: Record<string, string> = { PGAPPNAME: appName };
  if (parsed.password) env.PGPASSWORD = decodeURIComponent(parsed.password);
  parsed.password = '';
  const ssl = parsed.searchParams.get('ssl');
  if (ssl !== null) {
    parsed.searchParams.delete('ssl');
    if (/^(true|1|require)$/i.test(ssl) && !parsed.searchParams.has('sslmode')) parsed.searchParams.set('sslmode', 'require');
  }
  return { dbname: parsed.toString(), env };
}

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface ToolRun {
  child: ChildProcess;
  done: Promise<ToolResult>;
}

/** Starts `file args`; stdout is collected unless `pipeStdout` (then the caller reads child.stdout). */
export function startTool(file: string, args: string[], conn: LibpqConnection, options: { pipeStdout?: boolean } = {}): ToolRun {
  const child = spawn(file, args, {
    env: { ...process.env, ...conn.env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  if (!options.pipeStdout) child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  // a program that dies early closes its stdin; writing then must not crash Stepwise
  child.stdin!.on('error', () => undefined);
  const done = new Promise<ToolResult>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), stdout, stderr }));
  });
  return { child, done };
}

/** Runs to the end with stdin closed. */
export async function runTool(file: string, args: string[], conn: LibpqConnection): Promise<ToolResult> {
  const run = startTool(file, args, conn);
  run.child.stdin!.end();
  return run.done;
}

/** A program's complaint, trimmed to what helps, without a password. */
export function toolMessage(result: ToolResult, url: string): string {
  const lines = result.stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !/^\\(un)?restrict /.test(l));
  const text = lines.slice(-6).join('\n') || `exited with code ${result.code}`;
  return scrubSecrets(text, url);
}
