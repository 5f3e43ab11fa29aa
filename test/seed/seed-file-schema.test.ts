import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SeedFileError, validateSeed } from '../../src/seed/load-seed-file.js';
import { flattenCategories } from '../../src/seed/insert-categories.js';

const demo = JSON.parse(readFileSync(new URL('../../seed/seed.json', import.meta.url), 'utf8'));

/** A small valid file in Medusa v1's format, changed per test. */
function medusaFile() {
  return {
    store: { currencies: ['eur', 'usd'] },
    users: [{ email: 'admin@example.com', password: 'supersecret' }],
    regions: [
      { id: 'test-region-eu', name: 'EU', currency_code: 'eur', tax_rate: 0, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['gb', 'de'] },
      { id: 'test-region-na', name: 'NA', currency_code: 'usd', tax_rate: 0, payment_providers: ['manual'], fulfillment_providers: ['manual'], countries: ['us', 'ca'] },
    ],
    shipping_options: [
      { name: 'PostFake Standard', region_id: 'test-region-eu', provider_id: 'manual', data: { id: 'manual-fulfillment' }, price_type: 'flat_rate', amount: 1000 },
      { name: 'PostFake Return', region_id: 'test-region-eu', provider_id: 'manual', data: { id: 'manual-fulfillment' }, price_type: 'flat_rate', is_return: true, amount: 1000 },
    ],
    categories: [
      { id: 'pcat-apparel', name: 'Apparel', handle: 'apparel', rank: 0, category_children: [{ id: 'pcat-shirts', name: 'Shirts', handle: 'apparel/shirts', rank: 0 }] },
    ],
    products: [
      {
        title: 'Medusa T-Shirt',
        subtitle: null,
        description: 'A tee.',
        handle: 't-shirt',
        is_giftcard: false,
        weight: 400,
        images: ['https://example.com/tee-front.png'],
        categories: [{ id: 'pcat-shirts' }],
        options: [
          { title: 'Size', values: ['S', 'M'] },
          { title: 'Color', values: ['Black', 'White'] },
        ],
        variants: [
          { title: 'S / Black', prices: [{ currency_code: 'eur', amount: 1950 }, { currency_code: 'usd', amount: 2200 }], options: [{ value: 'S' }, { value: 'Black' }], inventory_quantity: 100, manage_inventory: true },
          { title: 'M / White', prices: [{ currency_code: 'eur', amount: 1950 }, { currency_code: 'usd', amount: 2200 }], options: [{ value: 'M' }, { value: 'White' }], inventory_quantity: 100, manage_inventory: true },
        ],
      },
    ],
  };
}

/** The `path: message` lines validateSeed reports for `data`. */
function problems(data: unknown): string[] {
  try {
    validateSeed(data);
  } catch (error) {
    expect(error).toBeInstanceOf(SeedFileError);
    return (error as SeedFileError).problems.map((p) => `${p.path}: ${p.message}`);
  }
  throw new Error('expected the data to be invalid');
}

describe('the seed file schema', () => {
  it('accepts the demo store', () => {
    const seed = validateSeed(demo);
    expect(seed.products).toHaveLength(13);
    expect(seed.products.flatMap((p) => p.variants)).toHaveLength(32);
    expect(flattenCategories(seed.categories)).toHaveLength(12);
    expect(seed.users[0].password).toBeTypeOf('string');
  });

  it("accepts Medusa v1's format and fills in its defaults", () => {
    const seed = validateSeed(medusaFile());
    expect(seed.products[0].categories).toEqual(['pcat-shirts']);
    expect(seed.products[0].status).toBe('published');
    expect(seed.shipping_options[0].is_return).toBe(false);
    expect(seed.product_collections).toEqual([]);
    expect(seed.categories[0].category_children[0].category_children).toEqual([]);
  });

  it('lowercases codes and e-mail addresses', () => {
    const file = medusaFile();
    file.store.currencies = ['EUR', 'usd'];
    file.users[0].email = 'Admin@Example.com';
    file.regions[0].countries = ['GB', 'de'];
    const seed = validateSeed(file);
    expect(seed.store?.currencies).toEqual(['eur', 'usd']);
    expect(seed.users[0].email).toBe('admin@example.com');
    expect(seed.regions[0].countries).toEqual(['gb', 'de']);
  });
});

