// Gift cards: a balance usable in one region. `tax_rate` is the rate charged when the card was
// sold; cards sold before 1.7.1 have none (1.7.1's data step fills it from the region).
import { boolean, index, integer, pgTable, real, text, timestamp } from 'drizzle-orm/pg-core';
import { idColumn, deletedAt, metadata, timestamps } from './columns.js';
import { order } from './order.js';
import { region } from './region.js';

export const giftCard = pgTable(
  'gift_card',
  {
    id: idColumn('gift'),
    code: text('code').notNull().unique('uq_gift_card_code'),
    /** minor units */
    value: integer('value').notNull(),
    balance: integer('balance').notNull(),
    regionId: text('region_id')
      .notNull()
      .references(() => region.id),
    orderId: text('order_id').references(() => order.id),
    isDisabled: boolean('is_disabled').notNull().default(false),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    /** percent */
    taxRate: real('tax_rate'),
    ...metadata,
    ...timestamps,
    ...deletedAt,
  },
  (t) => [index('idx_gift_card_region_id').on(t.regionId), index('idx_gift_card_order_id').on(t.orderId)],
);
