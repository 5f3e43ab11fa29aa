// Carts: what a customer is about to buy, in a region; completed carts become orders.
import { index, jsonb, pgEnum, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { deletedAt, idColumn, metadata, timestamps } from './columns.js';
import { discount } from './discount.js';
import { region } from './region.js';
import { salesChannel } from './sales-channel.js';
import { customer } from './user.js';

export const cartType = pgEnum('cart_type_enum', ['default', 'swap', 'draft_order', 'payment_link', 'claim']);

export const cart = pgTable(
  'cart',
  {
    id: idColumn('cart'),
    email: text('email'),
    customerId: text('customer_id').references(() => customer.id),
    regionId: text('region_id')
      .notNull()
      .references(() => region.id),
    type: cartType('type').notNull().default('default'),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    paymentAuthorizedAt: timestamp('payment_authorized_at', { withTimezone: true }),
    idempotencyKey: text('idempotency_key'),
    context: jsonb('context').$type<Record<string, unknown>>(),
    /** 1.4.0: added nullable, backfilled by the release's data step, then made NOT NULL */
    salesChannelId: text('sales_channel_id')
      .notNull()
      .references(() => salesChannel.id),
    ...metadata,
    ...timestamps,
    ...deletedAt,
  },
  (t) => [
    index('idx_cart_customer_id').on(t.customerId),
    index('idx_cart_region_id').on(t.regionId),
    index('idx_cart_sales_channel_id').on(t.salesChannelId),
  ],
);

export const cartDiscounts = pgTable(
  'cart_discounts',
  {
    cartId: text('cart_id')
      .notNull()
      .references(() => cart.id, { onDelete: 'cascade' }),
    discountId: text('discount_id')
      .notNull()
      .references(() => discount.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.cartId, t.discountId] }), index('idx_cart_discounts_discount_id').on(t.discountId)],
);
