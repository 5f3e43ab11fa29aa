// Turns a failed connection into one sentence that names the cause and the masked URL.
import { UserError } from '../errors.js';
import { scrubSecrets } from './url.js';

const BY_SQLSTATE: Record<string, string> = {
  '28P01': 'the password was rejected',
  '28000': 'the server rejected this user (no such role, or pg_hba.conf does not allow it)',
  '3D000': 'the database does not exist',
  '42501': 'this user may not connect to the database',
  '53300': 'the server has too many connections',
  '57P03': 'the server is starting up or shutting down',
};

const BY_ERRNO: Record<string, string> = {
  ECONNREFUSED: 'nothing is listening there (connection refused): is PostgreSQL running?',
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name does not resolve',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'the host is unreachable',
  ECONNRESET: 'the server closed the connection',
};

export function describeConnectionError(error: unknown, masked: string, url?: string): UserError {
  const e = error as { code?: string; message?: string };
  const cause =
    (e.code && (BY_SQLSTATE[e.code] ?? BY_ERRNO[e.code])) ||
    (/timeout/i.test(e.message ?? '') ? 'the connection timed out' : scrubSecrets(e.message ?? String(error), url));
  const next =
    e.code === '3D000'
      ? ['Create it (createdb) or fix the database name in DATABASE_URL.']
      : ['Check DATABASE_URL (postgres://user:password@host:5432/database) and that the server accepts connections.'];
  return new UserError(`Cannot connect to ${masked}: ${cause}.`, next);
}
