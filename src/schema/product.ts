// The catalogue: products in collections, their options, variants and images.
import { boolean, index, integer, pgEnum, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { deletedAt, idColumn, metadata, timestamps } from './columns.js';

export const productStatus = pgEnum('product_status_enum', ['draft', 'proposed', 'published', 'rejected']);

export const productCollection = pgTable('product_collection', {
  id: idColumn('pcol'),
  title: text('title').notNull(),
  handle: text('handle').notNull().unique('uq_product_collection_handle'),
  ...metadata,
  ...timestamps,
  ...deletedAt,
});

/** Physical attributes shared by products and variants (customs and shipping). */
const physical = {
  weight: integer('weight'),
  length: integer('length'),
  height: integer('height'),
  width: integer('width'),
  hsCode: text('hs_code'),
  originCountry: text('origin_country'),
  midCode: text('mid_code'),
  material: text('material'),
};

export const product = pgTable(
  'product',
  {
    id: idColumn('prod'),
    title: text('title').notNull(),
    subtitle: text('subtitle'),
    description: text('description'),
    handle: text('handle').notNull().unique('uq_product_handle'),
    isGiftcard: boolean('is_giftcard').notNull().default(false),
    status: productStatus('status').notNull().default('draft'),
    thumbnail: text('thumbnail'),
    ...physical,
    collectionId: text('collection_id').references(() => productCollection.id, { onDelete: 'set null' }),
    /** whether discounts may apply; copied to line_item.allow_discounts when added to a cart */
    discountable: boolean('discountable').notNull().default(true),
    externalId: text('external_id'),
    ...metadata,
    ...timestamps,
    ...deletedAt,
  },
  (t) => [index('idx_product_collection_id').on(t.collectionId)],
);

export const image = pgTable('image', {
  id: idColumn('img'),
  url: text('url').notNull(),
  ...metadata,
  ...timestamps,
  ...deletedAt,
});

export const productImages = pgTable(
  'product_images',
  {
    productId: text('product_id')
      .notNull()
      .references(() => product.id, { onDelete: 'cascade' }),
    imageId: text('image_id')
      .notNull()
      .references(() => image.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.productId, t.imageId] }), index('idx_product_images_image_id').on(t.imageId)],
);

export const productOption = pgTable(
  'product_option',
  {
    id: idColumn('opt'),
    title: text('title').notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => product.id, { onDelete: 'cascade' }),
    ...metadata,
    ...timestamps,
    ...deletedAt,
  },
  (t) => [index('idx_product_option_product_id').on(t.productId)],
);

export const productVariant = pgTable(
  'product_variant',
  {
    id: idColumn('variant'),
    title: text('title').notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => product.id, { onDelete: 'cascade' }),
    sku: text('sku').unique('uq_product_variant_sku'),
    barcode: text('barcode'),
    ean: text('ean'),
    upc: text('upc'),
    // 2.0.0 dropped inventory_quantity: stock lives in inventory_level since 1.8.0
    allowBackorder: boolean('allow_backorder').notNull().default(false),
    manageInventory: boolean('manage_inventory').notNull().default(true),
    ...physical,
    variantRank: integer('variant_rank').notNull().default(0),
    ...metadata,
    ...timestamps,
    ...deletedAt,
  },
  (t) => [index('idx_product_variant_product_id').on(t.productId)],
);

/** The value a variant has for one of its product's options (Medusa keeps them per variant). */
export const productOptionValue = pgTable(
  'product_option_value',
  {
    id: idColumn('optval'),
    value: text('value').notNull(),
    optionId: text('option_id')
      .notNull()
      .references(() => productOption.id, { onDelete: 'cascade' }),
    variantId: text('variant_id')
      .notNull()
      .references(() => productVariant.id, { onDelete: 'cascade' }),
    ...metadata,
    ...timestamps,
    ...deletedAt,
  },
  (t) => [
    index('idx_product_option_value_option_id').on(t.optionId),
    index('idx_product_option_value_variant_id').on(t.variantId),
  ],
);
