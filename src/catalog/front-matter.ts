// A Markdown file's YAML front matter: the block between a first line `---` and the next line
// `---` (or `...`), as Jekyll and gray-matter read it. js-yaml parses the YAML; only the fences
// are found here.
import { loadAll } from 'js-yaml';

export interface FrontMatterFile {
  /** the parsed YAML, or null when the file has no front matter */
  data: unknown;
  /** the Markdown after the front matter */
  content: string;
}

const OPEN = /^\uFEFF?---[ \t]*\r?\n/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/m;

/** Throws js-yaml's error (with line and column) when the YAML is invalid. */
export function readFrontMatter(text: string): FrontMatterFile {
  const open = OPEN.exec(text);
  if (!open) return { data: null, content: text.replace(/^\uFEFF/, '') };
  const rest = text.slice(open[0].length);
  const close = CLOSE.exec(rest);
  if (!close) throw new Error('the front matter has no closing `---` line');
  const yaml = rest.slice(0, close.index);
  const content = rest.slice(close.index + close[0].length).replace(/^\r?\n/, '');
  // loadAll: a block of nothing but comments or blank lines is no document, not an error
  return { data: loadAll(yaml)[0] ?? null, content };
}
