// Shipping options offered in a region, priced flat or calculated by the fulfillment provider.
import { boolean, index, integer, jsonb, pgEnum, pgTable, text } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { deletedAt, idColumn, metadata, timestamps } from './columns.js';
import { fulfillmentProvider, region } from './region.js';

export const shippingOptionPriceType = pgEnum('shipping_option_price_type_enum', ['flat_rate', 'calculated']);

export const shippingOption = pgTable(
  'shipping_option',
  {
    id: idColumn('so'),
    name: text('name').notNull(),
    regionId: text('region_id')
      .notNull()
      .references(() => region.id),
    providerId: text('provider_id')
      .notNull()
      .references(() => fulfillmentProvider.id),
    priceType: shippingOptionPriceType('price_type').notNull(),
    /** minor units; null when the provider calculates the price */
    amount: integer('amount'),
    isReturn: boolean('is_return').notNull().default(false),
    adminOnly: boolean('admin_only').notNull().default(false),
    /** provider-specific settings */
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    ...metadata,
    ...timestamps,
    ...deletedAt,
  },
  (t) => [index('idx_shipping_option_region_id').on(t.regionId), index('idx_shipping_option_provider_id').on(t.providerId)],
);
