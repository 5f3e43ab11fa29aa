// Line items belong to a cart and, once it is completed, to its order as well.
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { cart } from './cart.js';
import { idColumn, metadata, timestamps } from './columns.js';
import { discount } from './discount.js';
import { order } from './order.js';
import { productVariant } from './product.js';

export const lineItem = pgTable(
  'line_item',
  {
    id: idColumn('item'),
    cartId: text('cart_id').references(() => cart.id, { onDelete: 'cascade' }),
    orderId: text('order_id').references(() => order.id),
    title: text('title').notNull(),
    description: text('description'),
    thumbnail: text('thumbnail'),
    isGiftcard: boolean('is_giftcard').notNull().default(false),
    shouldMerge: boolean('should_merge').notNull().default(true),
    /** false for products that are not discountable: discounts skip the line */
    allowDiscounts: boolean('allow_discounts').notNull().default(true),
    hasShipping: boolean('has_shipping'),
    /** minor units, per unit */
    unitPrice: integer('unit_price').notNull(),
    variantId: text('variant_id').references(() => productVariant.id, { onDelete: 'set null' }),
    quantity: integer('quantity').notNull(),
    fulfilledQuantity: integer('fulfilled_quantity'),
    returnedQuantity: integer('returned_quantity'),
    shippedQuantity: integer('shipped_quantity'),
    ...metadata,
    ...timestamps,
  },
  (t) => [
    index('idx_line_item_cart_id').on(t.cartId),
    index('idx_line_item_order_id').on(t.orderId),
    index('idx_line_item_variant_id').on(t.variantId),
    check('chk_line_item_quantity', sql`quantity > 0`),
  ],
);

/** 1.3.0: what a discount took off a line, so totals no longer need recomputing from the rule. */
export const lineItemAdjustment = pgTable(
  'line_item_adjustment',
  {
    id: idColumn('lia'),
    itemId: text('item_id')
      .notNull()
      .references(() => lineItem.id, { onDelete: 'cascade' }),
    description: text('description').notNull(),
    discountId: text('discount_id').references(() => discount.id),
    /** minor units taken off the line (positive) */
    amount: integer('amount').notNull(),
    ...metadata,
  },
  (t) => [
    // one adjustment per line and discount: also what makes the 1.3.0 data step safe to re-run
    unique('uq_line_item_adjustment_item_discount').on(t.itemId, t.discountId),
    index('idx_line_item_adjustment_discount_id').on(t.discountId),
  ],
);
