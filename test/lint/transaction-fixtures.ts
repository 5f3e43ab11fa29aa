// Statements for the transaction-block tests: the unit test checks what the linter says, the
// live test (transactional.pg.test.ts) checks that PostgreSQL agrees. `sw_lint` stands for the
// test database's name; `sub` is an existing subscription, `new_sub` a new one.

// Every form PostgreSQL refuses inside a transaction block.
export const REFUSED_IN_TRANSACTION = [
  'CREATE INDEX CONCURRENTLY "idx_cart_email" ON "cart" ("email")',
  'CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx_u ON public.cart USING btree (id)',
  'DROP INDEX CONCURRENTLY "idx_cart_email"',
  'DROP INDEX CONCURRENTLY IF EXISTS public.idx_cart_email',
  'REINDEX TABLE CONCURRENTLY cart',
  'REINDEX (CONCURRENTLY) INDEX cart_pkey',
  'REINDEX (VERBOSE, CONCURRENTLY true) TABLE cart',
  'REINDEX SCHEMA public',
  'REINDEX DATABASE sw_lint',
  'REINDEX SYSTEM sw_lint',
  'ALTER TABLE measurement DETACH PARTITION measurement_2024 CONCURRENTLY',
  'VACUUM',
  'VACUUM cart',
  'VACUUM (ANALYZE) cart',
  'VACUUM FULL cart',
  'CLUSTER',
  'CREATE DATABASE other_db',
  'DROP DATABASE IF EXISTS other_db',
  'ALTER DATABASE sw_lint SET TABLESPACE pg_default',
  "CREATE TABLESPACE fast LOCATION '/srv/fast'",
  'DROP TABLESPACE IF EXISTS fast',
  "ALTER SYSTEM SET work_mem = '64MB'",
  'DISCARD ALL',
  "COMMIT PREPARED 'tx1'",
  "ROLLBACK PREPARED 'tx1'",
  "CREATE SUBSCRIPTION new_sub CONNECTION 'host=replica' PUBLICATION pub",
  "CREATE SUBSCRIPTION new_sub CONNECTION 'host=replica' PUBLICATION pub WITH (create_slot = on)",
  'DROP SUBSCRIPTION IF EXISTS sub',
  ...refreshingSubscription(),
];

/**
 * Refused too, but a live server rejects them earlier on a subscription that is not enabled,
 * and an enabled one needs a reachable publisher: only the unit test covers these.
 */
export function refreshingSubscription(): string[] {
  return [
    'ALTER SUBSCRIPTION sub REFRESH PUBLICATION',
    'ALTER SUBSCRIPTION sub SET PUBLICATION pub2',
    'ALTER SUBSCRIPTION sub ADD PUBLICATION pub2 WITH (refresh = true)',
    'ALTER SUBSCRIPTION sub DROP PUBLICATION pub2',
  ];
}

// Look-alikes that PostgreSQL runs inside a transaction.
export const ALLOWED_IN_TRANSACTION = [
  'CREATE INDEX "idx_cart_email" ON "cart" ("email")',
  'DROP INDEX "idx_cart_email"',
  'REINDEX TABLE cart',
  'REINDEX (CONCURRENTLY false) TABLE cart',
  'ALTER TABLE measurement DETACH PARTITION measurement_2024',
  'ALTER TABLE measurement DETACH PARTITION measurement_2024 FINALIZE',
  'ANALYZE cart',
  'ANALYZE',
  'CLUSTER cart USING cart_pkey',
  "ALTER DATABASE sw_lint SET work_mem = '64MB'",
  'DISCARD PLANS',
  'DISCARD TEMP',
  "ALTER TYPE \"public\".\"cart_type_enum\" ADD VALUE 'subscription'",
  "ALTER TYPE cart_type_enum ADD VALUE IF NOT EXISTS 'gift' BEFORE 'swap'",
  "CREATE SUBSCRIPTION new_sub CONNECTION 'host=replica' PUBLICATION pub WITH (connect = false)",
  "CREATE SUBSCRIPTION new_sub CONNECTION 'host=replica' PUBLICATION pub WITH (create_slot = false)",
  'ALTER SUBSCRIPTION sub SET PUBLICATION pub2 WITH (refresh = false)',
  'ALTER SUBSCRIPTION sub DISABLE',
  'CHECKPOINT',
  "SELECT set_config('lock_timeout', '5s', true)",
];
