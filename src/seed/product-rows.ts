// The rows a new product becomes, in every table it touches. Pure: ids are made here, the
// database is not consulted, so the mapping (option values to options, prices to variants,
// variants to inventory items) is tested without one.
import { newId } from './ids.js';
import type { SeedProduct } from './seed-file-schema.js';

export interface ProductRefs {
  /** file category id → database id */
  categoryIds: Map<string, string>;
  /** collection handle or file id → database id */
  collectionIds: Map<string, string>;
  salesChannelId: string;
  stockLocationId: string | null;
}

export function productRow(product: SeedProduct, id: string, refs: ProductRefs) {
  return {
    id,
    title: product.title,
    subtitle: product.subtitle ?? null,
    description: product.description ?? null,
    handle: product.handle,
    is_giftcard: product.is_giftcard,
    status: product.status,
    // as Medusa does: the first image is the thumbnail unless one is given
    thumbnail: product.thumbnail ?? product.images[0] ?? null,
    weight: product.weight ?? null,
    collection_id: product.collection ? (refs.collectionIds.get(product.collection) ?? null) : null,
    discountable: product.is_giftcard ? false : product.discountable,
    metadata: product.metadata ?? null,
  };
}

export type ProductRow = ReturnType<typeof productRow>;

export interface ChildRows {
  options: { id: string; product_id: string; title: string }[];
  variants: {
    id: string;
    product_id: string;
    title: string;
    sku: string | null;
    barcode: string | null;
    allow_backorder: boolean;
    manage_inventory: boolean;
    weight: number | null;
    variant_rank: number;
  }[];
  optionValues: { id: string; value: string; option_id: string; variant_id: string }[];
  prices: { id: string; currency_code: string; amount: number; variant_id: string }[];
  images: { id: string; url: string }[];
  productImages: { product_id: string; image_id: string }[];
  productCategories: { product_category_id: string; product_id: string }[];
  productSalesChannels: { product_id: string; sales_channel_id: string }[];
  inventoryItems: { id: string; sku: string | null; weight: number | null }[];
  inventoryLevels: { id: string; inventory_item_id: string; location_id: string; stocked_quantity: number }[];
  variantInventoryItems: { id: string; variant_id: string; inventory_item_id: string; required_quantity: number }[];
}

export function emptyChildRows(): ChildRows {
  return {
    options: [],
    variants: [],
    optionValues: [],
    prices: [],
    images: [],
    productImages: [],
    productCategories: [],
    productSalesChannels: [],
    inventoryItems: [],
    inventoryLevels: [],
    variantInventoryItems: [],
  };
}

/** Appends the rows of one new product (inserted with `productId`) to `out`. */
export function addChildRows(out: ChildRows, product: SeedProduct, productId: string, refs: ProductRefs): void {
  const optionIds = product.options.map((option) => {
    const id = newId('opt');
    out.options.push({ id, product_id: productId, title: option.title });
    return id;
  });
  product.variants.forEach((variant, rank) => {
    const variantId = newId('variant');
    const weight = variant.weight ?? product.weight ?? null;
    out.variants.push({
      id: variantId,
      product_id: productId,
      title: variant.title,
      sku: variant.sku ?? null,
      barcode: variant.barcode ?? null,
      allow_backorder: variant.allow_backorder,
      manage_inventory: variant.manage_inventory,
      weight,
      variant_rank: rank,
    });
    // positional, as in Medusa's seed: the n-th value belongs to the n-th option
    variant.options.forEach((chosen, i) => {
      out.optionValues.push({ id: newId('optval'), value: chosen.value, option_id: optionIds[i], variant_id: variantId });
    });
    for (const price of variant.prices) {
      out.prices.push({ id: newId('ma'), currency_code: price.currency_code, amount: price.amount, variant_id: variantId });
    }
    if (variant.manage_inventory && refs.stockLocationId) {
      const itemId = newId('iitem');
      out.inventoryItems.push({ id: itemId, sku: variant.sku ?? null, weight });
      out.inventoryLevels.push({
        id: newId('ilev'),
        inventory_item_id: itemId,
        location_id: refs.stockLocationId,
        stocked_quantity: variant.inventory_quantity,
      });
      out.variantInventoryItems.push({ id: newId('pvitem'), variant_id: variantId, inventory_item_id: itemId, required_quantity: 1 });
    }
  });
  for (const url of new Set(product.images)) {
    const imageId = newId('img');
    out.images.push({ id: imageId, url });
    out.productImages.push({ product_id: productId, image_id: imageId });
  }
  for (const ref of new Set(product.categories)) {
    const categoryId = refs.categoryIds.get(ref);
    if (categoryId) out.productCategories.push({ product_category_id: categoryId, product_id: productId });
  }
  out.productSalesChannels.push({ product_id: productId, sales_channel_id: refs.salesChannelId });
}
