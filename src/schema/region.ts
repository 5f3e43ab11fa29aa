// Regions: a currency, a tax rate, the countries they cover and the providers they may use.
import { boolean, foreignKey, index, integer, pgTable, primaryKey, real, serial, text } from 'drizzle-orm/pg-core';
import { deletedAt, idColumn, metadata, timestamps } from './columns.js';
import { currency } from './store.js';

export const region = pgTable(
  'region',
  {
    id: idColumn('reg'),
    name: text('name').notNull(),
    currencyCode: text('currency_code')
      .notNull()
      .references(() => currency.code),
    /** percent, e.g. 25 for 25 % */
    taxRate: real('tax_rate').notNull(),
    taxCode: text('tax_code'),
    giftCardsTaxable: boolean('gift_cards_taxable').notNull().default(true),
    automaticTaxes: boolean('automatic_taxes').notNull().default(true),
    ...metadata,
    ...timestamps,
    ...deletedAt,
  },
  (t) => [index('idx_region_currency_code').on(t.currencyCode)],
);

export const country = pgTable(
  'country',
  {
    id: serial('id').primaryKey(),
    /** ISO 3166-1 alpha-2, lower case */
    iso2: text('iso_2').notNull().unique('uq_country_iso_2'),
    iso3: text('iso_3'),
    numCode: integer('num_code'),
    name: text('name'),
    displayName: text('display_name').notNull(),
    regionId: text('region_id').references(() => region.id, { onDelete: 'set null' }),
  },
  (t) => [index('idx_country_region_id').on(t.regionId)],
);

export const paymentProvider = pgTable('payment_provider', {
  id: text('id').primaryKey(),
  isInstalled: boolean('is_installed').notNull().default(true),
});

export const fulfillmentProvider = pgTable('fulfillment_provider', {
  id: text('id').primaryKey(),
  isInstalled: boolean('is_installed').notNull().default(true),
});

export const regionPaymentProviders = pgTable(
  'region_payment_providers',
  {
    regionId: text('region_id')
      .notNull()
      .references(() => region.id, { onDelete: 'cascade' }),
    providerId: text('provider_id')
      .notNull()
      .references(() => paymentProvider.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.providerId] }), index('idx_region_payment_providers_provider_id').on(t.providerId)],
);

export const regionFulfillmentProviders = pgTable(
  'region_fulfillment_providers',
  {
    regionId: text('region_id')
      .notNull()
      .references(() => region.id, { onDelete: 'cascade' }),
    providerId: text('provider_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.providerId] }),
    // named by hand: the generated name is longer than PostgreSQL's 63 characters
    foreignKey({
      name: 'region_fulfillment_providers_provider_id_fk',
      columns: [t.providerId],
      foreignColumns: [fulfillmentProvider.id],
    }).onDelete('cascade'),
    index('idx_region_fulfillment_providers_provider_id').on(t.providerId),
  ],
);
