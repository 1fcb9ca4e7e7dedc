import type { mongoose } from '@typegoose/typegoose';
import { BadUserInputError } from '../errors/platform-errors';
import type { Filter, SortSpec } from './documents.port';
import { isOperatorObject, isPlainObject, isRegExp } from './document-grammar';
import type { IndexSpec } from './model-metadata';
import { regexSourceAndFlags } from './nedb-query.translator';

/**
 * The filter grammar as SQL over a table `(id, doc, rev)` whose `doc` column holds the document as JSON
 * (without `_id`, which is the `id` column). One translation, two dialects (PostgreSQL jsonb, SQLite JSON1):
 * the expression that reads a field is the same in queries and in expression indexes, so indexes serve
 * filter + sort + limit. Field types come from the model's schema: a scalar path compares with a
 * btree-friendly expression, an array path ("tags" or "versions.status") means "some element matches".
 */
export type FieldKind = 'string' | 'date' | 'number' | 'boolean' | 'other';

export interface FieldInfo {
  kind: FieldKind;
  /** arrays[i]: the value at segments[0..i] is an array. */
  arrays: boolean[];
}

/** Where a field is read from: a JSON base (the doc column or an array element) and the path inside it. */
export interface Access {
  base: string;
  segments: string[];
  kind: FieldKind;
  /** `base` is a plain text column (`id`), not JSON. */
  column?: boolean;
}

export interface SqlDialect {
  readonly name: 'postgres' | 'sqlite';
  param(position: number): string;
  quoteIdent(name: string): string;
  /** Comparable, indexable expression of a field (typed by kind). */
  value(access: Access): string;
  /** A placeholder for `value` compared against `access` (PostgreSQL casts jsonb kinds). */
  bind(kind: FieldKind, placeholder: string): string;
  /** The JS value as bound for a field of this kind. */
  encode(kind: FieldKind, value: unknown): unknown;
  /** The field holds a JSON value, null included. */
  present(access: Access): string;
  /** The field is missing or null. */
  isNull(access: Access): string;
  /** FROM item listing the elements of an array field (a scalar counts as one element), aliased. */
  elements(access: Access, alias: string): string;
  elementBase(alias: string): string;
  regex(access: Access, pattern: string, flags: string, params: ParamList): string;
  orderTerm(expression: string, direction: 1 | -1): string;
  /** `LIMIT … OFFSET …` (empty when neither is set). */
  limitOffset(limit: number | undefined, skip: number | undefined, params: ParamList): string;
  readonly jsonColumnType: string;
  /** Placeholder for a JSON text parameter written into the doc column. */
  jsonParam(placeholder: string): string;
}

export class ParamList {
  readonly values: unknown[] = [];
  constructor(private readonly dialect: SqlDialect) {}
  add(value: unknown): string {
    this.values.push(value);
    return this.dialect.param(this.values.length);
  }
}

/** Dates are stored as ISO-8601 strings (fixed width, so text order is time order). */
export function toJsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJsonValue);
  if (isPlainObject(value))
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonValue(v)]));
  return value;
}

