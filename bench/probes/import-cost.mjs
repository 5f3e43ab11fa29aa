// Where start-up time goes: each module's import cost, measured incrementally (each one after
// the ones before it, as a command would load them) in fresh processes; medians of N runs.
//   node bench/probes/import-cost.mjs status|wizard|version [runs]
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const dist = (file) => path.join(repo, 'dist', file);

// in the order the command loads them: packages first, then Stepwise's own modules (whose
// increment is then their own code plus anything not listed before)
const SEQUENCES = {
  version: ['commander', dist('cli.js').replace(/cli\.js$/, 'catalog/project-root.js')],
  status: ['commander', 'semver/functions/compare.js', 'zod', 'js-yaml', dist('catalog/load-catalog.js'), dist('run/inspect.js'), 'pg', dist('db/pg-database.js'), dist('commands/status.js')],
  wizard: ['commander', 'zod', 'js-yaml', dist('commands/upgrade.js'), 'react', 'es-toolkit/compat', 'yoga-layout', 'ink', '@inkjs/ui', dist('ui/render-wizard.js'), 'pg', 'libpg-query'],
};

const [which = 'status', runsArg = '7'] = process.argv.slice(2);
const modules = SEQUENCES[which];
if (!modules) throw new Error(`pick one of ${Object.keys(SEQUENCES).join(', ')}`);

const script = `
const out = [];
for (const m of ${JSON.stringify(modules)}) { const t = performance.now(); await import(m); out.push(performance.now() - t); }
out.push(performance.now()); // time since the process started
console.log(JSON.stringify(out));`;

const runs = Array.from({ length: Number(runsArg) }, () =>
  JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: repo, encoding: 'utf8' })),
);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
let total = 0;
for (const [i, m] of modules.entries()) {
  const ms = median(runs.map((r) => r[i]));
  total += ms;
  console.log(`${ms.toFixed(1).padStart(8)} ms  ${m.replace(repo + '/', '')}`);
}
console.log(`${total.toFixed(1).padStart(8)} ms  all imports (median per module, summed)`);
console.log(`${median(runs.map((r) => r[modules.length])).toFixed(1).padStart(8)} ms  from process start to the last import's end (median)`);
