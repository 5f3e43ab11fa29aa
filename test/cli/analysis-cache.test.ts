// The bundled CLI keeps its migrations' analyses and reuses them on the next run.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../helpers/postgres.js';
import { fixtureCatalog } from '../engine/fixture-catalog.js';
import { runCli } from './run-cli.js';

describe('analyses kept between runs', () => {
  let t: TestDatabase;
  let root: string;
  let cacheDir: string;
  let env: Record<string, string>;
  beforeEach(async () => {
    t = await createTestDatabase('sw_cache');
    root = fixtureCatalog();
    cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-cli-cache-'));
    env = { DATABASE_URL: t.url, STEPWISE_ROOT: root, STEPWISE_CACHE_DIR: cacheDir };
  });
  afterEach(async () => {
    await t.drop();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(cacheDir, { recursive: true, force: true });
  });

  const warningsOf = (stdout: string) =>
    JSON.parse(stdout).steps.flatMap((s: { warnings?: { message: string }[] }) => (s.warnings ?? []).map((w) => w.message));

  it('the second run reads the first run’s analyses instead of parsing again; STEPWISE_NO_CACHE parses', async () => {
    expect((await runCli(['upgrade', '--yes', '--to', '1.0.0'], { env })).code).toBe(0);
    const first = await runCli(['upgrade', '--dry-run', '--json'], { env });
    expect(first.code).toBe(0);
    const files = fs.readdirSync(cacheDir);
    expect(files).toEqual([expect.stringMatching(/^analyses-[0-9a-f]{16}\.json$/)]);
    const parsed = warningsOf(first.stdout);
    expect(parsed.some((m: string) => /qty/.test(m))).toBe(true); // 0003_drop_qty's data loss

    // a marker written into the kept analyses shows up only if the run read them
    const file = path.join(cacheDir, files[0]);
    const kept = fs.readFileSync(file, 'utf8');
    expect(kept).toContain('with every value in it');
    fs.writeFileSync(file, kept.replaceAll('with every value in it', 'from the kept analysis'));
    const second = await runCli(['upgrade', '--dry-run', '--json'], { env });
    expect(warningsOf(second.stdout).some((m: string) => m.includes('from the kept analysis'))).toBe(true);
    const fresh = await runCli(['upgrade', '--dry-run', '--json'], { env: { ...env, STEPWISE_NO_CACHE: '1' } });
    expect(warningsOf(fresh.stdout)).toEqual(parsed);
  });
});