describe('shape problems, each with its JSON path', () => {
  it('a wrong type', () => {
    const file = medusaFile() as any;
    file.products[0].variants[1].prices[1].amount = '22.00';
    expect(problems(file)).toEqual([
      'products[0].variants[1].prices[1].amount: expected a number, got "22.00" (a string) (amounts are in the minor unit, e.g. cents: 1950 for 19.50)',
    ]);
  });

  it('a fractional amount', () => {
    const file = medusaFile() as any;
    file.products[0].variants[0].prices[0].amount = 19.5;
    expect(problems(file)[0]).toMatch(/^products\[0\]\.variants\[0\]\.prices\[0\]\.amount: expected a whole number, got 19\.5/);
  });

  it('a missing field', () => {
    const file = medusaFile() as any;
    delete file.users[0].password;
    expect(problems(file)).toEqual(['users[0].password: required, expected a string']);
  });

  it('an unknown field: the one probably meant, else the ones known', () => {
    const file = medusaFile() as any;
    file.products[0].variants[0].prise = [];
    file.products[0].tags = ['summer'];
    expect(problems(file)).toEqual([
      'products[0].variants[0].prise: unknown field (did you mean "prices"?)',
      'products[0].tags: unknown field (expected one of: title, subtitle, description, handle, is_giftcard, discountable, status, weight, thumbnail, images, categories, collection, options, variants, metadata)',
    ]);
  });

  it('a value outside an enumeration', () => {
    const file = medusaFile() as any;
    file.shipping_options[1].price_type = 'flat';
    expect(problems(file)).toEqual(['shipping_options[1].price_type: expected one of "flat_rate", "calculated", got "flat" (a string)']);
  });

  it('codes, handles, e-mails and URLs in the wrong format', () => {
    const file = medusaFile() as any;
    file.store.currencies[1] = 'dollar';
    file.regions[1].currency_code = 'xyz';
    file.regions[0].countries[0] = 'uk';
    file.users[0].email = 'admin';
    file.products[0].handle = 'Medusa T-Shirt';
    file.products[0].images[0] = 'tee-front.png';
    expect(problems(file)).toEqual([
      'store.currencies[1]: expected a three-letter ISO 4217 currency code, e.g. "eur", got "dollar"',
      'users[0].email: expected an email address, got "admin"',
      'regions[0].countries[0]: "uk" is not an ISO 3166-1 country code (the United Kingdom is "gb")',
      'regions[1].currency_code: "xyz" is not an ISO 4217 currency code',
      'products[0].handle: expected a handle: lowercase letters, digits and single "-", "_" or "/" between them, got "Medusa T-Shirt"',
      'products[0].images[0]: expected an http(s) URL, got "tee-front.png"',
    ]);
  });

  it('numbers out of range and empty lists', () => {
    const file = medusaFile() as any;
    file.shipping_options[0].amount = -1;
    file.regions[0].tax_rate = 250;
    file.products[0].variants[0].prices = [];
    file.products[0].title = '  ';
    expect(problems(file)).toEqual([
      'regions[0].tax_rate: must be at most 100, got 250',
      'shipping_options[0].amount: must be at least 0, got -1',
      'products[0].title: must not be empty',
      'products[0].variants[0].prices: must have at least 1 entry',
    ]);
  });

  it('problems deep in the category tree', () => {
    const file = medusaFile() as any;
    file.categories[0].category_children[0].category_children = [{ id: 'x', name: 'X' }];
    expect(problems(file)).toEqual(['categories[0].category_children[0].category_children[0].handle: required, expected a string']);
  });

  it('a category reference that is neither an id nor { id }', () => {
    const file = medusaFile() as any;
    file.products[0].categories = [42];
    expect(problems(file)).toEqual(['products[0].categories[0]: expected a category id, as a string or as { "id": "…" }']);
  });

  it('a file that is not an object', () => {
    expect(problems([])).toEqual(['(file): expected an object, got an array']);
  });

  it('every problem of the file at once', () => {
    const file = medusaFile() as any;
    file.users[0].email = 42;
    file.regions[1].tax_rate = 'none';
    file.products[0].variants[0].inventory_quantity = -3;
    file.products[0].variants[1].manage_inventory = 'yes';
    expect(problems(file)).toHaveLength(4);
  });
});

