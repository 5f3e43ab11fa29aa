// stepwise check: the catalog validated (journal, SQL files, guides, data steps, package
// version), every inconsistency named. Touches no database.
import { readCatalog } from '../catalog/load-catalog.js';
import { loadDataStep } from '../catalog/load-data-step.js';
import { catalogRoot } from '../catalog/project-root.js';
import { allSteps } from '../core/catalog.js';
import type { CatalogProblem } from '../core/check-catalog.js';
import { EXIT } from '../errors.js';
import { styler } from '../report/style.js';
import { printJson } from './common.js';

export async function checkCommand(options: { root?: string; json?: boolean }): Promise<number> {
  const root = catalogRoot(options.root);
  const { catalog, problems } = readCatalog(root);
  const steps = allSteps(catalog);

  for (const step of steps) {
    if (step.kind !== 'script') continue;
    try {
      await loadDataStep(step.script);
    } catch (error) {
      problems.push({ where: `upgrade-guides/${step.id}`, message: (error as Error).message, severity: 'error' });
    }
  }
  if (steps.some((s) => s.kind === 'migration')) {
    const { analyzeStatements } = await import('../lint/analyze.js');
    for (const migration of catalog.migrations) {
      const previews = await analyzeStatements(migration.statements);
      previews.forEach((p, i) => {
        if ('parseError' in p && p.parseError) {
          problems.push({ where: `drizzle/${migration.tag}.sql`, message: `statement ${i + 1} does not parse: ${p.parseError}`, severity: 'error' });
        }
      });
    }
  }

  const errors = problems.filter((p) => p.severity === 'error');
  if (options.json) {
    printJson({
      ok: errors.length === 0,
      codeVersion: catalog.codeVersion,
      releases: catalog.releases.map((r) => ({ version: r.version, title: r.title, steps: r.steps.map((s) => ({ kind: s.kind, id: s.id })) })),
      problems,
    });
  } else {
    printText(problems, catalog.releases.length, catalog.migrations.length, steps.filter((s) => s.kind === 'script').length);
  }
  return errors.length === 0 ? EXIT.ok : EXIT.usage;
}

function printText(problems: CatalogProblem[], releases: number, migrations: number, scripts: number) {
  const s = styler();
  for (const p of problems) {
    const label = p.severity === 'error' ? s('red', 'error') : s('yellow', 'warning');
    process.stdout.write(`${label}  ${p.where}: ${p.message}\n`);
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  process.stdout.write(
    errors === 0
      ? `${s('green', 'ok')}: ${releases} release(s), ${migrations} migration(s), ${scripts} data step(s) are consistent.\n`
      : `${errors} error(s): the catalog is not consistent.\n`,
  );
}
