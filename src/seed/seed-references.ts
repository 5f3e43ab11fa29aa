// What the shape alone cannot say: entries that refer to each other (a shipping option's region,
// a product's categories and collection, a variant's option values) and natural keys that must
// be unique (emails, handles, ids). Runs on a file that already has the right shape.
import type { SeedCategory, SeedFile, SeedProduct } from './seed-file-schema.js';
import type { JsonPath, SeedProblem } from './seed-problems.js';
import { formatPath } from './seed-problems.js';

export function checkSeedReferences(seed: SeedFile): SeedProblem[] {
  const problems: SeedProblem[] = [];
  const report = (path: JsonPath, message: string) => problems.push({ path: formatPath(path), message });
  const unique = uniqueness(report);

  const currencies = seed.store ? new Set(seed.store.currencies) : null;
  const checkCurrency = (path: JsonPath, code: string) => {
    if (currencies && !currencies.has(code)) {
      report(path, `"${code}" is not one of the store's currencies (${[...currencies].join(', ')})`);
    }
  };
  if (seed.store) {
    const listed = unique('currency');
    seed.store.currencies.forEach((code, i) => listed(['store', 'currencies', i], code));
    if (seed.store.default_currency_code) checkCurrency(['store', 'default_currency_code'], seed.store.default_currency_code);
  }

  const email = unique('email');
  seed.users.forEach((user, i) => email(['users', i, 'email'], user.email));

  const regionId = unique('region id');
  const regionName = unique('region name');
  const country = unique('country', 'a country belongs to one region');
  seed.regions.forEach((region, i) => {
    regionId(['regions', i, 'id'], region.id);
    regionName(['regions', i, 'name'], region.name);
    checkCurrency(['regions', i, 'currency_code'], region.currency_code);
    region.countries.forEach((code, c) => country(['regions', i, 'countries', c], code));
  });

  const regionIds = new Set(seed.regions.map((region) => region.id));
  const optionName = unique('shipping option name in its region');
  seed.shipping_options.forEach((option, i) => {
    if (!regionIds.has(option.region_id)) {
      report(['shipping_options', i, 'region_id'], `no region has the id "${option.region_id}"${known(regionIds)}`);
    }
    optionName(['shipping_options', i, 'name'], `${option.region_id}\u0000${option.name}`, option.name);
    if (option.price_type === 'flat_rate' && option.amount == null) {
      report(['shipping_options', i, 'amount'], 'required when price_type is "flat_rate"');
    }
  });

  const categoryId = unique('category id');
  const categoryHandle = unique('category handle');
  walkCategories(seed.categories, ['categories'], (category, path) => {
    categoryId([...path, 'id'], category.id);
    categoryHandle([...path, 'handle'], category.handle);
  });
  const categoryIds = new Set<string>();
  walkCategories(seed.categories, ['categories'], (category) => categoryIds.add(category.id));

  const collectionId = unique('collection id');
  const collectionHandle = unique('collection handle');
  const collectionRefs = new Set<string>();
  seed.product_collections.forEach((collection, i) => {
    if (collection.id) collectionId(['product_collections', i, 'id'], collection.id);
    collectionHandle(['product_collections', i, 'handle'], collection.handle);
    collectionRefs.add(collection.handle);
    if (collection.id) collectionRefs.add(collection.id);
  });

  const productHandle = unique('product handle');
  const sku = unique('SKU');
  seed.products.forEach((product, p) => {
    const at: JsonPath = ['products', p];
    productHandle([...at, 'handle'], product.handle);
    product.categories.forEach((id, c) => {
      if (!categoryIds.has(id)) report([...at, 'categories', c], `no category has the id "${id}"${known(categoryIds)}`);
    });
    if (product.collection && !collectionRefs.has(product.collection)) {
      report([...at, 'collection'], `no entry of product_collections has the handle or id "${product.collection}"`);
    }
    checkOptions(product, at, report);
    product.variants.forEach((variant, v) => {
      if (variant.sku) sku([...at, 'variants', v, 'sku'], variant.sku);
      const priced = unique('price currency of this variant');
      variant.prices.forEach((price, i) => {
        const path = [...at, 'variants', v, 'prices', i, 'currency_code'];
        priced(path, price.currency_code);
        checkCurrency(path, price.currency_code);
      });
    });
  });
  return problems;
}

/** Variant options are positional (as in Medusa): the n-th value is a value of the n-th option. */
function checkOptions(product: SeedProduct, at: JsonPath, report: (path: JsonPath, message: string) => void) {
  const title = uniqueness(report)('option title');
  product.options.forEach((option, o) => {
    title([...at, 'options', o, 'title'], option.title);
    const value = uniqueness(report)('value of this option');
    option.values.forEach((v, i) => value([...at, 'options', o, 'values', i], v));
  });
  const combination = uniqueness(report)('option combination', 'each variant needs its own combination of option values');
  product.variants.forEach((variant, v) => {
    const path = [...at, 'variants', v, 'options'];
    if (variant.options.length !== product.options.length) {
      const titles = product.options.map((option) => option.title).join(', ') || 'none';
      report(path, `has ${variant.options.length} values, expected one per product option (${titles})`);
      return;
    }
    variant.options.forEach((chosen, i) => {
      const option = product.options[i];
      if (!option.values.includes(chosen.value)) {
        const values = option.values.map((x) => JSON.stringify(x)).join(', ');
        report([...path, i, 'value'], `"${chosen.value}" is not a value of option "${option.title}" (${values})`);
      }
    });
    if (variant.options.length > 0) {
      const key = variant.options.map((chosen) => chosen.value).join('\u0000');
      combination(path, key, variant.options.map((chosen) => chosen.value).join(' / '));
    }
  });
}

export function walkCategories(
  categories: SeedCategory[],
  path: JsonPath,
  visit: (category: SeedCategory, path: JsonPath, parent: SeedCategory | null) => void,
  parent: SeedCategory | null = null,
): void {
  categories.forEach((category, i) => {
    const at = [...path, i];
    visit(category, at, parent);
    walkCategories(category.category_children, [...at, 'category_children'], visit, category);
  });
}

/** A checker per natural key: the second use of a key is reported, naming the first. */
function uniqueness(report: (path: JsonPath, message: string) => void) {
  return (what: string, why?: string) => {
    const seen = new Map<string, JsonPath>();
    return (path: JsonPath, key: string, shown: string = key) => {
      const first = seen.get(key);
      if (first) report(path, `duplicate ${what} "${shown}", first used at ${formatPath(first)}${why ? ` (${why})` : ''}`);
      else seen.set(key, path);
    };
  };
}

function known(values: Set<string>): string {
  if (values.size === 0) return ' (the file defines none)';
  const list = [...values].slice(0, 8).map((v) => `"${v}"`).join(', ');
  return ` (known: ${list}${values.size > 8 ? ', …' : ''})`;
}
