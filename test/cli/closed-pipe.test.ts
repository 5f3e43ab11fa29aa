// `stepwise status | head -1`: the reader goes away before the CLI writes.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { CLI, withSecret } from './run-cli.js';

describe('a closed stdout', () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase('sw_pipe');
  });
  afterAll(async () => t.drop());

  it('is no crash: the command finishes with its own exit code and no stack trace', async () => {
    const child = spawn(process.execPath, [CLI, 'status'], {
      env: { ...process.env, DATABASE_URL: withSecret(t.url), NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.destroy(); // every write the CLI makes to stdout now fails with EPIPE
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(stderr).not.toMatch(/EPIPE|Unhandled|at /);
    expect(code).toBe(0);
  });
});
