// Identifier quoting for the few places Stepwise builds SQL from names.

export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** `schema.table` or `table`, each part quoted; already-quoted input is taken as it is. */
export function quoteQualified(name: string): string {
  if (name.includes('"')) return name;
  return name.split('.').map(quoteIdent).join('.');
}
