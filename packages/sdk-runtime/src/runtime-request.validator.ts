import {
  CUSTOM_HEADER_PREFIX,
  CUSTOM_KEY_PATTERN,
  CUSTOM_QUERY_PREFIX,
  DEVICE_FIELDS,
  MAX_CUSTOM_VALUE_LENGTH,
  MAX_DEVICE_VALUE_LENGTH,
  deviceHeaderName,
} from './device-context';
import { RuntimeErrcode, RuntimeError } from './runtime-errors';
import {
  NONCE_PATTERN,
  SDK_KEY_PATTERN,
  SIGNATURE_HEADERS,
  SIGNATURE_PATTERN,
  TIMESTAMP_PATTERN,
} from './runtime-signature';

/**
 * Hand-written checks of the runtime routes' params, query and headers, run on every request before authentication.
 * They replace the routes' JSON schemas (ajv walked the whole headers and query objects per request) and refuse
 * exactly what those schemas refused, with the same errcodes and messages: the first problem in the order fastify
 * and ajv reported it (params, then query, then headers; required properties, then declared ones in order, then
 * pattern-matched keys in the order received), worded like ajv (`Invalid headers 'x-nonce': must match pattern …`).
 * `runtime-request.validator.test.ts` compares them with the former schemas on generated requests.
 */

type Where = 'params' | 'querystring' | 'headers';
type Bag = Record<string, unknown>;

export const APP_ID_PATTERN = '^mp[0-9a-f]{16}$';
export const DIGEST_PATTERN = '^[0-9a-f]{64}$';
export const CONFIG_VERSION_PATTERN = '^[0-9]{1,12}$';
export const PLATFORM_PATTERN = '^[A-Za-z]{1,16}$';
export const IF_NONE_MATCH_MAX_LENGTH = 1024;

function invalid(where: Where, field: string, problem: string): RuntimeError {
  const message = `Invalid ${where} '${field}': ${problem}`;
  // A malformed key or signature is the caller's credentials being wrong, not a malformed request.
  if (where === 'headers' && field === SIGNATURE_HEADERS.sdkKey)
    return new RuntimeError(RuntimeErrcode.APP_KEY_INVALID, message);
  if (where === 'headers' && field === SIGNATURE_HEADERS.signature)
    return new RuntimeError(RuntimeErrcode.SIGNATURE_INVALID, message);
  return new RuntimeError(RuntimeErrcode.BAD_REQUEST, message);
}

/** ajv counts characters as code points: a surrogate pair is one. */
function characters(value: string): number {
  let count = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    count++;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
  }
  return count;
}

/**
 * The value as the schema's `type: 'string'` saw it (ajv's `coerceTypes: 'array'` unwraps a one-item array and
 * writes it back), or undefined when it is not a string. Absent values are skipped by the callers.
 */
function stringIn(bag: Bag, name: string): string | undefined {
  const value = bag[name];
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.length === 1 && typeof value[0] === 'string')
    return (bag[name] = value[0]) as string;
  return undefined;
}

/** The problem with a present value (type, then maxLength, minLength, pattern: ajv's keyword order), or undefined. */
function textProblem(
  bag: Bag,
  name: string,
  maxLength?: number,
  minLength?: number,
  pattern?: RegExp,
  patternSource?: string,
): string | undefined {
  const value = stringIn(bag, name);
  if (value === undefined) return 'must be string';
  if (maxLength !== undefined && value.length > maxLength && characters(value) > maxLength)
    return `must NOT have more than ${maxLength} characters`;
  if (minLength !== undefined && value.length < minLength)
    return `must NOT have fewer than ${minLength} characters`;
  if (pattern && !pattern.test(value)) return `must match pattern "${patternSource}"`;
  return undefined;
}

interface TextField {
  name: string;
  maxLength?: number;
  minLength?: number;
  pattern?: RegExp;
  patternSource?: string;
}

