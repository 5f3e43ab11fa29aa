// Product categories (a tree) and collections. Both keep the file's ids where it gives them,
// and are matched to rows already present by id or handle.
import type { Queryable } from '../core/data-step.js';
import { bulkInsert } from './bulk-insert.js';
import { newId } from './ids.js';
import type { SeedCategory, SeedCollection } from './seed-file-schema.js';
import type { SeedTally } from './seed-report.js';

/** a reference as the file writes it (id, or handle for collections) → database id */
export type IdMap = Map<string, string>;

interface FlatCategory {
  category: SeedCategory;
  parent: SeedCategory | null;
  rank: number;
}

/** Parents before children, each with its rank among its siblings. */
export function flattenCategories(categories: SeedCategory[], parent: SeedCategory | null = null): FlatCategory[] {
  return categories.flatMap((category, index) => [
    { category, parent, rank: category.rank ?? index },
    ...flattenCategories(category.category_children, category),
  ]);
}

export async function insertCategories(db: Queryable, categories: SeedCategory[], tally: SeedTally): Promise<IdMap> {
  const ids: IdMap = new Map();
  const flat = flattenCategories(categories);
  if (flat.length === 0) return ids;
  const present = await db.query<{ id: string; handle: string; mpath: string | null }>(
    'SELECT id, handle, mpath FROM product_category WHERE id = ANY($1::text[]) OR handle = ANY($2::text[])',
    [flat.map((entry) => entry.category.id), flat.map((entry) => entry.category.handle)],
  );
  const byId = new Map(present.rows.map((row) => [row.id, row]));
  const byHandle = new Map(present.rows.map((row) => [row.handle, row]));
  // materialised path as TypeORM (Medusa v1) writes it: ancestor ids and its own, each followed by "."
  const mpaths = new Map<string, string>();
  const rows = [];
  for (const { category, parent, rank } of flat) {
    const found = byId.get(category.id) ?? byHandle.get(category.handle);
    if (found) {
      ids.set(category.id, found.id);
      mpaths.set(found.id, found.mpath ?? `${found.id}.`);
      continue;
    }
    const parentId = parent ? ids.get(parent.id)! : null;
    const mpath = `${parentId ? mpaths.get(parentId) : ''}${category.id}.`;
    ids.set(category.id, category.id);
    mpaths.set(category.id, mpath);
    rows.push({
      id: category.id,
      name: category.name,
      description: category.description ?? '',
      handle: category.handle,
      mpath,
      is_active: category.is_active,
      is_internal: category.is_internal,
      parent_category_id: parentId,
      rank,
    });
  }
  const { inserted } = await bulkInsert(db, {
    table: 'product_category',
    columns: {
      id: 'text',
      name: 'text',
      description: 'text',
      handle: 'text',
      mpath: 'text',
      is_active: 'boolean',
      is_internal: 'boolean',
      parent_category_id: 'text',
      rank: 'int',
    },
    rows,
  });
  tally.count('categories', flat.length, inserted);
  return ids;
}

export async function insertCollections(db: Queryable, collections: SeedCollection[], tally: SeedTally): Promise<IdMap> {
  const ids: IdMap = new Map();
  if (collections.length === 0) return ids;
  const present = await db.query<{ id: string; handle: string }>(
    'SELECT id, handle FROM product_collection WHERE handle = ANY($1::text[]) OR id = ANY($2::text[])',
    [collections.map((c) => c.handle), collections.flatMap((c) => (c.id ? [c.id] : []))],
  );
  const byHandle = new Map(present.rows.map((row) => [row.handle, row.id]));
  const byId = new Map(present.rows.map((row) => [row.id, row.id]));
  const rows = [];
  for (const collection of collections) {
    const found = byHandle.get(collection.handle) ?? (collection.id ? byId.get(collection.id) : undefined);
    const id = found ?? collection.id ?? newId('pcol');
    ids.set(collection.handle, id);
    if (collection.id) ids.set(collection.id, id);
    if (!found) rows.push({ id, title: collection.title, handle: collection.handle });
  }
  const { inserted } = await bulkInsert(db, {
    table: 'product_collection',
    columns: { id: 'text', title: 'text', handle: 'text' },
    rows,
  });
  tally.count('collections', collections.length, inserted);
  return ids;
}
