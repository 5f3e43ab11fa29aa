// The real PostgreSQL server: uniquely named scratch databases, psql, server facts.
import crypto from 'node:crypto';
import pg from 'pg';
import { timeProcess } from './measure.mjs';

export const ADMIN_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const PSQL = process.env.BENCH_PSQL ?? '/usr/bin/psql';

export function urlFor(database) {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function adminQuery(sql, params) {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

const created = new Set();

/** A fresh database `sw_bench_<random>`, optionally a copy of `template`. */
export async function createDatabase(template) {
  const name = `sw_bench_${crypto.randomBytes(5).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`);
  created.add(name);
  return { name, url: urlFor(name) };
}

export async function dropDatabase(name) {
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  created.delete(name);
}

/** Drops every database this process created and has not dropped yet (on exit or failure). */
export async function dropAllCreated() {
  for (const name of [...created]) await dropDatabase(name).catch(() => undefined);
}

/** A database for one measured run: created, handed to `fn`, dropped whatever happens. */
export async function withDatabase(template, fn) {
  const db = await createDatabase(template);
  try {
    return await fn(db);
  } finally {
    await dropDatabase(db.name);
  }
}

export function psql(url, args, options) {
  return timeProcess(PSQL, ['-X', '-q', '-v', 'ON_ERROR_STOP=1', ...args, url], options);
}

export async function query(url, sql, params) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql, params);
  } finally {
    await client.end();
  }
}

export async function serverVersion() {
  const { rows } = await adminQuery('SHOW server_version');
  return rows[0].server_version;
}
