// drizzle-kit against the same database Stepwise uses: DATABASE_URL when set, otherwise the
// embedded PGlite data directory. Both tools record migrations in drizzle.__drizzle_migrations.
import { defineConfig } from 'drizzle-kit';

const url = process.env.DATABASE_URL;
const common = {
  dialect: 'postgresql' as const,
  schema: './src/schema/index.ts',
  out: './drizzle',
  migrations: { table: '__drizzle_migrations', schema: 'drizzle' },
};

export default url
  ? defineConfig({ ...common, dbCredentials: { url } })
  : defineConfig({ ...common, driver: 'pglite', dbCredentials: { url: process.env.STEPWISE_DATA_DIR ?? './.stepwise/pgdata' } });