function pathLiteral(segments: string[]): string {
  for (const s of segments) {
    if (/["'\\{},]/.test(s))
      throw new BadUserInputError(
        `Field path segment '${s}' contains characters the SQL drivers do not support`,
      );
  }
  return segments.join(',');
}

function jsonPath(segments: string[]): string {
  pathLiteral(segments);
  return `$${segments.map((s) => `."${s}"`).join('')}`;
}

const JSONB_KINDS = new Set<FieldKind>(['number', 'boolean', 'other']);

export const postgresDialect: SqlDialect = {
  name: 'postgres',
  param: (position) => `$${position}`,
  quoteIdent: (name) => `"${name.replace(/"/g, '""')}"`,
  value(access) {
    if (access.column) return access.base;
    if (JSONB_KINDS.has(access.kind)) return jsonbAt(access);
    return `(${textAt(access)} COLLATE "C")`;
  },
  bind: (kind, placeholder) => (JSONB_KINDS.has(kind) ? `${placeholder}::jsonb` : placeholder),
  encode: (kind, value) => (JSONB_KINDS.has(kind) ? JSON.stringify(toJsonValue(value)) : toJsonValue(value)),
  present: (access) => (access.column ? 'TRUE' : `(${jsonbAt(access)} IS NOT NULL)`),
  isNull: (access) => `(${access.column ? access.base : textAt(access)} IS NULL)`,
  elements(access, alias) {
    const value = jsonbAt(access);
    return `jsonb_array_elements(CASE WHEN jsonb_typeof(${value}) = 'array' THEN ${value} ELSE jsonb_build_array(${value}) END) AS ${alias}(v)`;
  },
  elementBase: (alias) => `${alias}.v`,
  regex(access, pattern, flags, params) {
    // PostgreSQL AREs with embedded options reproduce JavaScript's defaults: without `s` a dot does not
    // match a newline (p), with `m` ^ and $ match at line breaks (n = p + w).
    const m = flags.includes('m');
    const s = flags.includes('s');
    const options = `${m ? (s ? 'w' : 'n') : s ? '' : 'p'}${flags.includes('i') ? 'i' : ''}`;
    const body = options ? `(?${options})${pattern}` : pattern;
    return `(${access.column ? access.base : textAt(access)} ~ ${params.add(body)})`;
  },
  orderTerm: (expression, direction) =>
    direction === 1 ? `${expression} ASC NULLS FIRST` : `${expression} DESC NULLS LAST`,
  limitOffset(limit, skip, params) {
    return `${limit ? ` LIMIT ${params.add(limit)}` : ''}${skip ? ` OFFSET ${params.add(skip)}` : ''}`;
  },
  jsonColumnType: 'jsonb',
  jsonParam: (placeholder) => `${placeholder}::jsonb`,
};

function jsonbAt(access: Access): string {
  if (access.segments.length === 0) return access.base;
  if (access.segments.length === 1) return `(${access.base} -> '${pathLiteral(access.segments)}')`;
  return `(${access.base} #> '{${pathLiteral(access.segments)}}')`;
}

function textAt(access: Access): string {
  if (access.segments.length === 1) return `(${access.base} ->> '${pathLiteral(access.segments)}')`;
  return `(${access.base} #>> '{${pathLiteral(access.segments)}}')`;
}

export const sqliteDialect: SqlDialect = {
  name: 'sqlite',
  param: () => '?',
  quoteIdent: (name) => `"${name.replace(/"/g, '""')}"`,
  value: (access) => sqliteAt(access),
  bind: (_kind, placeholder) => placeholder,
  encode(_kind, value) {
    const json = toJsonValue(value);
    if (typeof json === 'boolean') return json ? 1 : 0; // json_extract reads true/false as 1/0
    if (json !== null && typeof json === 'object') return JSON.stringify(json); // json_extract returns minified JSON text
    return json;
  },
  present: (access) =>
    access.segments.length === 0
      ? 'TRUE'
      : `(json_type(${access.base}, '${jsonPath(access.segments)}') IS NOT NULL)`,
  isNull: (access) => `(${sqliteAt(access)} IS NULL)`,
  elements: (access, alias) =>
    access.segments.length === 0
      ? `json_each(${access.base}) AS ${alias}`
      : `json_each(${access.base}, '${jsonPath(access.segments)}') AS ${alias}`,
  elementBase: (alias) => `${alias}.value`,
  regex: (access, pattern, flags, params) =>
    `grove_regexp(${params.add(pattern)}, ${params.add(flags)}, ${sqliteAt(access)})`,
  orderTerm: (expression, direction) => `${expression} ${direction === 1 ? 'ASC' : 'DESC'}`, // SQLite's NULL order is MongoDB's
  limitOffset(limit, skip, params) {
    if (!limit && !skip) return '';
    return ` LIMIT ${params.add(limit || -1)}${skip ? ` OFFSET ${params.add(skip)}` : ''}`;
  },
  jsonColumnType: 'TEXT',
  jsonParam: (placeholder) => placeholder,
};

function sqliteAt(access: Access): string {
  if (access.segments.length === 0) return access.base;
  return `json_extract(${access.base}, '${jsonPath(access.segments)}')`;
}

/** Field kinds and array positions of every path the schema declares (sub-documents included). */
export function describeFields(
  schema: mongoose.Schema,
  prefix = '',
  arraysBefore: boolean[] = [],
  into = new Map<string, FieldInfo>(),
) {
  schema.eachPath((path, type) => {
    const t = type as mongoose.SchemaType & {
      instance: string;
      schema?: mongoose.Schema;
      caster?: { instance?: string };
      $isMongooseDocumentArray?: boolean;
    };
    const full = `${prefix}${path}`;
    const depth = path.split('.').length;
    const arrays = [...arraysBefore, ...Array.from({ length: depth }, () => false)];
    if (t.$isMongooseDocumentArray && t.schema) {
      arrays[arrays.length - 1] = true;
      into.set(full, { kind: 'other', arrays });
      describeFields(t.schema, `${full}.`, arrays, into);
    } else if (t.instance === 'Array') {
      arrays[arrays.length - 1] = true;
      into.set(full, { kind: kindOf(t.caster?.instance), arrays });
    } else if (t.schema) {
      into.set(full, { kind: 'other', arrays });
      describeFields(t.schema, `${full}.`, arrays, into);
    } else {
      into.set(full, { kind: kindOf(t.instance), arrays });
    }
  });
  return into;
}

function kindOf(instance: string | undefined): FieldKind {
  switch (instance) {
    case 'String':
    case 'ObjectId':
      return 'string';
    case 'Date':
      return 'date';
    case 'Number':
      return 'number';
    case 'Boolean':
      return 'boolean';
    default:
      return 'other';
  }
}

/** Translates validated, schema-cast filters and sorts for one collection. */
export class SqlTranslator {
  private aliases = 0;

  constructor(
    readonly dialect: SqlDialect,
    private readonly fields: Map<string, FieldInfo>,
  ) {}

  field(path: string): FieldInfo {
    if (path === '_id') return { kind: 'string', arrays: [false] };
    const known = this.fields.get(path);
    if (known) return known;
    // Below a declared path (a Mixed or Map field): inherit the array positions of the longest known prefix.
    const segments = path.split('.');
    for (let i = segments.length - 1; i > 0; i--) {
      const prefix = this.fields.get(segments.slice(0, i).join('.'));
      if (prefix) return { kind: 'other', arrays: [...prefix.arrays, ...segments.slice(i).map(() => false)] };
    }
    return { kind: 'other', arrays: segments.map(() => false) };
  }

  /** The comparable expression a sort or an index uses for a field (arrays not expanded). */
  valueOf(path: string): string {
    if (path === '_id') return 'id';
    return this.dialect.value({ base: 'doc', segments: path.split('.'), kind: this.field(path).kind });
  }

  where(filter: Filter, params: ParamList): string {
    const conjuncts: string[] = [];
    for (const [key, value] of Object.entries(filter)) {
      if (key === '$and' || key === '$or') {
        const parts = (value as Filter[]).map((sub) => this.where(sub, params));
        conjuncts.push(`(${parts.join(key === '$and' ? ' AND ' : ' OR ')})`);
      } else {
        conjuncts.push(this.condition(key, value, params));
      }
    }
    return conjuncts.length === 0 ? 'TRUE' : conjuncts.join(' AND ');
  }

  /**
   * ORDER BY with `_id` as the tie-breaker (in the direction of the last key), so pages are stable and the
   * order is total. `reverse` gives exactly the opposite order (nulls are the smallest value in both
   * dialects), which reads the end of a long result from the other end of its index.
   */
  orderBy(sort: SortSpec | undefined, reverse = false): string {
    const entries = Object.entries(sort ?? {});
    const flip = (direction: 1 | -1): 1 | -1 => (reverse ? (direction === 1 ? -1 : 1) : direction);
    const terms = entries.map(([path, direction]) =>
      this.dialect.orderTerm(this.valueOf(path), flip(direction)),
    );
    if (!entries.some(([path]) => path === '_id')) {
      terms.push(this.dialect.orderTerm('id', flip(entries.length > 0 ? entries[entries.length - 1][1] : 1)));
    }
    return ` ORDER BY ${terms.join(', ')}`;
  }

  /** Index columns: the same expressions queries use; non-unique indexes end with `id` (the sort tie-breaker). */
  indexColumns(index: IndexSpec, directions: Record<string, unknown>): string[] {
    const columns = index.fields.map((f) =>
      this.dialect.orderTerm(this.valueOf(f), directions[f] === -1 ? -1 : 1),
    );
    if (!index.unique && !index.fields.includes('_id')) {
      const last = directions[index.fields[index.fields.length - 1]] === -1 ? -1 : 1;
      columns.push(this.dialect.orderTerm('id', last));
    }
    return columns;
  }

  /** Sparse indexes only hold documents with at least one of the fields (MongoDB: the field exists). */
  sparsePredicate(index: IndexSpec): string {
    return index.fields.map((f) => `${this.valueOf(f)} IS NOT NULL`).join(' OR ');
  }

  private condition(path: string, condition: unknown, params: ParamList): string {
    const info = this.field(path);
    if (!isOperatorObject(condition)) return this.equals(path, info, condition, params);
    const parts: string[] = [];
    for (const [op, operand] of Object.entries(condition)) {
      switch (op) {
        case '$eq':
          parts.push(this.equals(path, info, operand, params));
          break;
        case '$ne':
          parts.push(not(this.equals(path, info, operand, params)));
          break;
        case '$in':
          parts.push(this.inList(path, info, operand as unknown[], params));
          break;
        case '$nin':
          parts.push(not(this.inList(path, info, operand as unknown[], params)));
          break;
        case '$gt':
        case '$gte':
        case '$lt':
        case '$lte':
          parts.push(this.compare(path, info, RANGE[op], operand, params));
          break;
        case '$exists':
          parts.push(operand ? this.exists(path, info) : not(this.exists(path, info)));
          break;
        case '$regex':
          parts.push(
            this.regex(
              path,
              info,
              operand as string | RegExp,
              condition.$options as string | undefined,
              params,
            ),
          );
          break;
        case '$options':
          break; // consumed with $regex
        default:
          throw new Error(`unreachable: ${op} passed grammar validation`);
      }
    }
    return parts.length === 1 ? parts[0] : `(${parts.join(' AND ')})`;
  }

  private equals(path: string, info: FieldInfo, value: unknown, params: ParamList): string {
    if (isRegExp(value)) return this.regex(path, info, value, undefined, params);
    if (value === null || value === undefined)
      return not(this.some(path, info, (a) => `NOT ${this.dialect.isNull(a)}`, true));
    if (Array.isArray(value)) {
      // A whole-array value equals the array itself (or, as in MongoDB, an element that is that array).
      const whole = this.compareAt(
        { base: 'doc', segments: path.split('.'), kind: 'other' },
        '=',
        value,
        params,
      );
      return `(${whole} OR ${this.some(path, info, (a) => this.compareAt({ ...a, kind: 'other' }, '=', value, params))})`;
    }
    return this.some(path, info, (a) => this.compareAt(a, '=', value, params));
  }

  private inList(path: string, info: FieldInfo, values: unknown[], params: ParamList): string {
    if (values.length === 0) return 'FALSE';
    const plain = values.filter((v) => v !== null && v !== undefined && !isRegExp(v) && !Array.isArray(v));
    const kinds = new Set(plain.map((v) => effectiveKind(info.kind, v)));
    const parts: string[] = [];
    if (plain.length > 0 && kinds.size === 1) {
      const [kind] = kinds;
      parts.push(
        this.some(path, info, (a) => {
          const list = plain.map((v) => this.dialect.bind(kind, params.add(this.dialect.encode(kind, v))));
          return `${this.dialect.value({ ...a, kind })} IN (${list.join(', ')})`;
        }),
      );
    } else {
      parts.push(...plain.map((v) => this.equals(path, info, v, params)));
    }
    for (const v of values) if (!plain.includes(v)) parts.push(this.equals(path, info, v, params));
    return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
  }

  private compare(
    path: string,
    info: FieldInfo,
    operator: string,
    value: unknown,
    params: ParamList,
  ): string {
    return this.some(path, info, (a) => this.compareAt(a, operator, value, params));
  }

  private exists(path: string, info: FieldInfo): string {
    // A trailing array is the field itself, not its elements.
    return this.some(path, info, (a) => this.dialect.present(a), true);
  }

  private regex(
    path: string,
    info: FieldInfo,
    pattern: string | RegExp,
    options: string | undefined,
    params: ParamList,
  ): string {
    const { source, flags } = regexSourceAndFlags(pattern, options);
    return this.some(path, info, (a) => this.dialect.regex(a, source, flags, params));
  }

  private compareAt(access: Access, operator: string, value: unknown, params: ParamList): string {
    if (access.column) return `${access.base} ${operator} ${params.add(String(value))}`;
    const kind = effectiveKind(access.kind, value);
    const typed = { ...access, kind };
    return `${this.dialect.value(typed)} ${operator} ${this.dialect.bind(kind, params.add(this.dialect.encode(kind, value)))}`;
  }

  /**
   * Applies a predicate to a field, expanding arrays on the way: true when some element satisfies it
   * (MongoDB's semantics for `tags: 'x'` or `versions.status: 'LIVE'`).
   */
  private some(
    path: string,
    info: FieldInfo,
    predicate: (access: Access) => string,
    keepTrailingArray = false,
  ): string {
    if (path === '_id') return predicate({ base: 'id', segments: [], kind: 'string', column: true });
    const segments = path.split('.');
    const arrays = keepTrailingArray ? info.arrays.slice(0, -1) : info.arrays;
    const expand = (base: string, from: number): string => {
      const next = arrays.findIndex((isArray, i) => i >= from && isArray);
      if (next === -1) return predicate({ base, segments: segments.slice(from), kind: info.kind });
      const alias = `e${++this.aliases}`;
      const list = this.dialect.elements(
        { base, segments: segments.slice(from, next + 1), kind: 'other' },
        alias,
      );
      return `EXISTS (SELECT 1 FROM ${list} WHERE ${expand(this.dialect.elementBase(alias), next + 1)})`;
    };
    return expand('doc', 0);
  }
}

const RANGE: Record<string, string> = { $gt: '>', $gte: '>=', $lt: '<', $lte: '<=' };

/** A value of another type than the schema's compares as plain JSON (it can only match equal JSON). */
function effectiveKind(kind: FieldKind, value: unknown): FieldKind {
  if ((kind === 'string' || kind === 'date') && (typeof value === 'string' || value instanceof Date))
    return kind;
  if (kind === 'number' && typeof value === 'number') return kind;
  if (kind === 'boolean' && typeof value === 'boolean') return kind;
  return 'other';
}

function not(predicate: string): string {
  return `NOT COALESCE(${predicate}, FALSE)`;
}
