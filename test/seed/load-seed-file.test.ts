import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { SeedFileError, loadSeedFile, parseSeedText } from '../../src/seed/load-seed-file.js';

const dir = mkdtempSync(path.join(tmpdir(), 'stepwise-seed-'));

function write(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function failure(file: string): Promise<SeedFileError> {
  const error = await loadSeedFile(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(SeedFileError);
  return error as SeedFileError;
}

describe('loadSeedFile', () => {
  it('loads the demo store', async () => {
    const seed = await loadSeedFile(new URL('../../seed/seed.json', import.meta.url).pathname);
    expect(seed.store?.currencies).toEqual(['eur', 'gbp', 'usd']);
  });

  it('names a missing file and what to do', async () => {
    const error = await failure(path.join(dir, 'nope.json'));
    expect(error.kind).toBe('unreadable');
    expect(error.message).toBe(`Cannot read the seed file ${path.join(dir, 'nope.json')}: no such file (pass another one with --file).`);
  });

  it('says a directory is not a file', async () => {
    expect((await failure(dir)).message).toContain('it is a directory, not a file');
  });

  it('gives line and column of a JSON syntax error', async () => {
    const file = write('comma.json', '{\n  "users": [\n    { "email": "a@b.example", }\n  ]\n}\n');
    const error = await failure(file);
    expect(error.kind).toBe('syntax');
    expect(error.message).toBe(`${file} is not valid JSON:\n  ${file}:3:31: trailing comma, found "}"`);
  });

  it('reports every problem, one a line, under a headline; a user error (exit 2)', async () => {
    const file = write('bad.json', JSON.stringify({ users: [{ email: 'x' }], products: [{ title: 'T', handle: 't', titel: 1 }] }));
    const error = await failure(file);
    expect(error).toBeInstanceOf(UserError);
    expect(error.exitCode).toBe(2);
    expect(error.message.split('\n')).toEqual([
      `${file} has 3 problems; nothing was written:`,
      '  users[0].email: expected an email address, got "x"',
      '  users[0].password: required, expected a string',
      '  products[0].titel: unknown field (did you mean "title"?)',
    ]);
  });

  it('accepts a byte order mark', () => {
    expect(parseSeedText('\ufeff{"products": []}').products).toEqual([]);
  });
});

describe('JSON syntax errors', () => {
  const cases: [string, string][] = [
    ['', '1:1: unexpected end of file: expected a value'],
    ['{"a": bad}', '1:7: expected a value, found "b"'],
    ['{"a": 1 "b": 2}', `1:9: expected ',' or '}' after a property value, found "\\""`],
    ['{a: 1}', '1:2: expected a double-quoted property name, found "a"'],
    ['[1, 2', "1:6: unexpected end of file: expected ',' or ']' after an array element"],
    ['{"a": "open\n}', '1:12: unescaped control character in a string, found a line break'],
    ['{"a": 1}\n{"b": 2}', '2:1: unexpected text after the JSON value, found "{"'],
    ['{"a": 01}', `1:8: expected ',' or '}' after a property value, found "1"`],
  ];
  for (const [text, expected] of cases) {
    it(JSON.stringify(text), () => {
      try {
        parseSeedText(text, 'f.json');
        expect.unreachable();
      } catch (error) {
        expect((error as SeedFileError).problems.map((p) => `${p.path}: ${p.message}`)).toEqual([`f.json:${expected}`]);
      }
    });
  }
});
