// drizzle/meta/_journal.json and the SQL files it names, read exactly as drizzle-orm's
// readMigrationFiles reads them (same split, same hash), so both tools agree on every migration.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Migration } from '../core/catalog.js';
import type { CatalogProblem } from '../core/check-catalog.js';
import { formatZodIssues } from './zod-issues.js';
import { isJournal, journalSchema, type JournalFile } from './catalog-schemas.js';

export const BREAKPOINT = '--> statement-breakpoint';

export function hashMigration(text: string): string {
  return crypto.createHash('sha256').update(text).digest('hex');
}

export function splitStatements(text: string): string[] {
  return text.split(BREAKPOINT);
}

export function readJournal(root: string): { migrations: Migration[]; tables: string[]; problems: CatalogProblem[] } {
  const problems: CatalogProblem[] = [];
  const where = 'drizzle/meta/_journal.json';
  const journalPath = path.join(root, where);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(journalPath, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    problems.push({ where, message: `cannot read the journal: ${reason}`, severity: 'error' });
    return { migrations: [], tables: [], problems };
  }
  let journal: JournalFile;
  if (isJournal(raw)) journal = raw;
  else {
    const parsed = journalSchema().safeParse(raw);
    if (!parsed.success) {
      for (const message of formatZodIssues(parsed.error)) problems.push({ where, message, severity: 'error' });
      return { migrations: [], tables: [], problems };
    }
    journal = parsed.data;
  }

  const migrations: Migration[] = [];
  const seenTags = new Set<string>();
  for (const entry of journal.entries) {
    if (seenTags.has(entry.tag)) problems.push({ where, message: `tag ${entry.tag} appears twice`, severity: 'error' });
    seenTags.add(entry.tag);
    const file = path.join(root, 'drizzle', `${entry.tag}.sql`);
    let text: string;
    try {
      text = fs.readFileSync(file).toString();
    } catch {
      problems.push({ where: `drizzle/${entry.tag}.sql`, message: `missing: the journal names migration ${entry.tag} but the file does not exist`, severity: 'error' });
      continue;
    }
    migrations.push({ tag: entry.tag, idx: entry.idx, when: entry.when, hash: hashMigration(text), statements: splitStatements(text) });
  }
  return { migrations, tables: readSnapshotTables(root), problems };
}

/** Every table any snapshot ever had, unqualified: the names that mark a database as used. */
function readSnapshotTables(root: string): string[] {
  const dir = path.join(root, 'drizzle', 'meta');
  const tables = new Set<string>();
  for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
    if (!name.endsWith('_snapshot.json')) continue;
    try {
      const snapshot = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as { tables?: Record<string, { name?: string }> };
      for (const [key, table] of Object.entries(snapshot.tables ?? {})) tables.add(table.name ?? key.split('.').pop()!);
    } catch {
      /* a broken snapshot is drizzle-kit's business; it does not change what was applied */
    }
  }
  return [...tables].sort();
}
