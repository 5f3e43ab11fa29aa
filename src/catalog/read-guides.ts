// upgrade-guides/<version>.md: YAML front matter (version, title, steps) and a Markdown body.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { CatalogProblem, GuideFacts } from '../core/check-catalog.js';
import type { DataStepRef } from '../core/catalog.js';
import { formatZodIssues } from './zod-issues.js';
import { readFrontMatter, type FrontMatterFile } from './front-matter.js';
import { frontMatterSchema, isFrontMatter, type FrontMatter } from './catalog-schemas.js';

export interface Guide extends GuideFacts {
  title: string;
  notes: string;
  scripts: Map<string, DataStepRef>;
}

export function readGuides(root: string): { guides: Guide[]; problems: CatalogProblem[] } {
  const dir = path.join(root, 'upgrade-guides');
  const problems: CatalogProblem[] = [];
  const guides: Guide[] = [];
  if (!fs.existsSync(dir)) {
    problems.push({ where: 'upgrade-guides/', message: 'the folder does not exist', severity: 'error' });
    return { guides, problems };
  }
  for (const name of fs.readdirSync(dir).filter((n) => n.endsWith('.md')).sort()) {
    const where = `upgrade-guides/${name}`;
    let parsed: FrontMatterFile;
    try {
      parsed = readFrontMatter(fs.readFileSync(path.join(dir, name), 'utf8'));
    } catch (error) {
      problems.push({ where, message: `front matter is not valid YAML: ${(error as Error).message.split('\n')[0]}`, severity: 'error' });
      continue;
    }
    let front: FrontMatter;
    if (isFrontMatter(parsed.data)) front = parsed.data;
    else {
      const checked = frontMatterSchema().safeParse(parsed.data);
      if (!checked.success) {
        for (const message of formatZodIssues(checked.error)) problems.push({ where, message, severity: 'error' });
        continue;
      }
      front = checked.data;
    }
    const { version, title } = front;
    if (name !== `${version}.md`) problems.push({ where, message: `declares version ${version}: the file must be named ${version}.md`, severity: 'error' });

    const scripts = new Map<string, DataStepRef>();
    const steps = front.steps.map((s) => {
      if ('migration' in s) return { kind: 'migration' as const, id: s.migration };
      const file = path.join(dir, s.script);
      if (!fs.existsSync(file)) {
        problems.push({ where, message: `data step ${s.script} not found (expected upgrade-guides/${s.script})`, severity: 'error' });
      } else {
        const checksum = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
        scripts.set(s.script, { id: s.script, file, checksum });
      }
      return { kind: 'script' as const, id: s.script };
    });
    guides.push({ file: where, version, title, notes: parsed.content.trim(), steps, scripts });
  }
  return { guides, problems };
}
