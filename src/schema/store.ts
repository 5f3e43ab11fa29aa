// The store (one row) and the currencies it trades in.
import { index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { idColumn, metadata, timestamps } from './columns.js';
import { salesChannel } from './sales-channel.js';

export const currency = pgTable('currency', {
  /** ISO 4217, lower case: `usd`, `eur` */
  code: text('code').primaryKey(),
  symbol: text('symbol').notNull(),
  symbolNative: text('symbol_native').notNull(),
  name: text('name').notNull(),
});

export const store = pgTable(
  'store',
  {
    id: idColumn('store'),
    name: text('name').notNull().default('Medusa Store'),
    defaultCurrencyCode: text('default_currency_code')
      .notNull()
      .default('usd')
      .references(() => currency.code),
    swapLinkTemplate: text('swap_link_template'),
    paymentLinkTemplate: text('payment_link_template'),
    inviteLinkTemplate: text('invite_link_template'),
    /** 1.4.0: the channel new carts and products get when none is given */
    defaultSalesChannelId: text('default_sales_channel_id')
      .references(() => salesChannel.id, { onDelete: 'set null' })
      .unique('uq_store_default_sales_channel_id'),
    ...metadata,
    ...timestamps,
  },
  (t) => [index('idx_store_default_currency_code').on(t.defaultCurrencyCode)],
);

export const storeCurrencies = pgTable(
  'store_currencies',
  {
    storeId: text('store_id')
      .notNull()
      .references(() => store.id, { onDelete: 'cascade' }),
    currencyCode: text('currency_code')
      .notNull()
      .references(() => currency.code, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.storeId, t.currencyCode] }),
    index('idx_store_currencies_currency_code').on(t.currencyCode),
  ],
);
