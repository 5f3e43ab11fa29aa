// Finding pg_dump and friends, and handing them a connection without a password on the command line.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseToolVersion, requireTool } from '../../src/backup/pg-tools.js';
import { libpqConnection } from '../../src/backup/run-tool.js';

const fakes = fs.mkdtempSync(path.join(os.tmpdir(), 'stepwise-fake-pg-'));
afterAll(() => fs.rmSync(fakes, { recursive: true, force: true }));

/** a directory holding a `pg_dump` that reports `version` */
function fakeBin(name: string, version: string): string {
  const dir = path.join(fakes, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, 'pg_dump'), `#!/bin/sh\necho "pg_dump (PostgreSQL) ${version}"\n`, { mode: 0o755 });
  return dir;
}

describe('PostgreSQL client programs', () => {
  it('reads versions of both numbering schemes and distributions\' suffixes', () => {
    expect(parseToolVersion('pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)')).toEqual({ version: '15.20', major: 15 });
    expect(parseToolVersion('pg_restore (PostgreSQL) 17beta2')).toEqual({ version: '17', major: 17 });
    expect(parseToolVersion('psql (PostgreSQL) 9.6.24')).toEqual({ version: '9.6', major: 9 });
    expect(parseToolVersion('something else')).toBeNull();
  });

  it('takes the first copy that is new enough, and names what it found when none is', async () => {
    const old = fakeBin('old', '12.3');
    const recent = fakeBin('recent', '16.1');
    expect(await requireTool('pg_dump', 15, 'test', [old, recent])).toMatchObject({ file: path.join(recent, 'pg_dump'), major: 16 });
    await expect(requireTool('pg_dump', 15, 'the server is PostgreSQL 15', [old])).rejects.toThrow(
      `pg_dump 15 or newer is needed (the server is PostgreSQL 15); found only ${path.join(old, 'pg_dump')} (12.3).`,
    );
    await expect(requireTool('pg_dump', 15, 'a reason', [path.join(fakes, 'nowhere')])).rejects.toMatchObject({
      message: 'pg_dump is not installed, and a reason.',
      nextSteps: [expect.stringMatching(/PostgreSQL 15 client programs or newer .*postgresql-client-15/)],
      exitCode: 2,
    });
  });

  it('passes the password in the environment, never in the connection string', () => {
    const conn = libpqConnection('postgres://app:p%40ss-word@db.example:5433/shop?ssl=true&application_name=x', 'stepwise backup');
    expect(conn.dbname).toBe('postgres://app@db.example:5433/shop?application_name=x&sslmode=require');
    expect(conn.env).toEqual({ PGPASSWORD: 'p@ss-word', PGAPPNAME: 'stepwise backup' });
    expect(libpqConnection('postgres://app@db/shop', 'x').env).toEqual({ PGAPPNAME: 'x' });
  });
});
