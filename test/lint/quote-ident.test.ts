import { describe, expect, it } from 'vitest';
import { quoteIdent, quoteQualified } from '../../src/lint/quote-ident.js';

describe('quoteIdent', () => {
  it('always quotes, doubling embedded quotes', () => {
    expect(quoteIdent('cart')).toBe('"cart"');
    expect(quoteIdent('order')).toBe('"order"');
    expect(quoteIdent('Mixed"Name')).toBe('"Mixed""Name"');
    expect(quoteIdent('a"; DROP TABLE cart; --')).toBe('"a""; DROP TABLE cart; --"');
  });

  it('refuses NUL, which PostgreSQL identifiers cannot hold', () => {
    expect(() => quoteIdent('a\0b')).toThrow(/NUL/);
  });

  it('qualifies with the schema only when one is given', () => {
    expect(quoteQualified('log', 'Audit Trail')).toBe('"Audit Trail"."log"');
    expect(quoteQualified('log')).toBe('"log"');
  });
});
