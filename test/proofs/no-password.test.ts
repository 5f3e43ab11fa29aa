// Proof (4): no password in any output. test/cli/run-cli.ts puts a password into every
// PostgreSQL URL a test passes to the CLI and fails the run that prints one; this file proves
// that guard itself works, so the whole suite's CLI runs count as evidence.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findLeak, passwordsIn, runCli, SECRET_PASSWORD, withSecret } from '../cli/run-cli.js';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';

describe('the password guard of runCli', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('sw_nopw');
  });
  afterAll(() => t?.drop());

  it('gives a password to URLs that have a user and none', () => {
    expect(withSecret('postgres://app@db:5432/shop')).toBe(`postgres://app:${SECRET_PASSWORD}@db:5432/shop`);
    expect(withSecret('postgresql://app:own-pass@db/shop')).toBe('postgresql://app:own-pass@db/shop');
    expect(withSecret('postgres://db/shop')).toBe('postgres://db/shop');
    expect(withSecret('mysql://root@db/shop')).toBe('mysql://root@db/shop');
  });

  it('finds every URL password worth looking for, and blanks it in its report', () => {
    expect(passwordsIn(['postgres://a:long-secret@h/d', 'mysql://r:S3cr%40t-pw@h/d', 'postgres://a:short@h/d', undefined, 'plain'])).toEqual([
      'long-secret',
      'S3cr%40t-pw',
      'S3cr@t-pw',
    ]);
    expect(findLeak(['long-secret'], { stdout: 'ok', stderr: 'fine' })).toBeNull();
    const leak = findLeak(['long-secret'], { stdout: 'ok', stderr: 'url postgres://a:long-secret@h/d' });
    expect(leak).toBe('stderr:\nurl postgres://a:<PASSWORD>@h/d');
  });

  it('the CLI receives the password (it shows up masked) and never prints it', async () => {
    const viaEnv = await runCli(['status', '--json'], { env: { DATABASE_URL: t.url } });
    expect(viaEnv.code).toBe(0);
    expect(JSON.parse(viaEnv.stdout).database.url).toBe(t.url.replace('postgres@', 'postgres:****@'));
    const viaFlag = await runCli(['status', '--json', '--database-url', t.url]);
    expect(JSON.parse(viaFlag.stdout).database.url).toContain(':****@');
    // and an error path, which quotes the URL
    const refused = await runCli(['status', `--database-url=${t.url.replace(/\/[^/]*$/, '/sw_no_such_database')}`]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(':****@');
  });
});
