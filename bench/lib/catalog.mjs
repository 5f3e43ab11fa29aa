// Writes a synthetic catalog (package.json, drizzle/ with its journal, upgrade-guides/) into a
// temp directory, in the format Stepwise and drizzle read. A JS twin of
// test/helpers/catalog-builder.ts, so the benchmark runs on plain node.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const BREAKPOINT = '\n--> statement-breakpoint\n';
const BASE_WHEN = 1_700_000_000_000;

/**
 * `releases`: [{ version, title, steps: [{ migration: tag, statements: [sql…] } | { script: 'v/name.ts', source }] }]
 * Returns the catalog's directory; the newest release is package.json's version.
 */
export function writeCatalog(releases, dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sw-bench-catalog-'))) {
  fs.mkdirSync(path.join(dir, 'drizzle', 'meta'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'upgrade-guides'), { recursive: true });
  const version = releases[releases.length - 1].version;
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'bench-backend', version, private: true }, null, 2));

  const entries = [];
  for (const release of releases) {
    const lines = [];
    for (const step of release.steps) {
      if (step.migration) {
        fs.writeFileSync(path.join(dir, 'drizzle', `${step.migration}.sql`), step.statements.join(BREAKPOINT));
        entries.push({ idx: entries.length, version: '7', when: BASE_WHEN + entries.length * 1000, tag: step.migration, breakpoints: true });
        lines.push(`  - migration: ${step.migration}`);
      } else {
        const file = path.join(dir, 'upgrade-guides', step.script);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, step.source);
        lines.push(`  - script: ${step.script}`);
      }
    }
    const front = ['---', `version: "${release.version}"`, `title: ${release.title ?? `Release ${release.version}`}`, 'steps:', ...lines, '---'];
    fs.writeFileSync(path.join(dir, 'upgrade-guides', `${release.version}.md`), `${front.join('\n')}\n\n${release.notes ?? `What changed in ${release.version}.`}\n`);
  }
  fs.writeFileSync(path.join(dir, 'drizzle', 'meta', '_journal.json'), JSON.stringify({ version: '7', dialect: 'postgresql', entries }, null, 2));
  return dir;
}

/** Every migration's SQL, in journal order, as one script (for `psql -1 -f`, the floor). */
export function concatenatedSql(dir) {
  const journal = JSON.parse(fs.readFileSync(path.join(dir, 'drizzle', 'meta', '_journal.json'), 'utf8'));
  return journal.entries
    .map((e) => fs.readFileSync(path.join(dir, 'drizzle', `${e.tag}.sql`), 'utf8').split('--> statement-breakpoint').map((s) => s.trim()).filter(Boolean).map((s) => (s.endsWith(';') ? s : `${s};`)).join('\n'))
    .join('\n');
}
