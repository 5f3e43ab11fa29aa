// 1.8.0: product categories, a tree ordered by rank within each parent.
import { boolean, foreignKey, index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { deletedAt, idColumn, metadata, timestamps } from './columns.js';
import { product } from './product.js';

export const productCategory = pgTable(
  'product_category',
  {
    id: idColumn('pcat'),
    name: text('name').notNull(),
    description: text('description').notNull().default(''),
    handle: text('handle').notNull().unique('uq_product_category_handle'),
    /** materialised path of ids from the root, dot separated, for subtree queries */
    mpath: text('mpath'),
    isActive: boolean('is_active').notNull().default(false),
    /** internal categories are hidden from the storefront */
    isInternal: boolean('is_internal').notNull().default(false),
    parentCategoryId: text('parent_category_id'),
    /** position among its siblings, from 0 */
    rank: integer('rank').notNull().default(0),
    ...metadata,
    ...timestamps,
    ...deletedAt,
  },
  (t) => [
    foreignKey({ name: 'product_category_parent_category_id_fk', columns: [t.parentCategoryId], foreignColumns: [t.id] }).onDelete(
      'cascade',
    ),
    index('idx_product_category_parent_category_id').on(t.parentCategoryId),
    index('idx_product_category_mpath').on(t.mpath),
  ],
);

export const productCategoryProduct = pgTable(
  'product_category_product',
  {
    productCategoryId: text('product_category_id').notNull(),
    productId: text('product_id')
      .notNull()
      .references(() => product.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ columns: [t.productCategoryId, t.productId] }),
    foreignKey({
      name: 'product_category_product_category_id_fk',
      columns: [t.productCategoryId],
      foreignColumns: [productCategory.id],
    }).onDelete('cascade'),
    index('idx_product_category_product_product_id').on(t.productId),
  ],
);
