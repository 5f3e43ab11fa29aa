// A migration's analysis (its chunks' transactional flags and warnings) depends only on its text
// and on the lint code, and loading PostgreSQL's parser is most of a run's start-up (about 0.2 s
// of 0.5 s on 200 migrations). The bundled CLI keeps the analyses it made in a small file, keyed
// by both, so the next run (the real one after a dry run, the next deploy) starts without the
// parser. tsc's modules (the library, the tests) have no build id and never use one; neither does
// `stepwise check`, which always parses.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { PACKAGE_ROOT } from '../catalog/project-root.js';
import type { LintedStatement } from './lint-types.js';

// esbuild.config.mjs defines it: a hash of src/lint and the parser's version
declare const __STEPWISE_LINT_BUILD__: string | undefined;

type Analysis = Omit<LintedStatement, 'sql'>[];

/** enough for every migration of a long-lived backend; the oldest entries go first */
const MAX_ENTRIES = 5000;

export interface AnalysisCache {
  get(statements: string[]): LintedStatement[] | undefined;
  set(statements: string[], analysis: LintedStatement[]): void;
  /** writes what was added; failing to write only costs the next run its parse */
  save(): void;
}

/**
 * Each migration's analysis: the ones an earlier run of this build kept, the others from the
 * parser (loaded only then), kept in turn for the next run.
 */
export async function analyzeMigrations(migrations: string[][]): Promise<LintedStatement[][]> {
  const cache = openAnalysisCache();
  const analyses = migrations.map((statements) => cache?.get(statements));
  if (analyses.every((analysis) => analysis !== undefined)) return analyses;
  const { analyzeStatements } = await import('./analyze.js');
  for (const [i, statements] of migrations.entries()) {
    if (analyses[i]) continue;
    analyses[i] = await analyzeStatements(statements);
    cache?.set(statements, analyses[i]);
  }
  cache?.save();
  return analyses as LintedStatement[][];
}

/** null when there is no build id, or STEPWISE_NO_CACHE is set */
export function openAnalysisCache(env: NodeJS.ProcessEnv = process.env): AnalysisCache | null {
  const build = typeof __STEPWISE_LINT_BUILD__ === 'string' ? __STEPWISE_LINT_BUILD__ : undefined;
  if (!build || env.STEPWISE_NO_CACHE) return null;
  const dir = env.STEPWISE_CACHE_DIR ?? path.join(PACKAGE_ROOT, 'node_modules', '.cache', 'stepwise');
  return createAnalysisCache(dir, build);
}

export function createAnalysisCache(dir: string, build: string): AnalysisCache {
  const file = path.join(dir, `analyses-${build}.json`);
  const entries = readEntries(file);
  let added = false;
  const keyOf = (statements: string[]) => crypto.createHash('sha256').update(JSON.stringify(statements)).digest('hex');
  return {
    get(statements) {
      const analysis = entries.get(keyOf(statements));
      if (!analysis || analysis.length !== statements.length) return undefined;
      return analysis.map((chunk, i) => ({ ...chunk, sql: statements[i] }));
    },
    set(statements, analysis) {
      const key = keyOf(statements);
      entries.delete(key); // re-inserted as the newest
      entries.set(key, analysis.map(({ sql: _sql, ...chunk }) => chunk));
      for (const old of entries.keys()) {
        if (entries.size <= MAX_ENTRIES) break;
        entries.delete(old);
      }
      added = true;
    },
    save() {
      if (!added) return;
      try {
        fs.mkdirSync(dir, { recursive: true });
        // another build's file is of no use to this one
        for (const name of fs.readdirSync(dir)) if (/^analyses-.*\.json$/.test(name) && name !== path.basename(file)) fs.rmSync(path.join(dir, name), { force: true });
        const temporary = `${file}.${process.pid}.tmp`;
        fs.writeFileSync(temporary, JSON.stringify(Object.fromEntries(entries)));
        fs.renameSync(temporary, file); // readers see the old file or the new one, never half of one
        added = false;
      } catch {
        /* a read-only install: every run parses */
      }
    },
  };
}

function readEntries(file: string): Map<string, Analysis> {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as unknown;
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
      return new Map(Object.entries(parsed as Record<string, unknown>).filter((e): e is [string, Analysis] => isAnalysis(e[1])));
    }
  } catch {
    /* none yet, or unreadable: start empty */
  }
  return new Map();
}

function isAnalysis(value: unknown): value is Analysis {
  return Array.isArray(value) && value.every((c) => c && typeof c === 'object' && typeof (c as { transactional?: unknown }).transactional === 'boolean' && Array.isArray((c as { warnings?: unknown }).warnings));
}
