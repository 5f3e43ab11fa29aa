// Admin users, keyed by e-mail. Passwords are hashed here and only the hash is stored; users
// already present are not hashed at all, so a re-run costs no scrypt time.
import type { Queryable } from '../core/data-step.js';
import { bulkInsert } from './bulk-insert.js';
import { newId } from './ids.js';
import { hashPassword } from './password.js';
import type { SeedUser } from './seed-file-schema.js';
import type { SeedTally } from './seed-report.js';

export async function insertUsers(db: Queryable, users: SeedUser[], tally: SeedTally): Promise<void> {
  if (users.length === 0) return;
  const present = await db.query<{ email: string }>('SELECT lower(email) AS email FROM "user" WHERE lower(email) = ANY($1::text[])', [
    users.map((user) => user.email),
  ]);
  const known = new Set(present.rows.map((row) => row.email));
  const fresh = users.filter((user) => !known.has(user.email));
  const rows = await Promise.all(
    fresh.map(async (user) => ({
      id: newId('usr'),
      email: user.email,
      first_name: user.first_name ?? null,
      last_name: user.last_name ?? null,
      role: user.role ?? 'member',
      password_hash: await hashPassword(user.password),
    })),
  );
  const { inserted } = await bulkInsert(db, {
    table: '"user"',
    columns: { id: 'text', email: 'text', first_name: 'text', last_name: 'text', role: 'text', password_hash: 'text' },
    select: { role: 'r.role::user_role_enum' },
    rows,
    skipConflicts: true,
  });
  tally.count('users', users.length, inserted);
}
