import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '../../src/seed/password.js';

describe('password hashing', () => {
  it('stores scrypt parameters, salt and hash, never the password', async () => {
    const hash = await hashPassword('correct horse');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{86}==$/);
    expect(hash).not.toContain('correct horse');
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('verifies the right password only', async () => {
    const hash = await hashPassword('correct horse');
    expect(await verifyPassword('correct horse', hash)).toBe(true);
    expect(await verifyPassword('correct hors', hash)).toBe(false);
  });

  it('rejects malformed or tampered hashes', async () => {
    const hash = await hashPassword('pw');
    expect(await verifyPassword('pw', hash.replace('scrypt', 'bcrypt'))).toBe(false);
    expect(await verifyPassword('pw', 'scrypt$0$8$1$c2FsdA==$aGFzaA==')).toBe(false);
    expect(await verifyPassword('pw', 'scrypt$16384$8$1$c2FsdA==$')).toBe(false);
    const parts = hash.split('$');
    parts[5] = Buffer.from('x'.repeat(64)).toString('base64');
    expect(await verifyPassword('pw', parts.join('$'))).toBe(false);
  });
});
