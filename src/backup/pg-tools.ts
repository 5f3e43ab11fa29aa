// Finding PostgreSQL's client programs (pg_dump, pg_restore, psql) and their versions. PATH
// first; then the versioned directories distributions install side by side, because a pg_dump
// older than the server refuses to dump it and Debian's /usr/bin one may be the older one.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { UserError } from '../errors.js';

const run = promisify(execFile);

export type PgProgram = 'pg_dump' | 'pg_restore' | 'psql';

export interface PgTool {
  program: PgProgram;
  file: string;
  /** `15.20` */
  version: string;
  major: number;
}

/** `pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)` → 15; `9.6.24` → 9 (old scheme: 9.6 counts as 9) */
export function parseToolVersion(output: string): { version: string; major: number } | null {
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) return null;
  return { version: match[2] === undefined ? match[1] : `${match[1]}.${match[2]}`, major: Number(match[1]) };
}

function versionedDirs(): string[] {
  const roots = [
    ['/usr/lib/postgresql', (v: string) => path.join('/usr/lib/postgresql', v, 'bin')],
    ['/usr', (v: string) => (v.startsWith('pgsql-') ? path.join('/usr', v, 'bin') : '')],
    ['/opt/homebrew/opt', (v: string) => (/^(libpq|postgresql@\d+)$/.test(v) ? path.join('/opt/homebrew/opt', v, 'bin') : '')],
    ['/usr/local/opt', (v: string) => (/^(libpq|postgresql@\d+)$/.test(v) ? path.join('/usr/local/opt', v, 'bin') : '')],
  ] as const;
  const dirs: string[] = [];
  for (const [root, binOf] of roots) {
    let entries: string[] = [];
    try {
      entries = fs.readdirSync(root);
    } catch {
      continue;
    }
    for (const entry of entries) {
      const dir = binOf(entry);
      if (dir) dirs.push(dir);
    }
  }
  return dirs;
}

async function probe(program: PgProgram, file: string): Promise<PgTool | null> {
  try {
    const { stdout } = await run(file, ['--version'], { timeout: 10_000 });
    const parsed = parseToolVersion(stdout);
    return parsed ? { program, file, ...parsed } : null;
  } catch {
    return null;
  }
}

/** where to look: PATH order first, then the versioned directories */
export function searchDirs(env: NodeJS.ProcessEnv = process.env): string[] {
  return [...(env.PATH ?? '').split(path.delimiter).filter(Boolean), ...versionedDirs()];
}

/** Every installed copy of `program` in `dirs`. */
export async function findTools(program: PgProgram, dirs = searchDirs()): Promise<PgTool[]> {
  const seen = new Set<string>();
  const found: PgTool[] = [];
  for (const dir of dirs) {
    const file = path.join(dir, process.platform === 'win32' ? `${program}.exe` : program);
    if (seen.has(file) || !fs.existsSync(file)) continue;
    seen.add(file);
    const tool = await probe(program, file);
    if (tool) found.push(tool);
  }
  return found;
}

const install = (major: number) =>
  `Install the PostgreSQL ${major} client programs or newer (Debian/Ubuntu: postgresql-client-${major}; macOS: brew install libpq) and put their bin directory on PATH.`;

/** The first `program` (PATH order) whose major version is at least `minMajor`; a UserError naming what was found otherwise. */
export async function requireTool(program: PgProgram, minMajor: number, why: string, dirs = searchDirs()): Promise<PgTool> {
  const tools = await findTools(program, dirs);
  const fit = tools.find((t) => t.major >= minMajor);
  if (fit) return fit;
  if (tools.length === 0) throw new UserError(`${program} is not installed, and ${why}.`, [install(minMajor)]);
  const found = tools.map((t) => `${t.file} (${t.version})`).join(', ');
  throw new UserError(`${program} ${minMajor} or newer is needed (${why}); found only ${found}.`, [install(minMajor)]);
}

/** `program` from the same directory as `beside` (the pair must match versions), else the newest fit. */
export async function companionTool(program: PgProgram, beside: PgTool, why: string): Promise<PgTool> {
  const sibling = await probe(program, path.join(path.dirname(beside.file), path.basename(beside.file).replace(beside.program, program)));
  return sibling ?? requireTool(program, beside.major, why);
}
