// Identifiers go into SQL text (COUNT of a table named in a migration), never values: quote them
// the way PostgreSQL's quote_ident does, always, so reserved words and mixed case survive.

export function quoteIdent(name: string): string {
  if (name.includes('\0')) throw new Error('an identifier cannot contain a NUL character');
  return `"${name.replaceAll('"', '""')}"`;
}

/** `"schema"."name"`, or `"name"` when no schema was given (search_path resolves it) */
export function quoteQualified(name: string, schema?: string): string {
  return schema === undefined ? quoteIdent(name) : `${quoteIdent(schema)}.${quoteIdent(name)}`;
}
