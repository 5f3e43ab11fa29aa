import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeStatements } from '../../src/lint/analyze.js';

const root = path.resolve(import.meta.dirname, '../..');

describe('analyzeStatements', () => {
  it('returns one preview per chunk, in order, keeping the SQL as given', async () => {
    const chunks = ['CREATE TABLE a (id int);', '  DROP TABLE b;\n', 'SELECT 1'];
    const previews = await analyzeStatements(chunks);
    expect(previews.map((p) => p.sql)).toEqual(chunks);
    expect(previews.map((p) => p.warnings.length)).toEqual([0, 1, 0]);
    expect(await analyzeStatements([])).toEqual([]);
  });

  it('analyzes every statement of a multi-statement chunk', async () => {
    const [preview] = await analyzeStatements([
      'ALTER TABLE cart DROP COLUMN note;\nCREATE INDEX i ON cart (email);\nCREATE INDEX CONCURRENTLY j ON cart (id);\nTRUNCATE line_item;',
    ]);
    expect(preview.transactional).toBe(false);
    expect(preview.warnings.map((w) => [w.kind, w.table, w.column])).toEqual([
      ['data-loss', 'cart', 'note'],
      ['long-lock', 'cart', undefined],
      ['data-loss', 'line_item', undefined],
    ]);
  });

  it('reads past comments and a statement-breakpoint marker left in the chunk', async () => {
    const [preview] = await analyzeStatements([
      '-- 2.0.0: inventory moved to inventory_level\n/* DROP TABLE cart; */\nALTER TABLE "product_variant" DROP COLUMN "inventory_quantity";--> statement-breakpoint\n',
    ]);
    expect(preview.parseError).toBeUndefined();
    expect(preview.warnings).toEqual([expect.objectContaining({ table: 'product_variant', column: 'inventory_quantity' })]);
  });

  it('an empty or comment-only chunk has nothing to say', async () => {
    const previews = await analyzeStatements(['', '   \n', '-- nothing here\n']);
    expect(previews).toEqual([
      { sql: '', transactional: true, countsRows: false, warnings: [] },
      { sql: '   \n', transactional: true, countsRows: false, warnings: [] },
      { sql: '-- nothing here\n', transactional: true, countsRows: false, warnings: [] },
    ]);
  });

  it('a syntax error becomes parseError with line and column, never an exception, and later chunks still run', async () => {
    const previews = await analyzeStatements([
      'DROP TABLE cart;',
      'ALTER TABLE cart\n  ADD COLUMN;',
      'ALTER TABLE "unterminated DROP COLUMN x',
      'DROP TABLE line_item;',
    ]);
    expect(previews[1]).toEqual({
      sql: 'ALTER TABLE cart\n  ADD COLUMN;',
      transactional: true,
      // unknown: the runner takes the path that counts
      countsRows: true,
      warnings: [],
      parseError: 'syntax error at or near ";" (line 2, column 13)',
    });
    expect(previews[2].parseError).toMatch(/^unterminated quoted identifier/);
    expect(previews[3].warnings).toHaveLength(1);
    expect(previews[0].parseError).toBeUndefined();
  });

  it('a statement that only PostgreSQL 18 understands parses', async () => {
    const [preview] = await analyzeStatements(['ALTER TABLE cart ADD CONSTRAINT c_nn NOT NULL email NOT VALID']);
    expect(preview.parseError).toBeUndefined();
    expect(preview.warnings).toEqual([]);
  });

  it('ALTER TYPE … ADD VALUE is transactional (PostgreSQL 12+) and carries no warning', async () => {
    const [preview] = await analyzeStatements(["ALTER TYPE \"public\".\"cart_type_enum\" ADD VALUE 'subscription';"]);
    expect(preview).toEqual({ sql: preview.sql, transactional: true, countsRows: false, warnings: [] });
  });

  it('knows which chunks report rows they change: DML does, DDL and SELECT do not', async () => {
    const previews = await analyzeStatements([
      'CREATE TABLE t (id int); CREATE INDEX t_idx ON t (id)',
      "INSERT INTO t VALUES (1); UPDATE t SET id = 2",
      'ALTER TABLE t ADD COLUMN x int; DELETE FROM t WHERE id < 0',
      'CREATE TABLE u AS SELECT * FROM t; SELECT 1',
      "MERGE INTO t USING u ON t.id = u.id WHEN MATCHED THEN DELETE",
      "COPY t FROM '/tmp/t.csv'",
      "DO $$ BEGIN UPDATE t SET id = 3; END $$",
    ]);
    expect(previews.map((p) => p.countsRows)).toEqual([false, true, true, false, true, true, false]);
  });

  it('looks inside PL/pgSQL DO blocks, as older drizzle-kit wrapped foreign keys in them', async () => {
    const [preview] = await analyzeStatements([
      `DO $$ BEGIN
         ALTER TABLE "cart" ADD CONSTRAINT "cart_region_fk" FOREIGN KEY ("region_id") REFERENCES "public"."region"("id");
       EXCEPTION WHEN duplicate_object THEN null;
       END $$;`,
    ]);
    expect(preview.transactional).toBe(true);
    expect(preview.warnings).toEqual([expect.objectContaining({ kind: 'long-lock', table: 'cart' })]);
    const nested = await analyzeStatements([
      "DO LANGUAGE plpgsql $body$ BEGIN IF true THEN DROP TABLE old_cart; END IF; RAISE NOTICE '$$'; END $body$",
    ]);
    expect(nested[0].warnings).toEqual([expect.objectContaining({ kind: 'data-loss', table: 'old_cart' })]);
    const created = await analyzeStatements(['DO $$ BEGIN CREATE TABLE t (id int); END $$', 'CREATE INDEX ON t (id)']);
    expect(created[1].warnings).toEqual([]);
  });

  it('a DO block whose body does not parse is a parseError; other languages are not read', async () => {
    const [broken] = await analyzeStatements(['DO $$ BEGIN DROP TABLE; END $$']);
    expect(broken.parseError).toMatch(/^syntax error/);
    const [other] = await analyzeStatements(["DO LANGUAGE plv8 $$ plv8.execute('DROP TABLE cart') $$"]);
    expect(other).toMatchObject({ transactional: true, warnings: [] });
  });

  it("finds what §10 expects in the backend's own migrations, and every chunk parses", async () => {
    const dir = path.join(root, 'drizzle');
    const files = readdirSync(dir).filter((file) => file.endsWith('.sql')).sort();
    const byFile = new Map<string, Awaited<ReturnType<typeof analyzeStatements>>>();
    for (const file of files) {
      const chunks = readFileSync(path.join(dir, file), 'utf8').split('--> statement-breakpoint');
      byFile.set(file, await analyzeStatements(chunks));
    }
    const all = [...byFile.values()].flat();
    expect(all.filter((p) => p.parseError)).toEqual([]);
    expect(all.every((p) => p.transactional)).toBe(true);

    const warningsOf = (prefix: string) => [...byFile].filter(([file]) => file.startsWith(prefix)).flatMap(([, ps]) => ps.flatMap((p) => p.warnings));
    // first install creates every table: nothing existing to lock, rewrite or lose
    expect(warningsOf('0000_')).toEqual([]);
    expect(warningsOf('0003_')).toEqual([expect.objectContaining({ kind: 'long-lock', table: 'cart', column: 'sales_channel_id' })]);
    expect(warningsOf('0005_')).toEqual([
      expect.objectContaining({ kind: 'data-loss', table: 'product_variant', column: 'inventory_quantity', loses: 'column-values' }),
    ]);
  });
});

