// 1.8.0: stock moves from product_variant.inventory_quantity to inventory items with a level per
// stock location; a variant is linked to the item(s) it consumes.
import { boolean, foreignKey, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { deletedAt, idColumn, metadata, timestamps } from './columns.js';
import { productVariant } from './product.js';

export const stockLocation = pgTable('stock_location', {
  id: idColumn('sloc'),
  name: text('name').notNull(),
  ...metadata,
  ...timestamps,
  ...deletedAt,
});

export const inventoryItem = pgTable('inventory_item', {
  id: idColumn('iitem'),
  sku: text('sku').unique('uq_inventory_item_sku'),
  originCountry: text('origin_country'),
  hsCode: text('hs_code'),
  midCode: text('mid_code'),
  material: text('material'),
  weight: integer('weight'),
  length: integer('length'),
  height: integer('height'),
  width: integer('width'),
  requiresShipping: boolean('requires_shipping').notNull().default(true),
  ...metadata,
  ...timestamps,
  ...deletedAt,
});

export const inventoryLevel = pgTable(
  'inventory_level',
  {
    id: idColumn('ilev'),
    inventoryItemId: text('inventory_item_id')
      .notNull()
      .references(() => inventoryItem.id, { onDelete: 'cascade' }),
    locationId: text('location_id')
      .notNull()
      .references(() => stockLocation.id, { onDelete: 'cascade' }),
    stockedQuantity: integer('stocked_quantity').notNull().default(0),
    reservedQuantity: integer('reserved_quantity').notNull().default(0),
    incomingQuantity: integer('incoming_quantity').notNull().default(0),
    ...metadata,
    ...timestamps,
    ...deletedAt,
  },
  (t) => [
    unique('uq_inventory_level_item_location').on(t.inventoryItemId, t.locationId),
    index('idx_inventory_level_location_id').on(t.locationId),
  ],
);

export const productVariantInventoryItem = pgTable(
  'product_variant_inventory_item',
  {
    id: idColumn('pvitem'),
    inventoryItemId: text('inventory_item_id').notNull(),
    variantId: text('variant_id')
      .notNull()
      .references(() => productVariant.id, { onDelete: 'cascade' }),
    /** units of the item one unit of the variant consumes (kits use several items) */
    requiredQuantity: integer('required_quantity').notNull().default(1),
    ...timestamps,
    ...deletedAt,
  },
  (t) => [
    unique('uq_product_variant_inventory_item').on(t.variantId, t.inventoryItemId),
    index('idx_product_variant_inventory_item_inventory_item_id').on(t.inventoryItemId),
    foreignKey({
      name: 'product_variant_inventory_item_inventory_item_id_fk',
      columns: [t.inventoryItemId],
      foreignColumns: [inventoryItem.id],
    }).onDelete('cascade'),
  ],
);
