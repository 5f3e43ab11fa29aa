// V8 compiles WebAssembly twice: a quick baseline compile to start at once, then its optimizing
// tier recompiles hot functions on background threads. On two cores, for a short job, the second
// compile costs more than it saves (measured on these machines: PostgreSQL's parser making 5,000
// parses took 92–106 ms baseline-only against 174–185 ms; PGlite opening, reading and closing took
// 0.37 s against 0.50 s of process time). Long jobs (a data step, a seed on PGlite) gain from the
// optimizing tier (1.5× faster updates), so only the short ones ask for the baseline.

/**
 * Runs `compile` (which compiles a WebAssembly module) with the optimizing tier off for that
 * module. V8 reads the flag when a module is compiled, so it is set back at once and modules
 * compiled later tier up as usual.
 */
export async function withBaselineWasmOnly<T>(compile: () => Promise<T>): Promise<T> {
  const v8 = await import('node:v8');
  v8.setFlagsFromString('--liftoff-only');
  try {
    return await compile();
  } finally {
    v8.setFlagsFromString('--no-liftoff-only');
  }
}
