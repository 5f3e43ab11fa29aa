// The quick checks may only accept what zod accepts: anything else must reach zod for its words.
import { describe, expect, it } from 'vitest';
import { frontMatterSchema, isFrontMatter, isJournal, journalSchema } from '../../src/catalog/catalog-schemas.js';

const entry = { idx: 0, version: '7', when: 1, tag: '0000_a', breakpoints: true };
const journals: [string, unknown, boolean][] = [
  ['valid', { version: '7', dialect: 'postgresql', entries: [entry] }, true],
  ['sqlite dialect', { version: '7', dialect: 'sqlite', entries: [] }, false],
  ['fractional when', { version: '7', dialect: 'postgresql', entries: [{ ...entry, when: 1.5 }] }, false],
  ['empty tag', { version: '7', dialect: 'postgresql', entries: [{ ...entry, tag: '' }] }, false],
  ['no entries', { version: '7', dialect: 'postgresql' }, false],
  ['an array', [], false],
];
const fronts: [string, unknown, boolean][] = [
  ['valid', { version: '1.0.0', title: 'Base', steps: [{ migration: '0000_a' }, { script: '1.0.0/x.ts' }] }, true],
  ['numeric version', { version: 1.7, title: 'x', steps: [] }, false],
  ['empty title', { version: '1.0.0', title: '', steps: [] }, false],
  ['a step with two keys', { version: '1.0.0', title: 'x', steps: [{ migration: 'a', script: 'b.ts' }] }, false],
  ['a script that is not .ts', { version: '1.0.0', title: 'x', steps: [{ script: '1.0.0/x.js' }] }, false],
  ['an unknown step kind', { version: '1.0.0', title: 'x', steps: [{ sql: 'x' }] }, false],
];

describe('catalog shapes', () => {
  it.each(journals)('journal: %s', (_name, value, ok) => {
    expect(isJournal(value)).toBe(ok);
    expect(journalSchema().safeParse(value).success).toBe(ok);
  });
  it.each(fronts)('front matter: %s', (_name, value, ok) => {
    expect(isFrontMatter(value)).toBe(ok);
    expect(frontMatterSchema().safeParse(value).success).toBe(ok);
  });
});
