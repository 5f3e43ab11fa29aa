// Column groups every Medusa-style table repeats. Times are timestamptz like Medusa's; ids are
// text chosen by the application (`prod_01…`), so rows keep their id across exports and imports.
import { randomUUID } from 'node:crypto';
import { jsonb, text, timestamp } from 'drizzle-orm/pg-core';

/** A Medusa-like id: `<prefix>_` + 26 upper-case hex characters (time-ordered prefix). */
export function newId(prefix: string): string {
  const time = Date.now().toString(16).padStart(12, '0');
  const rand = randomUUID().replace(/-/g, '').slice(0, 14);
  return `${prefix}_${(time + rand).toUpperCase()}`;
}

/** `id text primary key`, filled by the application when an insert leaves it out. */
export const idColumn = (prefix: string) => text('id').primaryKey().$defaultFn(() => newId(prefix));

export const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true })
    .notNull()
    .defaultNow()
    .$onUpdate(() => new Date()),
};

/** Soft delete, as Medusa does for catalogue-like tables. */
export const deletedAt = {
  deletedAt: timestamp('deleted_at', { withTimezone: true }),
};

export const metadata = {
  metadata: jsonb('metadata').$type<Record<string, unknown>>(),
};
