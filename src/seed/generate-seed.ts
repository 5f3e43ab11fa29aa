// A large, valid seed object for benchmarks and tests. Deterministic: the same options give the
// same object, so timings compare across runs and tests can assert exact counts.
import type { SeedFileInput } from './seed-file-schema.js';

export interface GenerateSeedOptions {
  products: number;
  variantsPerProduct: number;
  /** varies quantities and prices (default 1) */
  seed?: number;
  /** prefix of product handles, so several generated files can share a database (default `gen`) */
  handlePrefix?: string;
  users?: number;
}

const sizes = ['XS', 'S', 'M', 'L', 'XL', 'XXL'];
const nouns = ['Tee', 'Hoodie', 'Cap', 'Tote', 'Mug', 'Notebook', 'Scarf', 'Sock', 'Jacket', 'Bottle'];
const adjectives = ['Everyday', 'Heritage', 'Studio', 'Trail', 'Harbour', 'Meadow', 'Granite', 'Juniper'];

export function generateSeed(options: GenerateSeedOptions): SeedFileInput {
  const { products, variantsPerProduct, handlePrefix = 'gen' } = options;
  if (!Number.isInteger(products) || products < 0) throw new RangeError('products must be a whole number ≥ 0');
  if (!Number.isInteger(variantsPerProduct) || variantsPerProduct < 1) {
    throw new RangeError('variantsPerProduct must be a whole number ≥ 1');
  }
  const random = mulberry32(options.seed ?? 1);
  const values = Array.from({ length: variantsPerProduct }, (_, i) => sizes[i] ?? `Size ${i + 1}`);
  const width = String(products).length;

  return {
    store: { name: 'Generated Store', currencies: ['eur', 'usd'], default_currency_code: 'eur' },
    users: Array.from({ length: options.users ?? 0 }, (_, i) => ({
      email: `${handlePrefix}-user-${i + 1}@example.com`,
      password: `generated-password-${i + 1}`,
    })),
    regions: [
      { id: `${handlePrefix}-region-eu`, name: `${handlePrefix} Europe`, currency_code: 'eur', tax_rate: 20, countries: [] },
      { id: `${handlePrefix}-region-na`, name: `${handlePrefix} North America`, currency_code: 'usd', tax_rate: 0, countries: [] },
    ].map((region) => ({ ...region, payment_providers: ['manual'], fulfillment_providers: ['manual'] })),
    shipping_options: [],
    categories: [
      {
        id: `${handlePrefix}-cat-apparel`,
        name: 'Apparel',
        handle: `${handlePrefix}-apparel`,
        rank: 0,
        category_children: nouns.slice(0, 5).map((noun, rank) => ({
          id: `${handlePrefix}-cat-${noun.toLowerCase()}`,
          name: `${noun}s`,
          handle: `${handlePrefix}-apparel/${noun.toLowerCase()}s`,
          rank,
        })),
      },
    ],
    product_collections: adjectives.map((adjective) => ({
      title: `${adjective} Collection`,
      handle: `${handlePrefix}-${adjective.toLowerCase()}`,
    })),
    products: Array.from({ length: products }, (_, p) => {
      const number = String(p + 1).padStart(width, '0');
      const noun = nouns[p % nouns.length];
      const adjective = adjectives[Math.floor(p / nouns.length) % adjectives.length];
      const handle = `${handlePrefix}-product-${number}`;
      const base = 500 + Math.floor(random() * 200) * 50;
      return {
        title: `${adjective} ${noun} ${number}`,
        subtitle: null,
        description: `A generated ${noun.toLowerCase()} for load testing.`,
        handle,
        is_giftcard: false,
        weight: 100 + (p % 9) * 50,
        images: [`https://images.example.com/${handle}/front.jpg`, `https://images.example.com/${handle}/back.jpg`],
        categories: p % nouns.length < 5 ? [`${handlePrefix}-cat-${noun.toLowerCase()}`] : [`${handlePrefix}-cat-apparel`],
        collection: `${handlePrefix}-${adjective.toLowerCase()}`,
        options: [{ title: 'Size', values }],
        variants: values.map((value, v) => ({
          title: value,
          sku: `${handle.toUpperCase()}-${v + 1}`,
          prices: [
            { currency_code: 'eur', amount: base + v * 100 },
            { currency_code: 'usd', amount: Math.round((base + v * 100) * 1.1) },
          ],
          options: [{ value }],
          inventory_quantity: Math.floor(random() * 250),
          manage_inventory: true,
        })),
      };
    }),
  };
}

/** A small, fast, seedable PRNG (deterministic output is the point, not quality). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
