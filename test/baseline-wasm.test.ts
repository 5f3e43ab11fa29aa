import { describe, expect, it } from 'vitest';
import { withBaselineWasmOnly } from '../src/baseline-wasm.js';

// (module (func (export "inc") (param i32) (result i32) local.get 0 i32.const 1 i32.add))
const INC = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 6, 1, 96, 1, 127, 1, 127, 3, 2, 1, 0, 7, 7, 1, 3, 105, 110, 99, 0, 0, 10, 9, 1, 7, 0, 32, 0, 65, 1, 106, 11]);

async function inc(): Promise<(n: number) => number> {
  const { instance } = await WebAssembly.instantiate(INC);
  return instance.exports.inc as (n: number) => number;
}

describe('withBaselineWasmOnly', () => {
  it('gives back what the compile made, and modules compiled inside and after both run', async () => {
    const inside = await withBaselineWasmOnly(inc);
    const after = await inc();
    expect(inside(41)).toBe(42);
    expect(after(1)).toBe(2);
  });

  it('passes a failed compile on, and compiling works afterwards', async () => {
    await expect(withBaselineWasmOnly(() => WebAssembly.compile(new Uint8Array([1, 2, 3])))).rejects.toThrow(WebAssembly.CompileError);
    expect((await inc())(0)).toBe(1);
  });
});
