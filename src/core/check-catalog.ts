// Consistency of the catalog (SPEC §3), as a pure function of what was read from disk.
import { semver } from './version.js';

export interface CatalogProblem {
  /** the file concerned, relative to the project root */
  where: string;
  message: string;
  /** warnings do not fail `stepwise check` */
  severity: 'error' | 'warning';
}

export interface JournalEntryFacts {
  tag: string;
  idx: number;
  when: number;
}

export interface GuideFacts {
  file: string;
  version: string;
  steps: { kind: 'migration' | 'script'; id: string }[];
}

export interface CatalogFacts {
  packageVersion: string;
  journal: JournalEntryFacts[];
  guides: GuideFacts[];
}

export function checkCatalog(facts: CatalogFacts): CatalogProblem[] {
  const problems: CatalogProblem[] = [];
  const error = (where: string, message: string) => problems.push({ where, message, severity: 'error' });
  const warn = (where: string, message: string) => problems.push({ where, message, severity: 'warning' });

  const journalByTag = new Map(facts.journal.map((e) => [e.tag, e]));
  const owners = new Map<string, string[]>();

  const versions = new Set<string>();
  for (const guide of facts.guides) {
    if (!semver.valid(guide.version)) {
      error(guide.file, `version "${guide.version}" is not a semantic version (x.y.z)`);
      continue;
    }
    if (versions.has(guide.version)) error(guide.file, `a second guide for version ${guide.version}`);
    versions.add(guide.version);
    if (guide.steps.length === 0) error(guide.file, 'the guide lists no steps');
    const seen = new Set<string>();
    for (const step of guide.steps) {
      if (seen.has(`${step.kind}:${step.id}`)) error(guide.file, `${step.kind} ${step.id} is listed twice`);
      seen.add(`${step.kind}:${step.id}`);
      if (step.kind === 'migration') {
        if (!journalByTag.has(step.id)) error(guide.file, `migration ${step.id} is not in drizzle/meta/_journal.json`);
        owners.set(step.id, [...(owners.get(step.id) ?? []), guide.version]);
      } else if (!step.id.startsWith(`${guide.version}/`)) {
        error(guide.file, `data step ${step.id} must live in upgrade-guides/${guide.version}/`);
      }
    }
  }

  for (const entry of facts.journal) {
    const owner = owners.get(entry.tag) ?? [];
    if (owner.length === 0) error(`drizzle/${entry.tag}.sql`, `migration ${entry.tag} belongs to no upgrade guide`);
    if (owner.length > 1) error(`drizzle/${entry.tag}.sql`, `migration ${entry.tag} is listed in several guides: ${owner.join(', ')}`);
  }

  // guides in semver order must list migrations in journal order
  const ordered = facts.guides.filter((g) => semver.valid(g.version)).sort((a, b) => semver.compare(a.version, b.version));
  let previous: { tag: string; idx: number; version: string } | null = null;
  for (const guide of ordered) {
    for (const step of guide.steps) {
      const entry = step.kind === 'migration' ? journalByTag.get(step.id) : undefined;
      if (!entry) continue;
      if (previous && entry.idx < previous.idx) {
        error(guide.file, `migration ${entry.tag} (journal idx ${entry.idx}) comes after ${previous.tag} (idx ${previous.idx}, release ${previous.version}): releases must apply migrations in journal order`);
      }
      previous = { tag: entry.tag, idx: entry.idx, version: guide.version };
    }
  }

  let newestWhen: JournalEntryFacts | null = null;
  for (const entry of facts.journal) {
    if (newestWhen && entry.when <= newestWhen.when) {
      warn(`drizzle/${entry.tag}.sql`, `its timestamp (when ${entry.when}) is not newer than ${newestWhen.tag}'s: drizzle-kit migrate will silently skip it on databases that already have ${newestWhen.tag} (Stepwise plans it anyway)`);
    }
    if (!newestWhen || entry.when > newestWhen.when) newestWhen = entry;
  }

  const newest = ordered[ordered.length - 1];
  if (!newest) error('upgrade-guides/', 'there is no upgrade guide');
  else if (semver.valid(facts.packageVersion) && newest.version !== facts.packageVersion) {
    error('package.json', `version ${facts.packageVersion} differs from the newest upgrade guide (${newest.version}): they must be equal`);
  } else if (!semver.valid(facts.packageVersion)) {
    error('package.json', `version "${facts.packageVersion}" is not a semantic version`);
  }
  return problems;
}
