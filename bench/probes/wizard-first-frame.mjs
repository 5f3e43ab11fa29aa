// What the wizard's first frame costs by itself, and what bundling the UI would save: renders
// the wizard's Connect screen (a session that never finishes connecting) in a pseudo-terminal,
// from dist/ui/render-wizard.js as built, and from an esbuild bundle of the same file.
//   node bench/probes/wizard-first-frame.mjs [runs]
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO } from '../lib/drizzle.mjs';
import { median } from '../lib/measure.mjs';
import { inTerminal } from '../suites/startup.mjs';

const runs = Number(process.argv[2] ?? 5);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bench-wizard-'));
const stub = path.join(dir, 'devtools-stub.mjs');
fs.writeFileSync(stub, 'export default {};\n');
const bundle = path.join(dir, 'render-wizard.bundle.mjs');
// ink imports react-devtools-core only when DEV=true; the stub stands in for it
execFileSync(path.join(REPO, 'node_modules/.bin/esbuild'), [
  path.join(REPO, 'dist/ui/render-wizard.js'), '--bundle', '--platform=node', '--format=esm', `--outfile=${bundle}`,
  `--alias:react-devtools-core=${stub}`, '--log-level=error',
  "--banner:js=import{createRequire as __cr}from'module';const require=__cr(import.meta.url);",
]);

const runner = (entry) => {
  const file = path.join(dir, `run-${path.basename(entry)}.mjs`);
  fs.writeFileSync(file, `const { renderWizard } = await import(${JSON.stringify(entry)});
renderWizard({ mode: 'apply', database: { kind: 'postgres', url: 'postgres://app@db/shop' }, firstOpen: false, seed: null,
  open: () => new Promise(() => {}), run: async () => { throw new Error('not here'); }, close: async () => process.exit(0) });
process.stdin.once('data', () => process.exit(0));
`);
  return file;
};

const variants = { 'dist/ui/render-wizard.js (as built)': runner(path.join(REPO, 'dist/ui/render-wizard.js')), 'esbuild bundle of it': runner(bundle) };
const results = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
const env = { ...process.env, TERM: 'xterm-256color' };
for (let i = 0; i < runs; i++) {
  for (const [name, file] of Object.entries(variants)) {
    results[name].push((await inTerminal(`${process.execPath} ${file}`, { env, until: /Connecting/, quit: 'q' })).firstFrameMs);
  }
}
fs.rmSync(dir, { recursive: true, force: true });
for (const [name, xs] of Object.entries(results)) console.log(`${median(xs).toFixed(0).padStart(6)} ms  first frame, ${name}   (${xs.map(Math.round).join(', ')})`);
