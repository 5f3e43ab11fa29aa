import { describe, expect, it } from 'vitest';
import { checkCatalog, type CatalogFacts } from '../../src/core/check-catalog.js';

const good = (): CatalogFacts => ({
  packageVersion: '1.1.0',
  journal: [
    { tag: '0000_a', idx: 0, when: 1000 },
    { tag: '0001_b', idx: 1, when: 2000 },
  ],
  guides: [
    { file: 'upgrade-guides/1.0.0.md', version: '1.0.0', steps: [{ kind: 'migration', id: '0000_a' }] },
    { file: 'upgrade-guides/1.1.0.md', version: '1.1.0', steps: [{ kind: 'migration', id: '0001_b' }, { kind: 'script', id: '1.1.0/x.ts' }] },
  ],
});

const errors = (f: CatalogFacts) => checkCatalog(f).filter((p) => p.severity === 'error').map((p) => `${p.where}: ${p.message}`);

describe('checkCatalog', () => {
  it('accepts a consistent catalog', () => {
    expect(checkCatalog(good())).toEqual([]);
  });
  it('a migration in no guide', () => {
    const f = good();
    f.guides[1].steps = [{ kind: 'script', id: '1.1.0/x.ts' }];
    expect(errors(f)).toEqual(['drizzle/0001_b.sql: migration 0001_b belongs to no upgrade guide']);
  });
  it('a migration in two guides', () => {
    const f = good();
    f.guides[0].steps.push({ kind: 'migration', id: '0001_b' });
    expect(errors(f).join('\n')).toMatch(/listed in several guides: 1.0.0, 1.1.0/);
  });
  it('a guide naming an unknown migration', () => {
    const f = good();
    f.guides[1].steps.push({ kind: 'migration', id: '0009_nope' });
    expect(errors(f)).toContain('upgrade-guides/1.1.0.md: migration 0009_nope is not in drizzle/meta/_journal.json');
  });
  it('releases listing migrations out of journal order', () => {
    const f = good();
    f.guides[0].steps = [{ kind: 'migration', id: '0001_b' }];
    f.guides[1].steps = [{ kind: 'migration', id: '0000_a' }];
    expect(errors(f).join('\n')).toMatch(/must apply migrations in journal order/);
  });
  it('newest guide differs from package.json', () => {
    const f = good();
    f.packageVersion = '1.2.0';
    expect(errors(f)).toEqual(['package.json: version 1.2.0 differs from the newest upgrade guide (1.1.0): they must be equal']);
  });
  it('a version that is not semver, a duplicate version, a data step in the wrong folder', () => {
    const f = good();
    f.guides.push({ file: 'upgrade-guides/one.md', version: 'one', steps: [] });
    f.guides.push({ file: 'upgrade-guides/1.0.0-copy.md', version: '1.0.0', steps: [{ kind: 'script', id: '1.1.0/y.ts' }] });
    const e = errors(f).join('\n');
    expect(e).toMatch(/"one" is not a semantic version/);
    expect(e).toMatch(/a second guide for version 1.0.0/);
    expect(e).toMatch(/must live in upgrade-guides\/1.0.0\//);
  });
  it('warns (does not fail) about a migration drizzle-kit would skip', () => {
    const f = good();
    f.journal[1].when = 500;
    const problems = checkCatalog(f);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'warning', where: 'drizzle/0001_b.sql' });
  });
});
