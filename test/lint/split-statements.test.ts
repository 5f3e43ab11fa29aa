import { describe, expect, it } from 'vitest';
import { splitStatements, SqlSyntaxError } from '../../src/lint/parser.js';

describe('splitStatements', () => {
  it('cuts a chunk into statements by the parser, not by semicolons in the text', async () => {
    const chunk = "SET lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY \"i;x\" ON cart (note) WHERE note <> ';';\n-- done\nSELECT 1";
    expect(await splitStatements(chunk)).toEqual([
      "SET lock_timeout = '5s'",
      'CREATE INDEX CONCURRENTLY "i;x" ON cart (note) WHERE note <> \';\'',
      'SELECT 1',
    ]);
  });

  it('counts positions in UTF-8 bytes, as PostgreSQL does', async () => {
    expect(await splitStatements("SELECT 'ééé'; /* ü */ VACUUM; SELECT '€'")).toEqual(["SELECT 'ééé'", 'VACUUM', "SELECT '€'"]);
  });

  it('keeps dollar-quoted bodies whole', async () => {
    const body = 'DO $$ BEGIN PERFORM 1; PERFORM 2; END $$';
    expect(await splitStatements(`${body};\nVACUUM;`)).toEqual([body, 'VACUUM']);
  });

  it('nothing for empty or comment-only text; a SqlSyntaxError for bad SQL', async () => {
    expect(await splitStatements('  -- nothing\n')).toEqual([]);
    expect(await splitStatements('')).toEqual([]);
    await expect(splitStatements('SELECT 1; SELEC 2')).rejects.toThrow(SqlSyntaxError);
  });
});
