import { afterEach, describe, expect, it } from 'vitest';
import { stripVTControlCharacters } from 'node:util';
import { cleanup, render } from 'ink-testing-library';
import { Markdown } from '../../src/ui/components/Markdown.js';

afterEach(cleanup);

const shown = (source: string) => stripVTControlCharacters(render(<Markdown source={source} />).lastFrame() ?? '');

describe('Markdown guide notes', () => {
  it('joins a paragraph wrapped in the file into one, for the terminal to wrap', () => {
    const frame = shown('The first release: creates the whole\ncommerce schema in public,\nwith `product_variant.inventory_quantity`.');
    expect(frame).toBe('The first release: creates the whole commerce schema in public, with\nproduct_variant.inventory_quantity.');
  });

  it('headings, bullets, numbered lists, code blocks and quotes, without blank lines between', () => {
    const frame = shown('# Title\n\nText **bold** and *em*.\n\n- one\n- two\n\n3. three\n4. four\n\n```sql\nSELECT 1;\n```\n\n> careful');
    expect(frame.split('\n')).toEqual(['Title', 'Text bold and em.', '• one', '• two', '3. three', '4. four', '  SELECT 1;', '│ careful']);
  });

  it('links keep their address, entities are decoded', () => {
    expect(shown('See [the guide](https://example.com/g) & <b>notes</b> &amp; more')).toContain(
      'See the guide (https://example.com/g) & <b>notes</b> & more',
    );
  });

  it('a table is one line per row', () => {
    const frame = shown('| table | rows |\n| --- | --- |\n| cart | 12 |');
    expect(frame.split('\n')).toEqual(['table │ rows', 'cart │ 12']);
  });
});
