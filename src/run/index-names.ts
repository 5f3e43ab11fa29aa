// The names PostgreSQL gives the indexes it names itself (src/backend/commands/indexcmds.c and
// catalog/namespace.c): an unnamed CREATE INDEX gets `<table>_<columns>_idx`, a REINDEX
// CONCURRENTLY's rebuild `<index>_ccnew`, each clipped to fit 63 bytes, with a number after the
// label when the name is taken. Pure, so the runner can tell a failed build's leftover by name.

/** NAMEDATALEN - 1: the longest name, in bytes */
const MAX_NAME_BYTES = 63;

/** `name` cut to at most `max` UTF-8 bytes without splitting a character (pg_mbcliplen) */
export function clipBytes(name: string, max: number): string {
  if (Buffer.byteLength(name) <= max) return name;
  let out = '';
  for (const ch of name) {
    if (Buffer.byteLength(out + ch) > max) break;
    out += ch;
  }
  return out;
}

/**
 * makeObjectName: `name1[_name2]_label`, the longer of the two names shortened first until the
 * whole fits in 63 bytes.
 */
export function makeObjectName(name1: string, name2: string | undefined, label: string): string {
  let overhead = Buffer.byteLength(label) + 1;
  if (name2 !== undefined) overhead += 1;
  const available = MAX_NAME_BYTES - overhead;
  let chars1 = Buffer.byteLength(name1);
  let chars2 = name2 === undefined ? 0 : Buffer.byteLength(name2);
  while (chars1 + chars2 > available) {
    if (chars1 > chars2) chars1--;
    else chars2--;
  }
  const first = clipBytes(name1, chars1);
  return name2 === undefined ? `${first}_${label}` : `${first}_${clipBytes(name2, chars2)}_${label}`;
}

/** ChooseIndexColumnNames for plain columns: a repeated column gets a number (id, id1, …) */
export function indexColumnNames(columns: string[]): string[] {
  const result: string[] = [];
  for (const column of columns) {
    let name = column;
    for (let i = 1; result.includes(name); i++) name = `${clipBytes(column, MAX_NAME_BYTES - String(i).length)}${i}`;
    result.push(name);
  }
  return result;
}

/** ChooseIndexNameAddition: the column names joined by `_`, stopping once past 63 bytes */
export function indexNameAddition(columnNames: string[]): string {
  let addition = '';
  for (const name of columnNames) {
    if (addition !== '') addition += '_';
    addition += clipBytes(name, MAX_NAME_BYTES);
    if (Buffer.byteLength(addition) > MAX_NAME_BYTES) break;
  }
  return addition;
}

/**
 * The name an unnamed CREATE INDEX on `table` over plain `columns` (key columns, then INCLUDE
 * ones) gets, `label` being `idx`, or `idx1`, `idx2`, … when the name was taken.
 */
export function generatedIndexName(table: string, columns: string[], label = 'idx'): string {
  return makeObjectName(table, indexNameAddition(indexColumnNames(columns)), label);
}
