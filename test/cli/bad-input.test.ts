// A catalogue of bad inputs: each gets its message, its exit code, and no change to the database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, urlFor, type TestDatabase } from '../helpers/postgres.js';
import { fixtureCatalog, rewriteMigration } from '../engine/fixture-catalog.js';
import { runCli } from './run-cli.js';
import { snapshot } from './snapshot.js';

const SECRET = 'S3cr3t-pw-xyz';

describe('bad inputs', () => {
  let t: TestDatabase;
  let root: string;
  let url: string;
  let before: Record<string, number>;
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'stepwise-bad-'));

  beforeAll(async () => {
    t = await createTestDatabase('sw_bad');
    root = fixtureCatalog();
    url = t.url.replace('postgres@', `postgres:${SECRET}@`);
    // a database at 1.1.0 with data: the state every refusal must leave untouched
    const r = await runCli(['upgrade', '--yes', '--to', '1.0.0'], { env: { DATABASE_URL: url, STEPWISE_ROOT: root } });
    expect(r.code).toBe(0);
    await t.query("INSERT INTO product (id, title, qty) VALUES ('p1', 'one', 1), ('p2', 'two', 2)");
    before = await snapshot(t);
  });
  afterAll(async () => {
    expect(await snapshot(t)).toEqual(before);
    await t.drop();
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  const expectUnchanged = async () => expect(await snapshot(t)).toEqual(before);
  const noSecret = (r: { stdout: string; stderr: string }) => expect(`${r.stdout}${r.stderr}`).not.toContain(SECRET);

  it.each([
    ['sqlite:./shop.db', /SQLite/],
    ['file:./shop.sqlite', /SQLite/],
    ['./shop.db', /SQLite/],
    [`mysql://root:${SECRET}@127.0.0.1:3306/test`, /"mysql:"/],
  ])('DATABASE_URL=%s → exit 2, PostgreSQL only, nothing created', async (bad, what) => {
    const r = await runCli(['status'], { env: { DATABASE_URL: bad }, cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(what);
    expect(r.stderr).toMatch(/PostgreSQL only/);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    noSecret(r);
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('an unreachable server → exit 2, the cause and the masked URL', async () => {
    const r = await runCli(['status'], { env: { DATABASE_URL: `postgres://app:${SECRET}@127.0.0.1:1/shop` } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Cannot connect to postgres:\/\/app:\*\*\*\*@127.0.0.1:1\/shop: nothing is listening there/);
    noSecret(r);
  });

  it('a missing database → exit 2, says it does not exist', async () => {
    const r = await runCli(['upgrade', '--yes'], { env: { DATABASE_URL: urlFor('sw_no_such_db_here').replace('postgres@', `postgres:${SECRET}@`), STEPWISE_ROOT: root } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the database does not exist/);
    noSecret(r);
  });

  it('an unknown role → exit 2, names the cause', async () => {
    const r = await runCli(['status'], { env: { DATABASE_URL: t.url.replace('postgres@', `nobody_here:${SECRET}@`), STEPWISE_ROOT: root } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/rejected this user|no such role|does not exist/);
    noSecret(r);
  });

  it('a --database-url flag is masked the same way', async () => {
    const r = await runCli(['status', '--database-url', `postgres://app:${SECRET}@127.0.0.1:1/x`]);
    expect(r.code).toBe(2);
    noSecret(r);
  });

  it('--to an unknown release → exit 2, nothing changed', async () => {
    const r = await runCli(['upgrade', '--yes', '--to', '9.9.9'], { env: { DATABASE_URL: url, STEPWISE_ROOT: root } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--to 9.9.9: no such release/);
    await expectUnchanged();
  });

  it('--dry-run with --rehearse → exit 2', async () => {
    const r = await runCli(['upgrade', '--dry-run', '--rehearse'], { env: { DATABASE_URL: url, STEPWISE_ROOT: root } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/exclude each other/);
  });

  it('an unknown command or option → exit 2 with usage', async () => {
    expect((await runCli(['frobnicate'])).code).toBe(2);
    const r = await runCli(['status', '--colour'], { env: { DATABASE_URL: url } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unknown option/);
    expect((await runCli(['upgrade', '--lock-timeout', 'soon'], { env: { DATABASE_URL: url } })).code).toBe(2);
  });

  it('no terminal and no --yes → the plan is printed, exit 3, nothing applied', async () => {
    const r = await runCli(['upgrade'], { env: { DATABASE_URL: url, STEPWISE_ROOT: root } });
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/Plan: 5 step\(s\) to 2.0.0/);
    expect(r.stderr).toMatch(/Pass --yes/);
    noSecret(r);
    await expectUnchanged();
  });

  it('--json on a refusal still prints one JSON document', async () => {
    const r = await runCli(['upgrade', '--json'], { env: { DATABASE_URL: url, STEPWISE_ROOT: root } });
    expect(r.code).toBe(3);
    const doc = JSON.parse(r.stdout);
    expect(doc.steps).toHaveLength(5);
    expect(doc.database.url).toContain('****');
  });

  it('a dry run → exit 0, every statement shown, nothing written', async () => {
    const r = await runCli(['upgrade', '--dry-run'], { env: { DATABASE_URL: url, STEPWISE_ROOT: root } });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/ALTER TABLE product DROP COLUMN qty/);
    expect(r.stdout).toMatch(/data-loss: .*"qty".*\(2 row\(s\) affected\)/);
    await expectUnchanged();
  });

  describe('catalog faults → exit 2, named, nothing changed', () => {
    const broken = (mutate: (dir: string) => void) => {
      const dir = fixtureCatalog();
      mutate(dir);
      return dir;
    };
    it.each([
      ['a missing SQL file', (d: string) => fs.rmSync(path.join(d, 'drizzle/0001_tag.sql')), /0001_tag.sql: missing/],
      ['a guide naming an unknown migration', (d: string) => {
        const g = path.join(d, 'upgrade-guides/1.2.0.md');
        fs.writeFileSync(g, fs.readFileSync(g, 'utf8').replace('steps:\n', 'steps:\n  - migration: 0009_nope\n'));
      }, /migration 0009_nope is not in drizzle\/meta\/_journal.json/],
      ['malformed front matter', (d: string) => fs.writeFileSync(path.join(d, 'upgrade-guides/1.2.0.md'), '---\nversion: [1.2.0\n---\n'), /front matter is not valid YAML/],
      ['package.json version not the newest guide', (d: string) => fs.writeFileSync(path.join(d, 'package.json'), '{"version":"3.0.0"}'), /differs from the newest upgrade guide/],
      ['a journal of another dialect', (d: string) => {
        const j = JSON.parse(fs.readFileSync(path.join(d, 'drizzle/meta/_journal.json'), 'utf8'));
        j.dialect = 'sqlite';
        fs.writeFileSync(path.join(d, 'drizzle/meta/_journal.json'), JSON.stringify(j));
      }, /dialect must be "postgresql"/],
      ['a migration in no guide', (d: string) => {
        const g = path.join(d, 'upgrade-guides/2.0.0.md');
        fs.writeFileSync(g, fs.readFileSync(g, 'utf8').replace('  - migration: 0003_drop_qty\n', '  - script: 2.0.0/none.ts\n'));
      }, /0003_drop_qty belongs to no upgrade guide/],
    ] as const)('%s', async (_name, mutate, message) => {
      const dir = broken(mutate);
      try {
        const check = await runCli(['check', '--root', dir]);
        expect(check.code).toBe(2);
        expect(check.stdout).toMatch(message);
        const r = await runCli(['upgrade', '--yes'], { env: { DATABASE_URL: url, STEPWISE_ROOT: dir } });
        expect(r.code).toBe(2);
        expect(r.stderr).toMatch(/catalog is inconsistent/);
        await expectUnchanged();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });

    it('a data step without a run function', async () => {
      const dir = broken((d) => fs.writeFileSync(path.join(d, 'upgrade-guides/1.2.0/title-case.ts'), "export default { title: 'x', estimate: async () => 0 };"));
      try {
        const check = await runCli(['check', '--root', dir]);
        expect(check.code).toBe(2);
        expect(check.stdout).toMatch(/title-case.ts.*run: expected a function/);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  it('an edited applied migration (drift) → exit 3, file named, nothing changed', async () => {
    const dir = fixtureCatalog();
    rewriteMigration(dir, '0000_base', 'CREATE TABLE product (id text PRIMARY KEY)');
    try {
      const r = await runCli(['upgrade', '--yes'], { env: { DATABASE_URL: url, STEPWISE_ROOT: dir } });
      expect(r.code).toBe(3);
      expect(`${r.stdout}${r.stderr}`).toMatch(/drizzle\/0000_base.sql/);
      const s = await runCli(['status', '--json'], { env: { DATABASE_URL: url, STEPWISE_ROOT: dir } });
      expect(JSON.parse(s.stdout).state).toBe('drift');
      await expectUnchanged();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a database ahead of the code → exit 3, nothing changed', async () => {
    const dir = fixtureCatalog();
    // the recorded migration's created_at matches no journal entry: applied by code this one does not have
    const journal = path.join(dir, 'drizzle/meta/_journal.json');
    const j = JSON.parse(fs.readFileSync(journal, 'utf8'));
    j.entries[0].when += 1;
    fs.writeFileSync(journal, JSON.stringify(j));
    try {
      const r = await runCli(['upgrade', '--yes'], { env: { DATABASE_URL: url, STEPWISE_ROOT: dir } });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/newer than the code/);
      await expectUnchanged();
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the run lock held by another session → exit 3, holder named, nothing changed', async () => {
    const pg = await import('pg');
    const holder = new pg.default.Client({ connectionString: t.url, application_name: 'stepwise 9.9.9' });
    await holder.connect();
    await holder.query('SELECT pg_advisory_lock($1, $2)', [0x53545057, 1]);
    try {
      const r = await runCli(['upgrade', '--yes'], { env: { DATABASE_URL: url, STEPWISE_ROOT: root } });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(/lock is held by stepwise 9.9.9 \(pid \d+, user postgres/);
      await expectUnchanged();
    } finally {
      await holder.end();
    }
  });
});