describe('the parser is loaded lazily', () => {
  it('no module of src/lint imports libpg-query at load time, only as types or through import()', () => {
    const dir = path.join(root, 'src/lint');
    const sources = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ts'));
    const eager = sources.filter((file) => {
      const text = readFileSync(path.join(dir, file), 'utf8');
      return /^import\s+(?!type\b)[^;]*from\s+'libpg-query'/m.test(text);
    });
    expect(sources.length).toBeGreaterThan(5);
    expect(eager).toEqual([]);
  });

  it('importing the analyzer does not load the parser; the first analysis does', async () => {
    // a resolve hook reports every request for libpg-query over a port read synchronously
    const hooks = encodeURIComponent(`
      let port;
      export function initialize(data) { port = data.port; }
      export async function resolve(specifier, context, next) {
        if (specifier === 'libpg-query') port.postMessage(specifier);
        return next(specifier, context);
      }`);
    const script = `
      import { register } from 'node:module';
      import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
      const { port1, port2 } = new MessageChannel();
      register(${JSON.stringify(`data:text/javascript,${hooks}`)}, { data: { port: port2 }, transferList: [port2] });
      const requests = () => { let n = 0; while (receiveMessageOnPort(port1)) n++; return n; };
      const { analyzeStatements } = await import('./src/lint/analyze.ts');
      const before = requests();
      await analyzeStatements(['SELECT 1']);
      console.log(JSON.stringify({ before, after: requests() }));
      port1.close();
    `;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(out.trim().split('\n').at(-1)!)).toEqual({ before: 0, after: 1 });
  });
});
