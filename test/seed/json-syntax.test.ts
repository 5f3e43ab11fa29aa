import { describe, expect, it } from 'vitest';
import { lineColumn, scan } from '../../src/seed/json-syntax.js';

// The scanner only locates errors; it must agree with JSON.parse on what is valid.
const samples = [
  '{}',
  '[]',
  ' {"a": [1, -2.5e+3, true, false, null, "x\\"\\u00e9\\n"], "b": {"c": {}}} ',
  '"just a string"',
  '0',
  '-0.0',
  '{"a":1,}',
  '[1,]',
  '[01]',
  '{"a" 1}',
  '"\\x"',
  '"\\u12"',
  '1.',
  '.5',
  '+1',
  'tru',
  'nulls',
  '{"a":1}}',
  '["\t"]',
  '[1 2]',
];

describe('scan', () => {
  for (const text of samples) {
    it(`agrees with JSON.parse on ${JSON.stringify(text)}`, () => {
      let valid = true;
      try {
        JSON.parse(text);
      } catch {
        valid = false;
      }
      expect(scan(text) === null).toBe(valid);
    });
  }

  it('counts lines and columns from 1', () => {
    expect(lineColumn('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
