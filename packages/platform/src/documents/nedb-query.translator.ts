import type { Filter } from './documents.port';
import { isOperatorObject, isRegExp } from './document-grammar';

type NedbQuery = Record<string, unknown>;

/**
 * Translates a (validated, schema-cast) MongoDB filter into an nedb query with MongoDB semantics where
 * nedb differs:
 * - `$eq` does not exist in nedb -> plain equality;
 * - `{f: null}` must also match a missing field -> `$or` with `$exists: false`;
 * - `$ne`/`$nin` on arrays must mean "no element equals" (nedb tests each element) -> `$not` of the positive;
 * - `$regex` strings with `$options` -> RegExp.
 * Simple conditions stay at the top level so nedb can still use its indexes (e.g. `_id`).
 */
export function toNedbQuery(filter: Filter): NedbQuery {
  const conjuncts: NedbQuery[] = [];
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and') conjuncts.push({ $and: (value as Filter[]).map(toNedbQuery) });
    else if (key === '$or') conjuncts.push({ $or: (value as Filter[]).map(toNedbQuery) });
    else conjuncts.push(...fieldConditions(key, value));
  }
  return combine(conjuncts);
}

function fieldConditions(path: string, condition: unknown): NedbQuery[] {
  if (!isOperatorObject(condition)) return [equals(path, condition)];
  const result: NedbQuery[] = [];
  const range: Record<string, unknown> = {};
  for (const [op, operand] of Object.entries(condition)) {
    switch (op) {
      case '$eq':
        result.push(equals(path, operand));
        break;
      case '$ne':
        result.push({ $not: equals(path, operand) });
        break;
      case '$in':
        result.push(inList(path, operand as unknown[]));
        break;
      case '$nin':
        result.push({ $not: inList(path, operand as unknown[]) });
        break;
      case '$gt':
      case '$gte':
      case '$lt':
      case '$lte':
        range[op] = operand;
        break;
      case '$exists':
        result.push({ [path]: { $exists: Boolean(operand) } });
        break;
      case '$regex':
        result.push({
          [path]: toRegExp(operand as string | RegExp, condition.$options as string | undefined),
        });
        break;
      case '$options':
        break; // consumed with $regex
      default:
        throw new Error(`unreachable: ${op} passed grammar validation`);
    }
  }
  if (Object.keys(range).length > 0) result.push({ [path]: range });
  return result;
}

function equals(path: string, value: unknown): NedbQuery {
  if (value === null || value === undefined)
    return { $or: [{ [path]: null }, { [path]: { $exists: false } }] };
  return { [path]: value };
}

function inList(path: string, values: unknown[]): NedbQuery {
  const simple = values.every((v) => v !== null && v !== undefined && !isRegExp(v));
  if (simple) return { [path]: { $in: values } };
  if (values.length === 0) return { [path]: { $in: [] } };
  return { $or: values.map((v) => (isRegExp(v) ? { [path]: v } : equals(path, v))) };
}

function toRegExp(pattern: string | RegExp, options = ''): RegExp {
  const { source, flags } = regexSourceAndFlags(pattern, options);
  return new RegExp(source, flags);
}

/** Pattern source and JavaScript flags of a `$regex` (shared with the SQL drivers). */
export function regexSourceAndFlags(
  pattern: string | RegExp,
  options = '',
): { source: string; flags: string } {
  // `x` (extended) has no JavaScript equivalent: strip unescaped whitespace and #-comments the way MongoDB does.
  const source = isRegExp(pattern) ? pattern.source : pattern;
  const flags = new Set([...(isRegExp(pattern) ? pattern.flags : ''), ...options]);
  const extended = flags.delete('x');
  const body = extended
    ? source.replace(/\\#|\\\s|#[^\n]*|\s+/g, (m) => (m.startsWith('\\') ? m : ''))
    : source;
  return { source: body, flags: [...flags].filter((f) => 'imsu'.includes(f)).join('') };
}

function combine(conjuncts: NedbQuery[]): NedbQuery {
  const top: NedbQuery = {};
  const rest: NedbQuery[] = [];
  for (const conjunct of conjuncts) {
    const keys = Object.keys(conjunct);
    if (keys.length === 1 && !keys[0].startsWith('$') && !(keys[0] in top)) top[keys[0]] = conjunct[keys[0]];
    else rest.push(conjunct);
  }
  if (rest.length === 1) {
    const [key] = Object.keys(rest[0]);
    if (key.startsWith('$')) return { ...top, [key]: rest[0][key] };
  }
  if (rest.length > 0) top.$and = rest;
  return top;
}
