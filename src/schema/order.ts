// Orders: a completed cart, with the discounts that applied when it was placed.
import { boolean, index, pgEnum, pgTable, primaryKey, real, serial, text, timestamp } from 'drizzle-orm/pg-core';
import { cart } from './cart.js';
import { idColumn, metadata, timestamps } from './columns.js';
import { discount } from './discount.js';
import { region } from './region.js';
import { currency } from './store.js';
import { customer } from './user.js';

export const orderStatus = pgEnum('order_status_enum', ['pending', 'completed', 'archived', 'canceled', 'requires_action']);
export const orderFulfillmentStatus = pgEnum('order_fulfillment_status_enum', [
  'not_fulfilled',
  'partially_fulfilled',
  'fulfilled',
  'partially_shipped',
  'shipped',
  'partially_returned',
  'returned',
  'canceled',
  'requires_action',
]);
export const orderPaymentStatus = pgEnum('order_payment_status_enum', [
  'not_paid',
  'awaiting',
  'captured',
  'partially_refunded',
  'refunded',
  'canceled',
  'requires_action',
]);

export const order = pgTable(
  'order',
  {
    id: idColumn('order'),
    status: orderStatus('status').notNull().default('pending'),
    fulfillmentStatus: orderFulfillmentStatus('fulfillment_status').notNull().default('not_fulfilled'),
    paymentStatus: orderPaymentStatus('payment_status').notNull().default('not_paid'),
    /** the number shown to customers (#1042) */
    displayId: serial('display_id').notNull(),
    cartId: text('cart_id')
      .references(() => cart.id)
      .unique('uq_order_cart_id'),
    customerId: text('customer_id')
      .notNull()
      .references(() => customer.id),
    email: text('email').notNull(),
    regionId: text('region_id')
      .notNull()
      .references(() => region.id),
    currencyCode: text('currency_code')
      .notNull()
      .references(() => currency.code),
    /** percent; the region's rate when the order was placed */
    taxRate: real('tax_rate'),
    canceledAt: timestamp('canceled_at', { withTimezone: true }),
    noNotification: boolean('no_notification'),
    idempotencyKey: text('idempotency_key'),
    externalId: text('external_id'),
    ...metadata,
    ...timestamps,
  },
  (t) => [
    index('idx_order_customer_id').on(t.customerId),
    index('idx_order_region_id').on(t.regionId),
    index('idx_order_currency_code').on(t.currencyCode),
  ],
);

export const orderDiscounts = pgTable(
  'order_discounts',
  {
    orderId: text('order_id')
      .notNull()
      .references(() => order.id, { onDelete: 'cascade' }),
    discountId: text('discount_id')
      .notNull()
      .references(() => discount.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.orderId, t.discountId] }), index('idx_order_discounts_discount_id').on(t.discountId)],
);
