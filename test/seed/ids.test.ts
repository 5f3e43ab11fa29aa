import { describe, expect, it } from 'vitest';
import { newId } from '../../src/seed/ids.js';

describe('newId', () => {
  it('is a prefix and a ULID', () => {
    expect(newId('prod')).toMatch(/^prod_[0-9A-HJKMNP-TV-Z]{26}$/);
  });

  it('sorts in creation order, also within one millisecond', () => {
    const ids = Array.from({ length: 5000 }, () => newId('variant'));
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('starts with the time', () => {
    const before = Date.now();
    const time = newId('x').slice(2, 12);
    const decoded = [...time].reduce((n, c) => n * 32 + '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.indexOf(c), 0);
    expect(decoded).toBeGreaterThanOrEqual(before);
    expect(decoded).toBeLessThanOrEqual(Date.now());
  });
});
