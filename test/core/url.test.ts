import { describe, expect, it } from 'vitest';
import { maskUrl, resolveDatabaseTarget, scrubSecrets } from '../../src/db/url.js';
import { UserError } from '../../src/errors.js';

describe('database URLs', () => {
  it('masks passwords', () => {
    expect(maskUrl('postgres://app:s3cret@db.example:5432/shop')).toBe('postgres://app:****@db.example:5432/shop');
    expect(maskUrl('postgresql://app@db/shop')).toBe('postgresql://app@db/shop');
    expect(maskUrl('postgres://u:p@h/d?password=zz&sslmode=require')).toBe('postgres://u:****@h/d?password=****&sslmode=require');
    expect(scrubSecrets('failed for postgres://u:hunter22@h/d: hunter22 rejected', 'postgres://u:hunter22@h/d')).not.toMatch(/hunter22/);
  });
  it('postgres:// and postgresql:// go to pg; nothing goes to PGlite', () => {
    expect(resolveDatabaseTarget('postgres://u:p@h/d')).toMatchObject({ kind: 'postgres', masked: 'postgres://u:****@h/d' });
    expect(resolveDatabaseTarget('postgresql://h/d').kind).toBe('postgres');
    expect(resolveDatabaseTarget(undefined, { STEPWISE_DATA_DIR: '/tmp/x' })).toMatchObject({ kind: 'pglite', dataDir: '/tmp/x' });
    expect(resolveDatabaseTarget('  ', {}).kind).toBe('pglite');
  });
  it.each([
    ['sqlite:./dev.db', /SQLite/],
    ['file:./data.sqlite', /SQLite/],
    ['./shop.db', /SQLite/],
    ['/var/data/app.sqlite3', /SQLite/],
    ['mysql://root:pw@localhost/shop', /"mysql:"/],
    ['mongodb://h/d', /"mongodb:"/],
  ])('%s is refused with a PostgreSQL-only message', (url, what) => {
    expect(() => resolveDatabaseTarget(url)).toThrow(UserError);
    try {
      resolveDatabaseTarget(url);
    } catch (error) {
      expect((error as Error).message).toMatch(what);
      expect((error as Error).message).toMatch(/PostgreSQL only/);
      expect((error as Error).message).not.toMatch(/:pw@/);
    }
  });
});
