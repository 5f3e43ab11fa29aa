// The shapes of drizzle's journal and of a guide's front matter. A quick hand-written check
// accepts well-formed files; anything it does not accept goes to zod, which decides and words
// every problem. zod costs 60–100 ms to load, so only a catalog in trouble (and `check`) pays it.
import { createRequire } from 'node:module';

export interface JournalFile {
  version: string;
  dialect: 'postgresql';
  entries: { idx: number; version: string; when: number; tag: string; breakpoints: boolean }[];
}

export interface FrontMatter {
  version: string;
  title: string;
  steps: ({ migration: string } | { script: string })[];
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown) => typeof v === 'number' && Number.isInteger(v);
const onlyKeys = (v: Record<string, unknown>, keys: string[]) => Object.keys(v).length === keys.length && keys.every((k) => k in v);

export function isJournal(raw: unknown): raw is JournalFile {
  return (
    isObject(raw) &&
    typeof raw.version === 'string' &&
    raw.dialect === 'postgresql' &&
    Array.isArray(raw.entries) &&
    raw.entries.every(
      (e) =>
        isObject(e) && isInt(e.idx) && typeof e.version === 'string' && isInt(e.when) && typeof e.tag === 'string' && e.tag !== '' && typeof e.breakpoints === 'boolean',
    )
  );
}

export function isFrontMatter(raw: unknown): raw is FrontMatter {
  return (
    isObject(raw) &&
    typeof raw.version === 'string' &&
    typeof raw.title === 'string' &&
    raw.title !== '' &&
    Array.isArray(raw.steps) &&
    raw.steps.every(
      (s) =>
        isObject(s) &&
        ((onlyKeys(s, ['migration']) && typeof s.migration === 'string' && s.migration !== '') ||
          (onlyKeys(s, ['script']) && typeof s.script === 'string' && /.\.ts$/.test(s.script))),
    )
  );
}

const require = createRequire(import.meta.url);
let zod: typeof import('zod').z | undefined;
const z = () => (zod ??= (require('zod') as typeof import('zod')).z);

export function journalSchema() {
  const { object, string, literal, array, number, boolean } = z();
  return object({
    version: string(),
    dialect: literal('postgresql', { error: 'dialect must be "postgresql": Stepwise migrates PostgreSQL only' }),
    entries: array(object({ idx: number().int(), version: string(), when: number().int(), tag: string().min(1), breakpoints: boolean() })),
  });
}

export function frontMatterSchema() {
  const { object, string, array, union, strictObject } = z();
  return object({
    version: string({ error: 'version must be a string such as "1.7.0" (quote it in YAML)' }),
    title: string().min(1),
    steps: array(
      union(
        [strictObject({ migration: string().min(1) }), strictObject({ script: string().min(1).regex(/\.ts$/, 'a data step is a .ts file') })],
        { error: 'each step is either `migration: <tag>` or `script: <version>/<name>.ts`' },
      ),
    ),
  });
}