const field = (
  name: string,
  rules: { maxLength?: number; minLength?: number; pattern?: string } = {},
): TextField => ({
  name,
  maxLength: rules.maxLength,
  minLength: rules.minLength,
  pattern: rules.pattern === undefined ? undefined : new RegExp(rules.pattern, 'u'),
  patternSource: rules.pattern,
});

function checkFields(where: Where, bag: Bag, fields: readonly TextField[]): void {
  for (const f of fields) {
    if (bag[f.name] === undefined) continue;
    const problem = textProblem(bag, f.name, f.maxLength, f.minLength, f.pattern, f.patternSource);
    if (problem) throw invalid(where, f.name, problem);
  }
}

function checkRequired(where: Where, bag: Bag, names: readonly string[]): void {
  for (const name of names)
    if (bag[name] === undefined) throw invalid(where, name, `must have required property '${name}'`);
}

const CUSTOM_QUERY_KEY = new RegExp(`^custom\\.${CUSTOM_KEY_PATTERN}$`, 'u');
const CUSTOM_HEADER_KEY = new RegExp(`^x-custom-${CUSTOM_KEY_PATTERN}$`, 'u');

/** `custom.<key>` / `x-custom-<key>` values, in the order received (ajv's patternProperties loop). */
function checkCustom(where: Where, bag: Bag, prefix: string, key: RegExp): void {
  for (const name in bag) {
    if (!name.startsWith(prefix) || !key.test(name)) continue;
    const problem = textProblem(bag, name, MAX_CUSTOM_VALUE_LENGTH);
    if (problem) throw invalid(where, name, problem);
  }
}

const SIGNATURE_FIELDS = [
  field(SIGNATURE_HEADERS.sdkKey, { pattern: SDK_KEY_PATTERN }),
  field(SIGNATURE_HEADERS.timestamp, { pattern: TIMESTAMP_PATTERN }),
  field(SIGNATURE_HEADERS.nonce, { pattern: NONCE_PATTERN }),
  field(SIGNATURE_HEADERS.signature, { pattern: SIGNATURE_PATTERN }),
  field('if-none-match', { maxLength: IF_NONE_MATCH_MAX_LENGTH }),
  ...DEVICE_FIELDS.map((f) => field(deviceHeaderName(f), { maxLength: MAX_DEVICE_VALUE_LENGTH })),
];
const REQUIRED_HEADERS = [
  SIGNATURE_HEADERS.sdkKey,
  SIGNATURE_HEADERS.timestamp,
  SIGNATURE_HEADERS.nonce,
  SIGNATURE_HEADERS.signature,
];

/** The signature headers (present and well-formed), If-None-Match and the device headers (capped). */
export function checkRuntimeHeaders(headers: Bag): void {
  checkRequired('headers', headers, REQUIRED_HEADERS);
  checkFields('headers', headers, SIGNATURE_FIELDS);
  checkCustom('headers', headers, CUSTOM_HEADER_PREFIX, CUSTOM_HEADER_KEY);
}

const APP_ID_FIELDS = [field('appId', { pattern: APP_ID_PATTERN })];

export function checkAppParams(params: Bag): void {
  checkRequired('params', params, ['appId']);
  checkFields('params', params, APP_ID_FIELDS);
}

const DEVICE_QUERY_FIELDS = DEVICE_FIELDS.map((f) => field(f, { maxLength: MAX_DEVICE_VALUE_LENGTH }));
const knownDigest = field('knownDigest', { pattern: DIGEST_PATTERN });
// Any text up to the cap: a malformed grant is TRIAL_TOKEN_INVALID, not BAD_REQUEST.
const trialGrant = field('trial', { maxLength: 200 });

const APPLET_QUERY_FIELDS = [
  ...DEVICE_QUERY_FIELDS,
  field('knownVersion', { maxLength: 100 }),
  knownDigest,
  trialGrant,
];
const PACKAGE_QUERY_FIELDS = [
  ...DEVICE_QUERY_FIELDS,
  field('versionId', { minLength: 1, maxLength: 100 }),
  trialGrant,
];
const DOMAINS_QUERY_FIELDS = [knownDigest];
const CONFIG_QUERY_FIELDS = [field('knownVersion', { pattern: CONFIG_VERSION_PATTERN }), knownDigest];
const BASE_LIBRARY_QUERY_FIELDS = [
  field('sdkVersion', { minLength: 1, maxLength: 64 }),
  field('platform', { pattern: PLATFORM_PATTERN }),
  field('knownVersion', { maxLength: 64 }),
  knownDigest,
];

