// The seed file: Medusa v1's `data/seed.json`, plus `product_collections`. Objects are strict: a
// misspelt field (`prise`) is an error rather than data silently left out of the store.
// Cross-references between entries are checked afterwards by seed-references.ts.
import { z } from 'zod';
import { isCountryCode, isCurrencyCode } from './reference-data.js';

const text = z.string().trim().min(1);
const optionalText = z.string().nullish();
const minorUnits = z.number().int().min(0);
/** integer columns, as in Medusa */
const grams = z.number().int().min(0);
const metadata = z.record(z.string(), z.unknown()).nullish();
/** a cheap check (z.url() parses each one, too slow for files of 100,000 images) */
const imageUrl = z.string().regex(/^https?:\/\/[^\s/?#]+[^\s]*$/i, { error: 'expected an http(s) URL' });

/** ISO 4217, stored lowercase as Medusa does */
export const currencyCode = z
  .string()
  .regex(/^[a-zA-Z]{3}$/, { error: 'expected a three-letter ISO 4217 currency code, e.g. "eur"' })
  .transform((code) => code.toLowerCase())
  .refine(isCurrencyCode, { error: (issue) => `"${issue.input}" is not an ISO 4217 currency code` });

/** ISO 3166-1 alpha-2, stored lowercase as Medusa does */
export const countryCode = z
  .string()
  .regex(/^[a-zA-Z]{2}$/, { error: 'expected a two-letter ISO 3166-1 country code, e.g. "de"' })
  .transform((code) => code.toLowerCase())
  .refine(isCountryCode, {
    error: (issue) => `"${issue.input}" is not an ISO 3166-1 country code${issue.input === 'uk' ? ' (the United Kingdom is "gb")' : ''}`,
  });

/** URL-safe: what storefronts put in paths */
export const handle = z
  .string()
  .regex(/^[a-z0-9]+(?:[-_/][a-z0-9]+)*$/, {
    error: 'expected a handle: lowercase letters, digits and single "-", "_" or "/" between them',
  });

const store = z.strictObject({
  name: text.optional(),
  currencies: z.array(currencyCode).min(1),
  default_currency_code: currencyCode.optional(),
});

const user = z.strictObject({
  email: z.email({ error: 'expected an email address' }).transform((email) => email.toLowerCase()),
  password: z.string().min(8, { error: 'must be at least 8 characters' }),
  first_name: optionalText,
  last_name: optionalText,
  role: z.enum(['admin', 'member', 'developer']).optional(),
});

const region = z.strictObject({
  id: text,
  name: text,
  currency_code: currencyCode,
  /** a percentage, as Medusa v1 stores it (25 means 25 %) */
  tax_rate: z.number().min(0).max(100),
  tax_code: optionalText,
  payment_providers: z.array(text).default([]),
  fulfillment_providers: z.array(text).default([]),
  countries: z.array(countryCode).default([]),
});

const shippingOption = z.strictObject({
  name: text,
  region_id: text,
  provider_id: text,
  data: z.record(z.string(), z.unknown()).default({}),
  price_type: z.enum(['flat_rate', 'calculated']),
  amount: minorUnits.nullish(),
  is_return: z.boolean().default(false),
  admin_only: z.boolean().default(false),
});

const category = z.strictObject({
  id: text,
  name: text,
  handle,
  description: optionalText,
  rank: z.number().int().min(0).optional(),
  is_active: z.boolean().default(true),
  is_internal: z.boolean().default(false),
  get category_children() {
    return z.array(category).default([]);
  },
});

const productCollection = z.strictObject({
  id: text.optional(),
  title: text,
  handle,
});

const price = z.strictObject({
  currency_code: currencyCode,
  amount: minorUnits,
});

/** positional, as in Medusa: the n-th value belongs to the product's n-th option */
const variantOption = z.strictObject({ value: text });

const variant = z.strictObject({
  title: text,
  sku: optionalText,
  barcode: optionalText,
  prices: z.array(price).min(1),
  options: z.array(variantOption).default([]),
  inventory_quantity: z.number().int().min(0).default(0),
  manage_inventory: z.boolean().default(true),
  allow_backorder: z.boolean().default(false),
  weight: grams.nullish(),
});

const productOption = z.strictObject({
  title: text,
  values: z.array(text).min(1),
});

/** Medusa files write categories as ids or as `{ "id": … }`; both are accepted */
const categoryRef = z.union([text, z.strictObject({ id: text }).transform((ref) => ref.id)], {
  error: 'expected a category id, as a string or as { "id": "…" }',
});

const product = z.strictObject({
  title: text,
  subtitle: optionalText,
  description: optionalText,
  handle,
  is_giftcard: z.boolean().default(false),
  discountable: z.boolean().default(true),
  status: z.enum(['draft', 'proposed', 'published', 'rejected']).default('published'),
  weight: grams.nullish(),
  thumbnail: imageUrl.nullish(),
  images: z.array(imageUrl).default([]),
  categories: z.array(categoryRef).default([]),
  /** the handle or id of an entry of `product_collections` */
  collection: text.nullish(),
  options: z.array(productOption).default([]),
  variants: z.array(variant).default([]),
  metadata,
});

export const seedFileSchema = z.strictObject({
  store: store.optional(),
  users: z.array(user).default([]),
  regions: z.array(region).default([]),
  shipping_options: z.array(shippingOption).default([]),
  categories: z.array(category).default([]),
  product_collections: z.array(productCollection).default([]),
  products: z.array(product).default([]),
});

/** A validated seed file, with defaults filled in and codes lowercased. */
export type SeedFile = z.output<typeof seedFileSchema>;
export type SeedStore = NonNullable<SeedFile['store']>;
export type SeedUser = SeedFile['users'][number];
export type SeedRegion = SeedFile['regions'][number];
export type SeedShippingOption = SeedFile['shipping_options'][number];
export type SeedCategory = SeedFile['categories'][number];
export type SeedCollection = SeedFile['product_collections'][number];
export type SeedProduct = SeedFile['products'][number];
export type SeedVariant = SeedProduct['variants'][number];
/** What a seed file may contain before defaults (what generators build). */
export type SeedFileInput = z.input<typeof seedFileSchema>;
