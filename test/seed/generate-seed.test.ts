import { describe, expect, it } from 'vitest';
import { generateSeed } from '../../src/seed/generate-seed.js';
import { validateSeed } from '../../src/seed/load-seed-file.js';

describe('generateSeed', () => {
  it('builds a valid file of the size asked for', () => {
    const seed = validateSeed(generateSeed({ products: 250, variantsPerProduct: 7 }));
    expect(seed.products).toHaveLength(250);
    expect(seed.products.every((p) => p.variants.length === 7)).toBe(true);
    expect(seed.products[0].options[0].values).toEqual(['XS', 'S', 'M', 'L', 'XL', 'XXL', 'Size 7']);
    expect(new Set(seed.products.map((p) => p.handle)).size).toBe(250);
  });

  it('is deterministic, and varies with its seed', () => {
    const options = { products: 50, variantsPerProduct: 4 };
    expect(generateSeed(options)).toEqual(generateSeed(options));
    const quantities = (seed: number) =>
      generateSeed({ ...options, seed }).products!.flatMap((p) => p.variants!.map((v) => v.inventory_quantity));
    expect(quantities(2)).not.toEqual(quantities(1));
  });

  it('keeps generated files apart by handle prefix', () => {
    const a = validateSeed(generateSeed({ products: 3, variantsPerProduct: 1, handlePrefix: 'a' }));
    const b = validateSeed(generateSeed({ products: 3, variantsPerProduct: 1, handlePrefix: 'b' }));
    const handles = [...a.products, ...b.products].map((p) => p.handle);
    expect(new Set(handles).size).toBe(6);
  });

  it('refuses nonsense sizes', () => {
    expect(() => generateSeed({ products: -1, variantsPerProduct: 1 })).toThrow(RangeError);
    expect(() => generateSeed({ products: 1, variantsPerProduct: 0 })).toThrow(RangeError);
  });
});
