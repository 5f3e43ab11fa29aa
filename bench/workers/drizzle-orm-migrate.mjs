// drizzle-orm's own migrator, as an application would call it at start-up.
// usage: node drizzle-orm-migrate.mjs pg <url> <migrationsFolder> | pglite <dataDir> <migrationsFolder>
const [kind, where, migrationsFolder] = process.argv.slice(2);
const config = { migrationsFolder, migrationsSchema: 'drizzle', migrationsTable: '__drizzle_migrations' };

if (kind === 'pg') {
  const { default: pg } = await import('pg');
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const client = new pg.Client({ connectionString: where });
  await client.connect();
  try {
    await migrate(drizzle(client), config);
  } finally {
    await client.end();
  }
} else {
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const client = await PGlite.create(where);
  try {
    await migrate(drizzle(client), config);
  } finally {
    await client.close();
  }
}
