// Databases copied from a template on the real server: a filled database is built once and each
// proof run gets an identical copy in a fraction of a second (CREATE DATABASE … TEMPLATE).
import crypto from 'node:crypto';
import { admin, createTestDatabase, urlFor, type TestDatabase } from '../helpers/postgres.js';

/** An empty database nobody is connected to, for filling and then copying. */
export async function createTemplate(prefix: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `${prefix}_${crypto.randomBytes(5).toString('hex')}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  return { name, url: urlFor(name), drop: () => admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined) };
}

/** A copy of `template` with a client for arranging and asserting, as createTestDatabase gives. */
export function copyOf(template: string, prefix: string): Promise<TestDatabase> {
  return createTestDatabase(prefix, { template });
}