export function checkAppletQuery(query: Bag): void {
  checkFields('querystring', query, APPLET_QUERY_FIELDS);
  checkCustom('querystring', query, CUSTOM_QUERY_PREFIX, CUSTOM_QUERY_KEY);
}

export function checkPackageQuery(query: Bag): void {
  checkFields('querystring', query, PACKAGE_QUERY_FIELDS);
  checkCustom('querystring', query, CUSTOM_QUERY_PREFIX, CUSTOM_QUERY_KEY);
}

export function checkDomainsQuery(query: Bag): void {
  checkFields('querystring', query, DOMAINS_QUERY_FIELDS);
}

export function checkConfigQuery(query: Bag): void {
  checkFields('querystring', query, CONFIG_QUERY_FIELDS);
}

export function checkBaseLibraryQuery(query: Bag): void {
  checkRequired('querystring', query, ['sdkVersion', 'platform']);
  checkFields('querystring', query, BASE_LIBRARY_QUERY_FIELDS);
}

/** Longest search text a device may send (the search service's own limit). */
export const MAX_SEARCH_TEXT_CHARS = 64;
export const MAX_SEARCH_PAGE_SIZE = 50;
/** Deepest hit a page may start at (the search service's MAX_OFFSET): beyond it people refine the query. */
export const MAX_SEARCH_OFFSET = 1_000;
const ID_PATTERN = '^[0-9A-Za-z_-]{1,64}$';

const SEARCH_QUERY_FIELDS = [
  field('text', { maxLength: MAX_SEARCH_TEXT_CHARS }),
  field('page', { pattern: '^[1-9][0-9]{0,3}$' }),
  field('pageSize', { pattern: '^[1-9][0-9]?$' }),
  ...DEVICE_QUERY_FIELDS,
];
const CLICK_QUERY_FIELDS = [
  field('searchId', { pattern: ID_PATTERN }),
  field('appId', { pattern: APP_ID_PATTERN }),
];

/**
 * `GET {prefix}/search`: `text` (may be blank: everything the device may open, by name), `page` from 1 and `pageSize`
 * up to 50 (default 1 and 20), the page starting at most MAX_SEARCH_OFFSET hits in; returns the page's offset and size.
 */
export function checkSearchQuery(query: Bag): { text: string; offset: number; limit: number } {
  checkRequired('querystring', query, ['text']);
  checkFields('querystring', query, SEARCH_QUERY_FIELDS);
  checkCustom('querystring', query, CUSTOM_QUERY_PREFIX, CUSTOM_QUERY_KEY);
  const page = query.page === undefined ? 1 : Number(query.page);
  const limit = query.pageSize === undefined ? 20 : Number(query.pageSize);
  if (limit > MAX_SEARCH_PAGE_SIZE)
    throw invalid('querystring', 'pageSize', `must be at most ${MAX_SEARCH_PAGE_SIZE}`);
  const offset = (page - 1) * limit;
  if (offset > MAX_SEARCH_OFFSET)
    throw invalid(
      'querystring',
      'page',
      `must start at most ${MAX_SEARCH_OFFSET} hits in; refine the text instead`,
    );
  return { text: query.text as string, offset, limit };
}

/** `POST {prefix}/search/clicks`: the `searchId` a search answered and the `appId` of the hit opened. */
export function checkSearchClickQuery(query: Bag): { searchId: string; appId: string } {
  checkRequired('querystring', query, ['searchId', 'appId']);
  checkFields('querystring', query, CLICK_QUERY_FIELDS);
  return { searchId: query.searchId as string, appId: query.appId as string };
}