describe('cross-reference problems, each with its JSON path', () => {
  it("a shipping option's region that no region has", () => {
    const file = medusaFile();
    file.shipping_options[1].region_id = 'test-region-asia';
    expect(problems(file)).toEqual([
      'shipping_options[1].region_id: no region has the id "test-region-asia" (known: "test-region-eu", "test-region-na")',
    ]);
  });

  it("a variant option value that is not among its product's option values", () => {
    const file = medusaFile();
    file.products[0].variants[1].options[1].value = 'Red';
    expect(problems(file)).toEqual([
      'products[0].variants[1].options[1].value: "Red" is not a value of option "Color" ("Black", "White")',
    ]);
  });

  it('a variant with fewer option values than its product has options', () => {
    const file = medusaFile();
    file.products[0].variants[0].options = [{ value: 'S' }];
    expect(problems(file)).toEqual(['products[0].variants[0].options: has 1 values, expected one per product option (Size, Color)']);
  });

  it('two variants with the same combination of option values', () => {
    const file = medusaFile();
    file.products[0].variants[1].options = [{ value: 'S' }, { value: 'Black' }];
    expect(problems(file)).toEqual([
      'products[0].variants[1].options: duplicate option combination "S / Black", first used at products[0].variants[0].options (each variant needs its own combination of option values)',
    ]);
  });

  it('a category referenced but not defined', () => {
    const file = medusaFile();
    file.products[0].categories = [{ id: 'pcat-pants' }];
    expect(problems(file)).toEqual(['products[0].categories[0]: no category has the id "pcat-pants" (known: "pcat-apparel", "pcat-shirts")']);
  });

  it('a collection referenced but not defined', () => {
    const file = { ...medusaFile(), product_collections: [{ title: 'Summer', handle: 'summer' }] } as any;
    file.products[0].collection = 'winter';
    expect(problems(file)).toEqual(['products[0].collection: no entry of product_collections has the handle or id "winter"']);
  });

  it('duplicate handles, e-mails, ids and SKUs', () => {
    const file = medusaFile() as any;
    file.users.push({ email: 'ADMIN@example.com', password: 'another-secret' });
    file.products.push({ ...file.products[0], title: 'Copy' });
    file.categories[0].category_children.push({ id: 'pcat-apparel', name: 'Tops', handle: 'apparel/shirts' });
    file.products[0].variants[0].sku = 'TEE-S';
    file.products[0].variants[1].sku = 'TEE-S';
    expect(problems(file)).toEqual([
      'users[1].email: duplicate email "admin@example.com", first used at users[0].email',
      'categories[0].category_children[1].id: duplicate category id "pcat-apparel", first used at categories[0].id',
      'categories[0].category_children[1].handle: duplicate category handle "apparel/shirts", first used at categories[0].category_children[0].handle',
      'products[0].variants[1].sku: duplicate SKU "TEE-S", first used at products[0].variants[0].sku',
      'products[1].handle: duplicate product handle "t-shirt", first used at products[0].handle',
      'products[1].variants[0].sku: duplicate SKU "TEE-S", first used at products[0].variants[0].sku',
      'products[1].variants[1].sku: duplicate SKU "TEE-S", first used at products[0].variants[0].sku',
    ]);
  });

  it("a price or region currency the store does not have", () => {
    const file = medusaFile();
    file.products[0].variants[0].prices[1].currency_code = 'gbp';
    file.regions[1].currency_code = 'cad';
    expect(problems(file)).toEqual([
      'regions[1].currency_code: "cad" is not one of the store\'s currencies (eur, usd)',
      'products[0].variants[0].prices[1].currency_code: "gbp" is not one of the store\'s currencies (eur, usd)',
    ]);
  });

  it('a country in two regions, a flat rate without an amount', () => {
    const file = medusaFile() as any;
    file.regions[1].countries.push('de');
    delete file.shipping_options[0].amount;
    expect(problems(file)).toEqual([
      'regions[1].countries[2]: duplicate country "de", first used at regions[0].countries[1] (a country belongs to one region)',
      'shipping_options[0].amount: required when price_type is "flat_rate"',
    ]);
  });
});
