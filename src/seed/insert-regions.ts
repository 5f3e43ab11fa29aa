// Regions (with their providers and countries) and the shipping options offered in them.
// A region is present when its id or its name is; the file's region ids are mapped to the
// database's, so shipping options refer to the right rows either way.
import type { Queryable } from '../core/data-step.js';
import { bulkInsert } from './bulk-insert.js';
import { newId } from './ids.js';
import { countryRow } from './reference-data.js';
import type { SeedRegion, SeedShippingOption } from './seed-file-schema.js';
import type { SeedTally } from './seed-report.js';

/** file region id → database region id */
export type RegionIds = Map<string, string>;

export async function insertRegions(db: Queryable, regions: SeedRegion[], tally: SeedTally): Promise<RegionIds> {
  const ids: RegionIds = new Map();
  if (regions.length === 0) return ids;
  const present = await db.query<{ id: string; name: string }>(
    'SELECT id, name FROM region WHERE deleted_at IS NULL AND (id = ANY($1::text[]) OR name = ANY($2::text[])) ORDER BY created_at, id',
    [regions.map((region) => region.id), regions.map((region) => region.name)],
  );
  const byId = new Map(present.rows.map((row) => [row.id, row.id]));
  const byName = new Map<string, string>();
  for (const row of present.rows) if (!byName.has(row.name)) byName.set(row.name, row.id);
  const fresh = regions.filter((region) => {
    const found = byId.get(region.id) ?? byName.get(region.name);
    ids.set(region.id, found ?? region.id);
    return !found;
  });

  const { inserted } = await bulkInsert(db, {
    table: 'region',
    columns: { id: 'text', name: 'text', currency_code: 'text', tax_rate: 'real', tax_code: 'text' },
    rows: fresh.map((region) => ({ ...pick(region), tax_code: region.tax_code ?? null })),
  });
  tally.count('regions', regions.length, inserted);

  await insertProviders(db, 'payment_provider', fresh.flatMap((region) => region.payment_providers), tally);
  await insertProviders(db, 'fulfillment_provider', fresh.flatMap((region) => region.fulfillment_providers), tally);
  for (const [table, key] of [
    ['region_payment_providers', 'payment_providers'],
    ['region_fulfillment_providers', 'fulfillment_providers'],
  ] as const) {
    const links = await bulkInsert(db, {
      table,
      columns: { region_id: 'text', provider_id: 'text' },
      rows: fresh.flatMap((region) => [...new Set(region[key])].map((provider) => ({ region_id: region.id, provider_id: provider }))),
    });
    tally.wrote(links.inserted);
  }
  await assignCountries(db, regions, fresh, tally);
  return ids;
}

function pick(region: SeedRegion) {
  return { id: region.id, name: region.name, currency_code: region.currency_code, tax_rate: region.tax_rate };
}

/** Providers are registered by the backend at startup; the seed registers the ones it names. */
export async function insertProviders(db: Queryable, table: string, ids: string[], tally: SeedTally): Promise<void> {
  const { inserted } = await bulkInsert(db, {
    table,
    columns: { id: 'text' },
    rows: [...new Set(ids)].map((id) => ({ id })),
    skipConflicts: true,
  });
  tally.wrote(inserted);
}

/**
 * A new region's countries: created when missing, assigned when free. A country that already
 * belongs to another region stays there (Medusa allows one region per country): a warning says so.
 */
async function assignCountries(db: Queryable, all: SeedRegion[], fresh: SeedRegion[], tally: SeedTally) {
  const wanted = fresh.flatMap((region) => region.countries.map((iso2) => ({ ...countryRow(iso2), region_id: region.id })));
  const created = await bulkInsert(db, {
    table: 'country',
    columns: { iso_2: 'text', name: 'text', display_name: 'text', region_id: 'text' },
    rows: wanted,
    skipConflicts: true,
  });
  const assigned = await db.query(
    `UPDATE country SET region_id = r.region_id
       FROM json_to_recordset($1::json) AS r(iso_2 text, region_id text)
      WHERE country.iso_2 = r.iso_2 AND country.region_id IS NULL`,
    [JSON.stringify(wanted.map(({ iso_2, region_id }) => ({ iso_2, region_id })))],
  );
  const total = all.reduce((sum, region) => sum + region.countries.length, 0);
  tally.count('countries', total, created.inserted + assigned.rowCount);

  const taken = await db.query<{ iso_2: string; region: string; wanted: string }>(
    `SELECT c.iso_2, g.name AS region, r.region_id AS wanted
       FROM json_to_recordset($1::json) AS r(iso_2 text, region_id text)
       JOIN country c ON c.iso_2 = r.iso_2
       JOIN region g ON g.id = c.region_id
      WHERE c.region_id <> r.region_id`,
    [JSON.stringify(wanted.map(({ iso_2, region_id }) => ({ iso_2, region_id })))],
  );
  for (const row of taken.rows) {
    const name = fresh.find((region) => region.id === row.wanted)?.name ?? row.wanted;
    tally.warnings.push(`country "${row.iso_2}" already belongs to region "${row.region}"; it was not added to "${name}"`);
  }
}

export async function insertShippingOptions(
  db: Queryable,
  options: SeedShippingOption[],
  regionIds: RegionIds,
  tally: SeedTally,
): Promise<void> {
  if (options.length === 0) return;
  await insertProviders(db, 'fulfillment_provider', options.map((option) => option.provider_id), tally);
  const { inserted } = await bulkInsert(db, {
    table: 'shipping_option',
    columns: {
      id: 'text',
      name: 'text',
      region_id: 'text',
      provider_id: 'text',
      price_type: 'text',
      amount: 'int',
      is_return: 'boolean',
      admin_only: 'boolean',
      data: 'jsonb',
    },
    select: { price_type: 'r.price_type::shipping_option_price_type_enum' },
    rows: options.map((option) => ({
      id: newId('so'),
      name: option.name,
      region_id: regionIds.get(option.region_id) ?? option.region_id,
      provider_id: option.provider_id,
      price_type: option.price_type,
      amount: option.amount ?? null,
      is_return: option.is_return,
      admin_only: option.admin_only,
      data: option.data,
    })),
    // natural key: a region does not offer two options of the same name
    where: `WHERE NOT EXISTS (SELECT 1 FROM shipping_option s
                               WHERE s.region_id = r.region_id AND s.name = r.name AND s.deleted_at IS NULL)`,
  });
  tally.count('shipping_options', options.length, inserted);
}
