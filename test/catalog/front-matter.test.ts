import { describe, expect, it } from 'vitest';
import { readFrontMatter } from '../../src/catalog/front-matter.js';

describe('readFrontMatter', () => {
  it('parses the YAML between the fences and keeps the Markdown after them', () => {
    const file = readFrontMatter('---\nversion: 1.3.0\ntitle: Discounts\nsteps:\n  - migration: 0001_x\n---\n# Notes\n\nBody.\n');
    expect(file.data).toEqual({ version: '1.3.0', title: 'Discounts', steps: [{ migration: '0001_x' }] });
    expect(file.content).toBe('# Notes\n\nBody.\n');
  });

  it('reads Windows line ends, a byte-order mark and a `...` closing fence', () => {
    const file = readFrontMatter('\uFEFF---\r\nversion: 2.0.0\r\n...\r\nBody\r\n');
    expect(file.data).toEqual({ version: '2.0.0' });
    expect(file.content).toBe('Body\r\n');
  });

  it('a later `---` (a Markdown rule) belongs to the body', () => {
    const file = readFrontMatter('---\na: 1\n---\nabove\n\n---\n\nbelow\n');
    expect(file.data).toEqual({ a: 1 });
    expect(file.content).toBe('above\n\n---\n\nbelow\n');
  });

  it('no front matter: null data and the whole text; empty front matter: null data', () => {
    expect(readFrontMatter('# Just Markdown\n')).toEqual({ data: null, content: '# Just Markdown\n' });
    expect(readFrontMatter('---\n---\nBody\n')).toEqual({ data: null, content: 'Body\n' });
  });

  it('invalid YAML and an unclosed block are errors that say where', () => {
    expect(() => readFrontMatter('---\nversion: [1.2.0\n---\n')).toThrow(/\(2:\d+\)/);
    expect(() => readFrontMatter('---\nversion: 1.2.0\n')).toThrow(/no closing `---`/);
  });
});
