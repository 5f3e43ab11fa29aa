// 1.4.0: sales channels (web shop, POS, wholesale…): which products are sold where.
import { boolean, index, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { deletedAt, idColumn, metadata, timestamps } from './columns.js';
import { product } from './product.js';

export const salesChannel = pgTable('sales_channel', {
  id: idColumn('sc'),
  name: text('name').notNull(),
  description: text('description'),
  isDisabled: boolean('is_disabled').notNull().default(false),
  ...metadata,
  ...timestamps,
  ...deletedAt,
});

export const productSalesChannel = pgTable(
  'product_sales_channel',
  {
    productId: text('product_id')
      .notNull()
      .references(() => product.id, { onDelete: 'cascade' }),
    salesChannelId: text('sales_channel_id')
      .notNull()
      .references(() => salesChannel.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.salesChannelId] }),
    index('idx_product_sales_channel_sales_channel_id').on(t.salesChannelId),
  ],
);
