/** Gray release rule JSON, as stored and as sent by the consoles. */

export const RULE_OPERATORS = ['eq', 'in', 'notIn', 'range', 'regex'] as const;
export type RuleOperator = (typeof RULE_OPERATORS)[number];

/**
 * How a field's values are compared:
 * - `text`: exact string comparison (ids, region codes, device models);
 * - `enum`: string comparison ignoring case (SDKs disagree on `iOS`/`ios`, `WiFi`/`wifi`);
 * - `version`: semver-aware (loose `X`, `X.Y` inputs are padded to `X.Y.Z`);
 * - `custom`: host-app key/values; strings, numbers or booleans, compared as strings, numeric ranges;
 * - `percentage`: the stable bucket 0–99.99 of the device (or user), range only.
 */
export type FieldKind = 'text' | 'enum' | 'version' | 'custom' | 'percentage';

export const BUILT_IN_FIELDS = {
  userId: 'text',
  deviceId: 'text',
  region: 'enum',
  platform: 'enum',
  osVersion: 'version',
  deviceModel: 'text',
  network: 'enum',
  sdkVersion: 'version',
  baseLibraryVersion: 'version',
  hostAppVersion: 'version',
  percentage: 'percentage',
} as const satisfies Record<string, FieldKind>;
export type BuiltInField = keyof typeof BUILT_IN_FIELDS;
export type RuleField = BuiltInField | `custom.${string}`;

export const CUSTOM_FIELD_PREFIX = 'custom.';

export const OPERATORS_BY_KIND: Record<FieldKind, readonly RuleOperator[]> = {
  text: ['eq', 'in', 'notIn', 'regex'],
  enum: ['eq', 'in', 'notIn', 'regex'],
  version: ['eq', 'in', 'notIn', 'range', 'regex'],
  custom: ['eq', 'in', 'notIn', 'range', 'regex'],
  percentage: ['range'],
};

export type ScalarValue = string | number | boolean;

export interface RangeValue<T> {
  min?: T;
  max?: T;
}

export interface RuleCondition {
  field: RuleField;
  op: RuleOperator;
  /** eq: scalar; in/notIn: non-empty list; range: {min?, max?} inclusive; regex: pattern string. */
  value: ScalarValue | ScalarValue[] | RangeValue<string | number>;
}

export interface AllGroup {
  all: RuleNode[];
}
export interface AnyGroup {
  any: RuleNode[];
}
export type RuleGroup = AllGroup | AnyGroup;
export type RuleNode = RuleCondition | RuleGroup;

export interface GrayRule {
  /** Mixed into the percentage hash so different releases pick different device cohorts. */
  salt: string;
  match: RuleNode;
}

/** What the SDK / host app tells us about the device asking for a mini-program. */
export interface RuleContext {
  userId?: string;
  deviceId?: string;
  region?: string;
  platform?: string;
  osVersion?: string;
  deviceModel?: string;
  network?: string;
  sdkVersion?: string;
  baseLibraryVersion?: string;
  hostAppVersion?: string;
  custom?: Record<string, ScalarValue | null | undefined>;
}

export function isGroup(node: RuleNode): node is RuleGroup {
  return 'all' in node || 'any' in node;
}
