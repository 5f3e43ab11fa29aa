// Prices: one row per variant and currency (or region), in minor units.
import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { deletedAt, idColumn, timestamps } from './columns.js';
import { productVariant } from './product.js';
import { region } from './region.js';
import { currency } from './store.js';

export const moneyAmount = pgTable(
  'money_amount',
  {
    id: idColumn('ma'),
    currencyCode: text('currency_code')
      .notNull()
      .references(() => currency.code),
    /** minor units: 1999 is 19.99 */
    amount: integer('amount').notNull(),
    minQuantity: integer('min_quantity'),
    maxQuantity: integer('max_quantity'),
    variantId: text('variant_id')
      .notNull()
      .references(() => productVariant.id, { onDelete: 'cascade' }),
    /** set for a region-specific price; null for a price per currency */
    regionId: text('region_id').references(() => region.id, { onDelete: 'cascade' }),
    ...timestamps,
    ...deletedAt,
  },
  (t) => [
    index('idx_money_amount_variant_id').on(t.variantId),
    index('idx_money_amount_region_id').on(t.regionId),
    index('idx_money_amount_currency_code').on(t.currencyCode),
  ],
);
