// Admin users and storefront customers. Passwords are only ever stored as hashes.
import { boolean, index, pgEnum, pgTable, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { deletedAt, idColumn, metadata, timestamps } from './columns.js';

export const userRole = pgEnum('user_role_enum', ['admin', 'member', 'developer']);

export const user = pgTable('user', {
  id: idColumn('usr'),
  email: text('email').notNull().unique('uq_user_email'),
  firstName: text('first_name'),
  lastName: text('last_name'),
  passwordHash: text('password_hash'),
  apiToken: text('api_token'),
  role: userRole('role').notNull().default('member'),
  ...metadata,
  ...timestamps,
  ...deletedAt,
});

export const customer = pgTable(
  'customer',
  {
    id: idColumn('cus'),
    email: text('email').notNull(),
    firstName: text('first_name'),
    lastName: text('last_name'),
    phone: text('phone'),
    passwordHash: text('password_hash'),
    /** a guest checkout and a registered account may share an e-mail address */
    hasAccount: boolean('has_account').notNull().default(false),
    ...metadata,
    ...timestamps,
    ...deletedAt,
  },
  (t) => [uniqueIndex('uq_customer_email_has_account').on(t.email, t.hasAccount), index('idx_customer_email').on(t.email)],
);
