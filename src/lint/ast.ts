// Small readers over libpg-query's JSON parse tree (types from @pgsql/types, re-exported by
// libpg-query), so the rules read as PostgreSQL concepts rather than node plumbing.

import type { DefElem, Node, RangeVar, TypeName } from 'libpg-query';
import { quoteIdent } from './quote-ident.js';

/** a table as written in the SQL: `schema` only when the SQL qualified it */
export interface TableRef {
  schema?: string;
  name: string;
}

export function tableOf(range: RangeVar | undefined): TableRef | undefined {
  if (!range?.relname) return undefined;
  return range.schemaname ? { schema: range.schemaname, name: range.relname } : { name: range.relname };
}

/** a table named by a list of String nodes, as in DROP TABLE's objects */
export function tableOfNames(names: Node[]): TableRef | undefined {
  const parts = stringsOf(names);
  const name = parts.at(-1);
  if (name === undefined) return undefined;
  return parts.length >= 2 ? { schema: parts.at(-2), name } : { name };
}

/** identity of a table within one migration; unqualified names are taken to be in `public` */
export function tableKey(table: TableRef): string {
  return JSON.stringify([table.schema ?? 'public', table.name]);
}

/** how messages name a table: `"order"`, or `"audit"."log"` outside `public` */
export function tableLabel(table: TableRef): string {
  const name = quoteIdent(table.name);
  return table.schema && table.schema !== 'public' ? `${quoteIdent(table.schema)}.${name}` : name;
}

export function stringsOf(nodes: Node[] | undefined): string[] {
  return (nodes ?? []).flatMap((node) => ('String' in node && node.String.sval !== undefined ? [node.String.sval] : []));
}

/** the DefElem options of a statement (`WITH (...)`, `REINDEX (...)`, `VACUUM (...)`) */
export function defElems(nodes: Node[] | undefined): DefElem[] {
  return (nodes ?? []).flatMap((node) => ('DefElem' in node ? [node.DefElem] : []));
}

export function findOption(nodes: Node[] | undefined, name: string): DefElem | undefined {
  return defElems(nodes).find((option) => option.defname?.toLowerCase() === name);
}

/**
 * A boolean option's value as PostgreSQL's parse_bool reads it: no value means true; true/false,
 * yes/no, on/off, 1/0 and unique prefixes of true/false/yes/no.
 */
export function optionIsTrue(option: DefElem): boolean {
  const arg = option.arg;
  if (!arg) return true;
  if ('Boolean' in arg) return arg.Boolean.boolval === true;
  if ('Integer' in arg) return (arg.Integer.ival ?? 0) !== 0;
  const text = ('String' in arg ? arg.String.sval : 'A_Const' in arg ? arg.A_Const.sval?.sval : undefined)
    ?.trim()
    .toLowerCase();
  if (text === undefined || text === '') return true;
  if (text === 'on' || text === '1') return true;
  if (text === 'of' || text === 'off' || text === '0') return false;
  if ('true'.startsWith(text) || 'yes'.startsWith(text)) return true;
  return false;
}

/** a boolean option's value, or `fallback` when the option is absent */
export function booleanOption(nodes: Node[] | undefined, name: string, fallback: boolean): boolean {
  const option = findOption(nodes, name);
  return option ? optionIsTrue(option) : fallback;
}

/** a type as the operator wrote it: `varchar(10)`, `numeric(12,2)`, `text[]` */
export function typeText(typeName: TypeName | undefined): string {
  if (!typeName) return 'another type';
  const names = stringsOf(typeName.names);
  const bare = names[0] === 'pg_catalog' && names.length === 2 ? [names[1]] : names;
  const mods = (typeName.typmods ?? []).flatMap((mod) =>
    'A_Const' in mod && mod.A_Const.ival !== undefined ? [String(mod.A_Const.ival.ival ?? 0)] : [],
  );
  const arrays = '[]'.repeat(typeName.arrayBounds?.length ?? 0);
  return `${bare.join('.')}${mods.length > 0 ? `(${mods.join(',')})` : ''}${arrays}`;
}

/** the last part of a possibly schema-qualified function name (`pg_catalog.now` → `now`) */
export function functionName(funcname: Node[] | undefined): string {
  return stringsOf(funcname).at(-1) ?? '';
}
