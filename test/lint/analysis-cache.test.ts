import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAnalysisCache, openAnalysisCache } from '../../src/lint/analysis-cache.js';
import type { LintedStatement } from '../../src/lint/lint-types.js';

const statements = ['CREATE TABLE a (id int)', 'CREATE INDEX CONCURRENTLY a_id ON a (id)'];
const analysis: LintedStatement[] = [
  { sql: statements[0], transactional: true, warnings: [] },
  { sql: statements[1], transactional: false, warnings: [{ kind: 'long-lock', message: 'm', table: 'a' }] },
];

describe('the analysis cache', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-analyses-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives back what a run of the same build saved, with the statements put back', () => {
    const first = createAnalysisCache(dir, 'build1');
    expect(first.get(statements)).toBeUndefined();
    first.set(statements, analysis);
    first.save();
    const stored = fs.readFileSync(path.join(dir, 'analyses-build1.json'), 'utf8');
    expect(stored).not.toContain('CREATE TABLE'); // the text is the key, not stored again
    expect(createAnalysisCache(dir, 'build1').get(statements)).toEqual(analysis);
  });

  it('misses on any other text, and on another build (whose file it removes when it saves)', () => {
    const first = createAnalysisCache(dir, 'build1');
    first.set(statements, analysis);
    first.save();
    expect(createAnalysisCache(dir, 'build1').get([statements[0], `${statements[1]} `])).toBeUndefined();
    const other = createAnalysisCache(dir, 'build2');
    expect(other.get(statements)).toBeUndefined();
    other.set(statements, analysis);
    other.save();
    expect(fs.readdirSync(dir)).toEqual(['analyses-build2.json']);
  });

  it('an unreadable or foreign file is no cache at all', () => {
    fs.writeFileSync(path.join(dir, 'analyses-build1.json'), '{"x": [1, 2');
    expect(createAnalysisCache(dir, 'build1').get(statements)).toBeUndefined();
    fs.writeFileSync(path.join(dir, 'analyses-build1.json'), JSON.stringify({ whatever: [{ transactional: 'yes' }] }));
    const cache = createAnalysisCache(dir, 'build1');
    cache.set(statements, analysis);
    cache.save();
    expect(Object.keys(JSON.parse(fs.readFileSync(path.join(dir, 'analyses-build1.json'), 'utf8')))).toHaveLength(1);
  });

  it('a folder it cannot write to costs only the cache', () => {
    const file = path.join(dir, 'not-a-folder');
    fs.writeFileSync(file, '');
    const cache = createAnalysisCache(file, 'build1');
    cache.set(statements, analysis);
    expect(() => cache.save()).not.toThrow();
  });

  it('only the bundled CLI has one: not tsc modules (no build id), not with STEPWISE_NO_CACHE', () => {
    expect(openAnalysisCache({})).toBeNull();
    expect(openAnalysisCache({ STEPWISE_NO_CACHE: '1' })).toBeNull();
  });
});
