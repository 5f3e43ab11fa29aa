// Reads drizzle/, upgrade-guides/ and package.json into a Catalog, with every problem named.
import fs from 'node:fs';
import path from 'node:path';
import { semver } from '../core/version.js';
import type { Catalog, CatalogStep, Release } from '../core/catalog.js';
import { checkCatalog, type CatalogProblem } from '../core/check-catalog.js';
import { UserError } from '../errors.js';
import { readGuides } from './read-guides.js';
import { readJournal } from './read-journal.js';

export interface LoadedCatalog {
  catalog: Catalog;
  /** errors and warnings; a catalog with errors must not be used to plan */
  problems: CatalogProblem[];
}

export class CatalogError extends UserError {
  constructor(readonly problems: CatalogProblem[]) {
    super(
      `The catalog is inconsistent:\n${problems.filter((p) => p.severity === 'error').map((p) => `  ${p.where}: ${p.message}`).join('\n')}`,
      ['Run `stepwise check` for the full list, fix the files, and try again. Nothing was changed.'],
    );
  }
}

export function readCatalog(root: string): LoadedCatalog {
  const problems: CatalogProblem[] = [];
  let packageVersion = '';
  try {
    packageVersion = String((JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version?: unknown }).version ?? '');
  } catch (error) {
    problems.push({ where: 'package.json', message: `cannot read it: ${(error as Error).message}`, severity: 'error' });
  }
  const journal = readJournal(root);
  const { guides, problems: guideProblems } = readGuides(root);
  problems.push(...journal.problems, ...guideProblems);
  problems.push(...checkCatalog({ packageVersion, journal: journal.migrations, guides }));

  const byTag = new Map(journal.migrations.map((m) => [m.tag, m]));
  const releases: Release[] = guides
    .filter((g) => semver.valid(g.version))
    .sort((a, b) => semver.compare(a.version, b.version))
    .map((g) => ({
      version: g.version,
      title: g.title,
      notes: g.notes,
      steps: g.steps.flatMap((s): CatalogStep[] => {
        if (s.kind === 'migration') {
          const migration = byTag.get(s.id);
          return migration ? [{ kind: 'migration', id: s.id, version: g.version, migration }] : [];
        }
        const script = g.scripts.get(s.id);
        return script ? [{ kind: 'script', id: s.id, version: g.version, script }] : [];
      }),
    }));

  return {
    catalog: { codeVersion: packageVersion, releases, migrations: journal.migrations, tables: journal.tables },
    problems,
  };
}

/** The catalog, or a CatalogError listing what is wrong. */
export function loadCatalog(root: string): Catalog {
  const loaded = readCatalog(root);
  if (loaded.problems.some((p) => p.severity === 'error')) throw new CatalogError(loaded.problems);
  return loaded.catalog;
}
