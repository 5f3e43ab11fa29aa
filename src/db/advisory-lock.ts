// One advisory lock for a whole run, so two upgraders never interleave. Fails fast and names
// the holder rather than queueing behind it.
import type { Database } from './database.js';
import { RefusedError } from '../errors.js';

// two-key form: ('STPW', 1) — visible in pg_locks as classid/objid
const CLASS_ID = 0x53545057;
const OBJ_ID = 1;

export async function acquireRunLock(db: Database): Promise<() => Promise<void>> {
  // PGlite is single-process and guarded by its directory lock already
  if (db.kind === 'pglite') return async () => undefined;
  const { rows } = await db.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS locked', [CLASS_ID, OBJ_ID]);
  if (!rows[0].locked) {
    const holder = await db.query<{ pid: number; usename: string; application_name: string; client_addr: string | null; since: string }>(
      `SELECT a.pid, a.usename, a.application_name, a.client_addr::text AS client_addr,
              to_char(a.backend_start, 'YYYY-MM-DD HH24:MI:SS TZ') AS since
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.classid = $1 AND l.objid = $2 AND l.granted
          AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      [CLASS_ID, OBJ_ID],
    );
    const h = holder.rows[0];
    const who = h
      ? `${h.application_name || 'a session'} (pid ${h.pid}, user ${h.usename}${h.client_addr ? `, from ${h.client_addr}` : ''}, connected since ${h.since})`
      : 'another session';
    throw new RefusedError(`Another upgrade is running on this database: the Stepwise lock is held by ${who}.`, [
      'Wait for it to finish, then run this again (a re-run continues where it stops).',
    ]);
  }
  return async () => {
    await db.query('SELECT pg_advisory_unlock($1, $2)', [CLASS_ID, OBJ_ID]).catch(() => undefined);
  };
}
