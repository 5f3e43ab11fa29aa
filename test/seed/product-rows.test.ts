import { describe, expect, it } from 'vitest';
import { validateSeed } from '../../src/seed/load-seed-file.js';
import type { ProductRefs } from '../../src/seed/product-rows.js';
import { addChildRows, emptyChildRows, productRow } from '../../src/seed/product-rows.js';

const seed = validateSeed({
  store: { currencies: ['eur', 'usd'] },
  categories: [{ id: 'cat-tees', name: 'Tees', handle: 'tees' }],
  product_collections: [{ title: 'Basics', handle: 'basics' }],
  products: [
    {
      title: 'Tee',
      handle: 'tee',
      weight: 200,
      images: ['https://img.example/a.jpg', 'https://img.example/b.jpg', 'https://img.example/a.jpg'],
      categories: ['cat-tees'],
      collection: 'basics',
      options: [
        { title: 'Size', values: ['S', 'M'] },
        { title: 'Colour', values: ['Black', 'White'] },
      ],
      variants: [
        { title: 'S / White', sku: 'TEE-SW', prices: [{ currency_code: 'eur', amount: 1500 }, { currency_code: 'usd', amount: 1700 }], options: [{ value: 'S' }, { value: 'White' }], inventory_quantity: 7 },
        { title: 'M / Black', prices: [{ currency_code: 'eur', amount: 1600 }], options: [{ value: 'M' }, { value: 'Black' }], manage_inventory: false, weight: 250 },
      ],
    },
    { title: 'Gift card', handle: 'gift-card', is_giftcard: true, variants: [{ title: '50', prices: [{ currency_code: 'eur', amount: 5000 }] }] },
  ],
});

const refs: ProductRefs = {
  categoryIds: new Map([['cat-tees', 'pcat_db_tees']]),
  collectionIds: new Map([['basics', 'pcol_db_basics']]),
  salesChannelId: 'sc_default',
  stockLocationId: 'sloc_default',
};

describe('productRow', () => {
  it('maps the collection, takes the first image as thumbnail', () => {
    const row = productRow(seed.products[0], 'prod_1', refs);
    expect(row).toMatchObject({ id: 'prod_1', handle: 'tee', collection_id: 'pcol_db_basics', thumbnail: 'https://img.example/a.jpg', status: 'published', weight: 200 });
  });

  it('never makes a gift card discountable', () => {
    expect(productRow(seed.products[1], 'prod_2', refs).discountable).toBe(false);
  });
});

describe('addChildRows', () => {
  const rows = emptyChildRows();
  addChildRows(rows, seed.products[0], 'prod_1', refs);

  it('gives each variant the value of each option, by position', () => {
    const option = (title: string) => rows.options.find((o) => o.title === title)!.id;
    const values = (variantTitle: string) => {
      const variant = rows.variants.find((v) => v.title === variantTitle)!;
      return rows.optionValues.filter((v) => v.variant_id === variant.id).map((v) => [v.option_id, v.value]);
    };
    expect(rows.options.every((o) => o.product_id === 'prod_1')).toBe(true);
    expect(values('S / White')).toEqual([[option('Size'), 'S'], [option('Colour'), 'White']]);
    expect(values('M / Black')).toEqual([[option('Size'), 'M'], [option('Colour'), 'Black']]);
  });

  it('prices each variant per currency', () => {
    const [small, medium] = rows.variants;
    expect(rows.prices.filter((p) => p.variant_id === small.id).map((p) => [p.currency_code, p.amount])).toEqual([['eur', 1500], ['usd', 1700]]);
    expect(rows.prices.filter((p) => p.variant_id === medium.id).map((p) => p.amount)).toEqual([1600]);
  });

  it('creates an inventory item, level and link for managed variants only', () => {
    const managed = rows.variants.find((v) => v.manage_inventory)!;
    expect(rows.inventoryItems).toEqual([{ id: expect.stringMatching(/^iitem_/), sku: 'TEE-SW', weight: 200 }]);
    expect(rows.inventoryLevels).toEqual([
      { id: expect.stringMatching(/^ilev_/), inventory_item_id: rows.inventoryItems[0].id, location_id: 'sloc_default', stocked_quantity: 7 },
    ]);
    expect(rows.variantInventoryItems).toEqual([
      { id: expect.stringMatching(/^pvitem_/), variant_id: managed.id, inventory_item_id: rows.inventoryItems[0].id, required_quantity: 1 },
    ]);
  });

  it('takes the variant weight, else the product weight; ranks variants in file order', () => {
    expect(rows.variants.map((v) => [v.weight, v.variant_rank])).toEqual([[200, 0], [250, 1]]);
  });

  it('links images once each, the category by its database id, and the sales channel', () => {
    expect(rows.images.map((i) => i.url)).toEqual(['https://img.example/a.jpg', 'https://img.example/b.jpg']);
    expect(rows.productImages.map((l) => l.image_id)).toEqual(rows.images.map((i) => i.id));
    expect(rows.productCategories).toEqual([{ product_category_id: 'pcat_db_tees', product_id: 'prod_1' }]);
    expect(rows.productSalesChannels).toEqual([{ product_id: 'prod_1', sales_channel_id: 'sc_default' }]);
  });

  it('creates no inventory when there is no stock location', () => {
    const none = emptyChildRows();
    addChildRows(none, seed.products[0], 'prod_1', { ...refs, stockLocationId: null });
    expect(none.inventoryItems).toEqual([]);
    expect(none.variants).toHaveLength(2);
  });
});
