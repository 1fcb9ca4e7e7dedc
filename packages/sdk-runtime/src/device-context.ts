import type { RuleContext, ScalarValue } from '@grove/gray-rules';

/** Built-in device fields, as query parameters; the same fields as headers are `x-` + kebab case (x-device-id). */
export const DEVICE_FIELDS = [
  'deviceId',
  'userId',
  'platform',
  'osVersion',
  'deviceModel',
  'network',
  'sdkVersion',
  'baseLibraryVersion',
  'hostAppVersion',
  'region',
] as const;
export type DeviceField = (typeof DEVICE_FIELDS)[number];

export const CUSTOM_QUERY_PREFIX = 'custom.';
export const CUSTOM_HEADER_PREFIX = 'x-custom-';
export const CUSTOM_KEY_PATTERN = '[A-Za-z0-9_-]{1,64}';
/**
 * Caps on what an unsigned header (or query parameter) can feed the rule engine. The route checks refuse longer
 * values; deviceContextOf() enforces the same caps itself so every caller is covered: a longer value is left out of
 * the context (as if not sent), so it never reaches a regex or a comparison.
 */
export const MAX_DEVICE_VALUE_LENGTH = 128;
export const MAX_CUSTOM_VALUE_LENGTH = 256;
export const MAX_CUSTOM_KEYS = 32;

export function deviceHeaderName(field: DeviceField): string {
  return `x-${field.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
}

const customKey = new RegExp(`^${CUSTOM_KEY_PATTERN}$`);
/** Header names computed once: this runs on every runtime request. */
const DEVICE_HEADERS = DEVICE_FIELDS.map((field) => [field, deviceHeaderName(field)] as const);

/**
 * The device context of a request for gray-release decisions: query parameters first (they are signed), then
 * headers. `custom.<key>` / `x-custom-<key>` carry host-app key/values.
 */
export function deviceContextOf(
  query: Record<string, unknown>,
  headers: Record<string, unknown>,
): RuleContext {
  const context: RuleContext = {};
  for (const [field, header] of DEVICE_HEADERS) {
    const value =
      text(query[field], MAX_DEVICE_VALUE_LENGTH) ?? text(headers[header], MAX_DEVICE_VALUE_LENGTH);
    if (value !== undefined) context[field] = value;
  }
  const custom: Record<string, ScalarValue> = {};
  let count = 0;
  const add = (key: string, raw: unknown) => {
    const value = text(raw, MAX_CUSTOM_VALUE_LENGTH);
    if (value === undefined || !customKey.test(key) || Object.hasOwn(custom, key) || count >= MAX_CUSTOM_KEYS)
      return;
    custom[key] = value;
    count++;
  };
  for (const [name, value] of Object.entries(query))
    if (name.startsWith(CUSTOM_QUERY_PREFIX)) add(name.slice(CUSTOM_QUERY_PREFIX.length), value);
  for (const [name, value] of Object.entries(headers))
    if (name.startsWith(CUSTOM_HEADER_PREFIX)) add(name.slice(CUSTOM_HEADER_PREFIX.length), value);
  if (count > 0) context.custom = custom;
  return context;
}

function text(value: unknown, maxLength: number): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' || trimmed.length > maxLength ? undefined : trimmed;
}
