// Discounts: a code, a rule (percentage, fixed amount or free shipping) and where it is valid.
import { boolean, foreignKey, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { deletedAt, idColumn, metadata, timestamps } from './columns.js';
import { product } from './product.js';
import { region } from './region.js';

export const discountRuleType = pgEnum('discount_rule_type_enum', ['fixed', 'percentage', 'free_shipping']);
/** fixed amounts: `total` spreads the value over the order, `item` takes it off every unit */
export const discountRuleAllocation = pgEnum('discount_rule_allocation_enum', ['total', 'item']);

export const discountRule = pgTable('discount_rule', {
  id: idColumn('dru'),
  description: text('description'),
  type: discountRuleType('type').notNull(),
  /** percent for `percentage`, minor units for `fixed`, 0 for `free_shipping` */
  value: integer('value').notNull(),
  allocation: discountRuleAllocation('allocation'),
  ...metadata,
  ...timestamps,
  ...deletedAt,
});

/** Products a rule is valid for (none: every product). Replaced by discount conditions in 1.3.0. */
export const discountRuleProducts = pgTable(
  'discount_rule_products',
  {
    discountRuleId: text('discount_rule_id')
      .notNull()
      .references(() => discountRule.id, { onDelete: 'cascade' }),
    productId: text('product_id')
      .notNull()
      .references(() => product.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.discountRuleId, t.productId] }), index('idx_discount_rule_products_product_id').on(t.productId)],
);

export const discount = pgTable(
  'discount',
  {
    id: idColumn('disc'),
    code: text('code').notNull().unique('uq_discount_code'),
    isDynamic: boolean('is_dynamic').notNull().default(false),
    ruleId: text('rule_id').references(() => discountRule.id),
    isDisabled: boolean('is_disabled').notNull().default(false),
    parentDiscountId: text('parent_discount_id'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull().defaultNow(),
    endsAt: timestamp('ends_at', { withTimezone: true }),
    /** ISO 8601 duration for dynamic codes, e.g. `P1M` */
    validDuration: text('valid_duration'),
    usageLimit: integer('usage_limit'),
    usageCount: integer('usage_count').notNull().default(0),
    ...metadata,
    ...timestamps,
    ...deletedAt,
  },
  (t) => [
    foreignKey({ name: 'discount_parent_discount_id_fk', columns: [t.parentDiscountId], foreignColumns: [t.id] }),
    index('idx_discount_rule_id').on(t.ruleId),
    index('idx_discount_parent_discount_id').on(t.parentDiscountId),
  ],
);

export const discountRegions = pgTable(
  'discount_regions',
  {
    discountId: text('discount_id')
      .notNull()
      .references(() => discount.id, { onDelete: 'cascade' }),
    regionId: text('region_id')
      .notNull()
      .references(() => region.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.discountId, t.regionId] }), index('idx_discount_regions_region_id').on(t.regionId)],
);

export const discountConditionType = pgEnum('discount_condition_type_enum', [
  'products',
  'product_types',
  'product_collections',
  'product_tags',
  'customer_groups',
]);
export const discountConditionOperator = pgEnum('discount_condition_operator_enum', ['in', 'not_in']);

/** 1.3.0: where a rule applies, replacing discount_rule_products (kept, read-only, for rollback). */
export const discountCondition = pgTable(
  'discount_condition',
  {
    id: idColumn('discon'),
    type: discountConditionType('type').notNull(),
    operator: discountConditionOperator('operator').notNull(),
    discountRuleId: text('discount_rule_id')
      .notNull()
      .references(() => discountRule.id, { onDelete: 'cascade' }),
    ...metadata,
    ...timestamps,
    ...deletedAt,
  },
  (t) => [
    unique('uq_discount_condition_type_operator_rule').on(t.type, t.operator, t.discountRuleId),
    index('idx_discount_condition_discount_rule_id').on(t.discountRuleId),
  ],
);

export const discountConditionProduct = pgTable(
  'discount_condition_product',
  {
    productId: text('product_id').notNull(),
    conditionId: text('condition_id').notNull(),
    ...metadata,
    ...timestamps,
  },
  (t) => [
    primaryKey({ columns: [t.productId, t.conditionId] }),
    index('idx_discount_condition_product_condition_id').on(t.conditionId),
    // named by hand: generated names would pass PostgreSQL's 63 characters
    foreignKey({ name: 'discount_condition_product_product_id_fk', columns: [t.productId], foreignColumns: [product.id] }).onDelete(
      'cascade',
    ),
    foreignKey({
      name: 'discount_condition_product_condition_id_fk',
      columns: [t.conditionId],
      foreignColumns: [discountCondition.id],
    }).onDelete('cascade'),
  ],
);
