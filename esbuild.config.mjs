// The CLI as a bundle: dist/cli.js and its lazily loaded chunks (dist/chunks/), built after tsc
// has emitted dist/ (the library, dist/api.js, stays tsc's). Node resolves and reads a few
// hundred files less at start-up, which is most of `status`'s time and the wizard's first frame.
// Each `await import()` in src/ stays a chunk of its own, so Ink, the parser and the drivers
// still load only where they are used.
import { build } from 'esbuild';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(root, 'dist');

// Dependencies that find their own files next to them at run time (WASM, data, workers) or load
// other code by path stay in node_modules; so do the optional ones the bundle never loads
// (pg-native; react-devtools-core, which Ink imports only when DEV=true and then explains its
// absence itself).
const external = [
  '@electric-sql/pglite', '@electric-sql/pglite/*', 'libpg-query', 'jiti', 'zod',
  'pg-native', 'cloudflare:sockets', 'react-devtools-core',
];

// Two dependencies probe for browser globals, and touching `Response` or `fetch` makes Node 20
// load its fetch implementation (undici, ~20 ms). The CLI runs on Node only, so the bundle
// answers for them: pg asks "is this a Cloudflare Worker?" by constructing a `Response` (every
// command that connects); yoga's WebAssembly loader fetches its own inline binary when `fetch`
// exists (the wizard's first frame) and decodes it directly otherwise.
const NODE_ONLY_PATCHES = [
  { file: /node_modules[\\/]pg[\\/]lib[\\/]stream\.js$/, from: 'if (isCloudflareRuntime()) {', to: 'if (false) {' },
  { file: /node_modules[\\/]yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/, from: '"function"!=typeof fetch', to: '!0' },
];
const nodeOnly = {
  name: 'node-only',
  setup(b) {
    for (const patch of NODE_ONLY_PATCHES) {
      b.onLoad({ filter: patch.file }, async (args) => {
        const source = await fs.promises.readFile(args.path, 'utf8');
        const patched = source.replaceAll(patch.from, patch.to);
        const warnings = patched === source ? [{ text: `${args.path} changed: \`${patch.from}\` is no longer there to patch (start-up loads undici again)` }] : [];
        return { contents: patched, loader: 'js', warnings };
      });
    }
  },
};

// Names the lint code in this bundle: the analyses the CLI keeps (src/lint/analysis-cache.ts)
// are only reused by a build with the same lint sources and the same parser.
function lintBuildId() {
  const hash = crypto.createHash('sha256');
  const lintDir = path.join(root, 'src', 'lint');
  for (const name of fs.readdirSync(lintDir, { recursive: true }).map(String).sort()) {
    const file = path.join(lintDir, name);
    if (fs.statSync(file).isFile()) hash.update(name).update(fs.readFileSync(file));
  }
  hash.update(fs.readFileSync(path.join(root, 'src', 'core', 'warning.ts')));
  hash.update(fs.readFileSync(path.join(root, 'node_modules', 'libpg-query', 'package.json')));
  return hash.digest('hex').slice(0, 16);
}

fs.rmSync(path.join(dist, 'chunks'), { recursive: true, force: true });
await build({
  entryPoints: {
    cli: path.join(root, 'src/cli.ts'),
    // the embedded database's first initdb, off the main thread (src/db/pglite-database.ts)
    'db/pglite-initdb-worker': path.join(root, 'src/db/pglite-initdb-worker.ts'),
  },
  outdir: dist,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  // less text to read and compile at every start (the wizard chunk: 771 → 510 KB); --debug maps
  // stack traces back to src/ through the source maps
  minifyWhitespace: true,
  minifySyntax: true,
  minifyIdentifiers: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  sourcemap: true,
  external,
  define: { 'process.env.NODE_ENV': '"production"', __STEPWISE_LINT_BUILD__: JSON.stringify(lintBuildId()) },
  // CommonJS dependencies (pg, gray-matter) call require() for Node's own modules
  banner: { js: "import { createRequire as __stepwiseRequire } from 'node:module'; const require = __stepwiseRequire(import.meta.url);" },
  plugins: [nodeOnly],
  logLevel: 'warning',
});
