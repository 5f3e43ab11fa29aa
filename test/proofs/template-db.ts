// Databases copied from a template on the real server: a filled database is built once and each
// proof run gets an identical copy in a fraction of a second (CREATE DATABASE … TEMPLATE).
import crypto from 'node:crypto';
import pg from 'pg';
import { ADMIN_URL, urlFor, type TestDatabase } from '../helpers/postgres.js';

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An empty database nobody is connected to, for filling and then copying. */
export async function createTemplate(prefix: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${crypto.randomBytes(5).toString('hex')}`;
  await admin(`CREATE DATABASE ${name}`);
  return { name, url: urlFor(name), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

/** A copy of `template` with a client for arranging and asserting, as createTestDatabase gives. */
export async function copyOf(template: string, prefix: string): Promise<TestDatabase> {
  const name = `${prefix}_${crypto.randomBytes(5).toString('hex')}`;
  // a session that just closed may still be leaving the template: PostgreSQL refuses the copy then
  for (let attempt = 1; ; attempt++) {
    try {
      await admin(`CREATE DATABASE ${name} TEMPLATE ${template}`);
      break;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await wait(100);
    }
  }
  const url = urlFor(name);
  const client = new pg.Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  return {
    name,
    url,
    query: (sql, params) => client.query(sql, params as unknown[]),
    async drop() {
      await client.end().catch(() => undefined);
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
