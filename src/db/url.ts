// Which database a run points at, decided from the URL alone, before anything is opened.
import path from 'node:path';
import { UserError } from '../errors.js';

export type DatabaseTarget =
  | { kind: 'postgres'; url: string; masked: string }
  | { kind: 'pglite'; dataDir: string; masked: string };

const POSTGRES_ONLY =
  'Stepwise migrates PostgreSQL only: the backend schema, its migrations and its data steps use PostgreSQL features. ' +
  'Set DATABASE_URL to a PostgreSQL server (postgres://user:password@host:5432/database), ' +
  'or leave it unset to use the embedded PostgreSQL (PGlite) in ./.stepwise/pgdata. Nothing was created or changed.';

/** `postgres://app:secret@host/db` → `postgres://app:****@host/db`. Never throws. */
export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '****';
    for (const key of [...parsed.searchParams.keys()]) {
      if (/pass|secret|token|key/i.test(key)) parsed.searchParams.set(key, '****');
    }
    return parsed.toString();
  } catch {
    // not a URL we can parse: hide anything between `:` and `@` in the authority
    return url.replace(/(\/\/[^:/@]*:)[^@/]*@/, '$1****@');
  }
}

/** Masks every occurrence of a URL's password in a text (error messages quote URLs). */
export function scrubSecrets(text: string, url: string | undefined): string {
  if (!url) return text;
  let out = text.split(url).join(maskUrl(url));
  try {
    const password = decodeURIComponent(new URL(url).password);
    if (password.length >= 3) out = out.split(password).join('****');
  } catch {
    /* not a URL: nothing more to hide */
  }
  return out;
}

export function resolveDatabaseTarget(url: string | undefined, env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const raw = url?.trim();
  if (!raw) {
    const dataDir = path.resolve(env.STEPWISE_DATA_DIR || path.join('.stepwise', 'pgdata'));
    return { kind: 'pglite', dataDir, masked: `pglite:${path.relative(process.cwd(), dataDir) || dataDir}` };
  }
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(raw)?.[1]?.toLowerCase();
  if (scheme === 'postgres' || scheme === 'postgresql') {
    try {
      const parsed = new URL(raw);
      if (!parsed.hostname && !parsed.searchParams.get('host')) throw new Error('no host');
    } catch {
      throw new UserError(`DATABASE_URL is not a valid PostgreSQL URL: ${maskUrl(raw)}`, [
        'Expected postgres://user:password@host:5432/database',
      ]);
    }
    return { kind: 'postgres', url: raw, masked: maskUrl(raw) };
  }
  const looksSqlite = scheme === 'sqlite' || scheme === 'file' || /\.(db|sqlite3?)$/i.test(raw);
  const what = looksSqlite ? 'SQLite' : scheme ? `"${scheme}:"` : 'a path, not a URL';
  throw new UserError(`DATABASE_URL points at ${what} (${maskUrl(raw)}). ${POSTGRES_ONLY}`);
}
