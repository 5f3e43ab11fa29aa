// Whether a column default is volatile. Since PostgreSQL 11, ADD COLUMN with a non-volatile
// default stores the value once in the catalog; a volatile one is evaluated per row, which
// rewrites the table. Built-in operators, casts and constants are never volatile.

import type { Node } from 'libpg-query';
import { functionName } from './ast.js';

/** provolatile = 'v' in pg_catalog, plus the uuid-ossp and pgcrypto generators */
const VOLATILE_FUNCTIONS = new Set([
  'random',
  'random_normal',
  'gen_random_uuid',
  'uuidv4',
  'uuidv7',
  'uuid_generate_v1',
  'uuid_generate_v1mc',
  'uuid_generate_v4',
  'gen_random_bytes',
  'gen_salt',
  'clock_timestamp',
  'timeofday',
  'nextval',
  'setval',
  'currval',
  'lastval',
]);

/** immutable or stable built-ins commonly used in defaults (checked against pg_proc) */
const NON_VOLATILE_FUNCTIONS = new Set([
  'now',
  'transaction_timestamp',
  'statement_timestamp',
  'timezone',
  'date_trunc',
  'make_interval',
  'make_date',
  'to_timestamp',
  'to_date',
  'to_char',
  'current_setting',
  'current_database',
  'current_schema',
  'lower',
  'upper',
  'btrim',
  'concat',
  'replace',
  'md5',
  'to_jsonb',
  'jsonb_build_object',
  'jsonb_build_array',
  'json_build_object',
  'json_build_array',
  'array_fill',
  'extract',
  'date_part',
  'substring',
  'ltrim',
  'rtrim',
  'length',
  'left',
  'right',
  'abs',
  'round',
  'floor',
  'ceil',
]);

export type Volatility =
  | { kind: 'non-volatile' }
  | { kind: 'volatile'; fn: string }
  /** calls a function this list does not know: volatile or not depends on its definition */
  | { kind: 'unknown'; fn: string };

const NON_VOLATILE: Volatility = { kind: 'non-volatile' };

export function volatilityOf(expr: Node | undefined): Volatility {
  if (!expr) return NON_VOLATILE;
  if ('FuncCall' in expr) {
    const fn = functionName(expr.FuncCall.funcname);
    if (VOLATILE_FUNCTIONS.has(fn)) return { kind: 'volatile', fn };
    const args = worstOf(expr.FuncCall.args);
    if (args.kind !== 'non-volatile') return args;
    return NON_VOLATILE_FUNCTIONS.has(fn) ? NON_VOLATILE : { kind: 'unknown', fn };
  }
  if ('TypeCast' in expr) return volatilityOf(expr.TypeCast.arg);
  if ('A_Expr' in expr) return worstOf([expr.A_Expr.lexpr, expr.A_Expr.rexpr]);
  // the right-hand side of IN (…)
  if ('List' in expr) return worstOf(expr.List.items);
  if ('BoolExpr' in expr) return worstOf(expr.BoolExpr.args);
  if ('CoalesceExpr' in expr) return worstOf(expr.CoalesceExpr.args);
  if ('MinMaxExpr' in expr) return worstOf(expr.MinMaxExpr.args);
  if ('NullTest' in expr) return volatilityOf(expr.NullTest.arg);
  if ('A_ArrayExpr' in expr) return worstOf(expr.A_ArrayExpr.elements);
  if ('RowExpr' in expr) return worstOf(expr.RowExpr.args);
  if ('CollateClause' in expr) return volatilityOf(expr.CollateClause.arg);
  if ('CaseExpr' in expr) {
    const { arg, args, defresult } = expr.CaseExpr;
    const whens = (args ?? []).flatMap((when) => ('CaseWhen' in when ? [when.CaseWhen.expr, when.CaseWhen.result] : []));
    return worstOf([arg, ...whens, defresult]);
  }
  // constants, CURRENT_TIMESTAMP and friends (SQLValueFunction), parameters
  return NON_VOLATILE;
}

/** volatile beats unknown beats non-volatile */
function worstOf(exprs: (Node | undefined)[] | undefined): Volatility {
  let worst = NON_VOLATILE;
  for (const expr of exprs ?? []) {
    const found = volatilityOf(expr);
    if (found.kind === 'volatile') return found;
    if (found.kind === 'unknown' && worst.kind === 'non-volatile') worst = found;
  }
  return worst;
}
