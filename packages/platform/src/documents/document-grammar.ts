import { types } from 'node:util';
import { BadUserInputError } from '../errors/platform-errors';
import type { Filter, FindOptions, Update } from './documents.port';

/**
 * The filter/update grammar both drivers accept (see documents.port.ts). Anything outside it is refused
 * here, before a driver sees it, so both drivers fail the same way and no `$where`-style operator can
 * reach a backend.
 */
export const FIELD_OPERATORS = [
  '$eq',
  '$ne',
  '$in',
  '$nin',
  '$gt',
  '$gte',
  '$lt',
  '$lte',
  '$exists',
  '$regex',
  '$options',
] as const;
export const LOGICAL_OPERATORS = ['$and', '$or'] as const;
export const UPDATE_OPERATORS = ['$set', '$unset', '$inc', '$push', '$pull', '$addToSet'] as const;

const fieldOperators = new Set<string>(FIELD_OPERATORS);
const updateOperators = new Set<string>(UPDATE_OPERATORS);

/** Realm-independent (objects may come from another vm context, e.g. under Jest): not a class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto = Object.getPrototypeOf(value);
  return proto === null || Object.getPrototypeOf(proto) === null;
}

export function isRegExp(value: unknown): value is RegExp {
  return types.isRegExp(value);
}

/** Copies the filter's objects and arrays (schema casting rewrites them in place); leaves such as Dates are shared. */
export function cloneFilter<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneFilter) as T;
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cloneFilter(v)])) as T;
  }
  return value;
}

/** An object such as `{ $gt: 1, $lt: 5 }`; mixing operators and plain keys is an error. */
export function isOperatorObject(value: unknown): value is Record<string, unknown> {
  if (!isPlainObject(value)) return false;
  const keys = Object.keys(value);
  const operators = keys.filter((k) => k.startsWith('$'));
  if (operators.length > 0 && operators.length !== keys.length) {
    throw new BadUserInputError(`Cannot mix operators and fields in one condition: ${keys.join(', ')}`);
  }
  return operators.length > 0;
}

export function assertFilter(filter: Filter, where = 'filter'): void {
  if (!isPlainObject(filter)) throw new BadUserInputError(`The ${where} must be an object`);
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' || key === '$or') {
      if (!Array.isArray(value) || value.length === 0) {
        throw new BadUserInputError(`${key} needs a non-empty array of filters`);
      }
      value.forEach((sub, i) => assertFilter(sub as Filter, `${where}.${key}[${i}]`));
    } else if (key.startsWith('$')) {
      throw new BadUserInputError(
        `Unsupported filter operator ${key}; supported: ${[...LOGICAL_OPERATORS, ...FIELD_OPERATORS].join(', ')}`,
      );
    } else {
      assertFieldName(key);
      assertCondition(key, value);
    }
  }
}

function assertCondition(path: string, condition: unknown): void {
  if (!isOperatorObject(condition)) return; // plain value: equality
  for (const [op, operand] of Object.entries(condition)) {
    if (!fieldOperators.has(op)) {
      throw new BadUserInputError(
        `Unsupported operator ${op} on '${path}'; supported: ${FIELD_OPERATORS.join(', ')}`,
      );
    }
    if ((op === '$in' || op === '$nin') && !Array.isArray(operand)) {
      throw new BadUserInputError(`${op} on '${path}' needs an array`);
    }
    if (op === '$regex' && typeof operand !== 'string' && !isRegExp(operand)) {
      throw new BadUserInputError(`$regex on '${path}' needs a string or RegExp`);
    }
    if (op === '$options') {
      if (!('$regex' in condition)) throw new BadUserInputError(`$options on '${path}' needs $regex`);
      if (typeof operand !== 'string' || !/^[imsx]*$/.test(operand)) {
        throw new BadUserInputError(`$options on '${path}' may only contain the flags i, m, s, x`);
      }
    }
    if (op === '$regex' && typeof operand === 'string') {
      try {
        new RegExp(operand);
      } catch {
        throw new BadUserInputError(`$regex on '${path}' is not a valid regular expression`);
      }
    }
  }
}

export function assertUpdate(update: Update): void {
  if (!isPlainObject(update)) throw new BadUserInputError('The update must be an object');
  const keys = Object.keys(update);
  if (keys.length === 0) throw new BadUserInputError('The update is empty');
  const paths: string[] = [];
  for (const op of keys) {
    if (!updateOperators.has(op)) {
      throw new BadUserInputError(
        op.startsWith('$')
          ? `Unsupported update operator ${op}; supported: ${UPDATE_OPERATORS.join(', ')}`
          : `Updates must use operators (${UPDATE_OPERATORS.join(', ')}); whole-document replacement is not supported`,
      );
    }
    const fields = (update as Record<string, unknown>)[op];
    if (!isPlainObject(fields)) throw new BadUserInputError(`${op} needs an object of field paths`);
    for (const [path, value] of Object.entries(fields)) {
      assertFieldName(path);
      if (path === '_id' || path.startsWith('_id.')) throw new BadUserInputError('_id cannot be updated');
      if (op === '$inc' && (typeof value !== 'number' || !Number.isFinite(value))) {
        throw new BadUserInputError(`$inc on '${path}' needs a finite number`);
      }
      if ((op === '$push' || op === '$addToSet') && isOperatorObject(value)) {
        const extra = Object.keys(value).filter((k) => k !== '$each');
        if (extra.length > 0)
          throw new BadUserInputError(`${op} on '${path}' only supports $each, not ${extra.join(', ')}`);
        if (!Array.isArray(value.$each)) throw new BadUserInputError(`$each on '${path}' needs an array`);
      }
      if (op === '$pull') assertCondition(path, value);
      paths.push(path);
    }
  }
  // Same rule as MongoDB: one update may not touch a path twice or a path and its parent.
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1] || sorted[i].startsWith(`${sorted[i - 1]}.`)) {
      throw new BadUserInputError(`The update touches '${sorted[i - 1]}' and '${sorted[i]}' at once`);
    }
  }
}

export function assertFindOptions(options: FindOptions): void {
  for (const [name, value] of Object.entries(options.sort ?? {})) {
    assertFieldName(name);
    if (value !== 1 && value !== -1)
      throw new BadUserInputError(`Sort direction for '${name}' must be 1 or -1`);
  }
  for (const name of ['skip', 'limit'] as const) {
    const value = options[name];
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw new BadUserInputError(`${name} must be a non-negative integer`);
    }
  }
}

export function assertId(id: unknown): asserts id is string {
  if (typeof id !== 'string' || id.length === 0)
    throw new BadUserInputError('Document ids are non-empty strings');
}

function assertFieldName(path: string): void {
  if (path.length === 0 || path.split('.').some((part) => part.length === 0 || part.startsWith('$'))) {
    throw new BadUserInputError(`Invalid field path '${path}'`);
  }
}

/** Equality conditions of a filter (top level and inside $and), as MongoDB seeds an upserted document. */
export function equalityFields(filter: Filter): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and') {
      for (const sub of value as Filter[]) Object.assign(result, equalityFields(sub));
    } else if (key.startsWith('$')) {
      continue;
    } else if (!isOperatorObject(value)) {
      if (!isRegExp(value)) result[key] = value;
    } else if ('$eq' in value) {
      result[key] = value.$eq;
    }
  }
  return result;
}
