import fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  CUSTOM_KEY_PATTERN,
  DEVICE_FIELDS,
  MAX_CUSTOM_VALUE_LENGTH,
  MAX_DEVICE_VALUE_LENGTH,
  deviceHeaderName,
} from './device-context';
import { RuntimeErrcode, RuntimeError } from './runtime-errors';
import {
  APP_ID_PATTERN,
  CONFIG_VERSION_PATTERN,
  DIGEST_PATTERN,
  PLATFORM_PATTERN,
  checkAppParams,
  checkAppletQuery,
  checkBaseLibraryQuery,
  checkConfigQuery,
  checkDomainsQuery,
  checkPackageQuery,
  checkRuntimeHeaders,
} from './runtime-request.validator';
import {
  NONCE_PATTERN,
  SDK_KEY_PATTERN,
  SIGNATURE_HEADERS,
  SIGNATURE_PATTERN,
  TIMESTAMP_PATTERN,
} from './runtime-signature';

/**
 * The JSON schemas the runtime routes validated with before the hand-written checks (fastify's default ajv), kept
 * here as the reference: on every generated request both must refuse the same way (errcode and message) or accept.
 */
const deviceText = { type: 'string', maxLength: MAX_DEVICE_VALUE_LENGTH } as const;
const headersSchema = {
  type: 'object',
  required: [
    SIGNATURE_HEADERS.sdkKey,
    SIGNATURE_HEADERS.timestamp,
    SIGNATURE_HEADERS.nonce,
    SIGNATURE_HEADERS.signature,
  ],
  properties: {
    [SIGNATURE_HEADERS.sdkKey]: { type: 'string', pattern: SDK_KEY_PATTERN },
    [SIGNATURE_HEADERS.timestamp]: { type: 'string', pattern: TIMESTAMP_PATTERN },
    [SIGNATURE_HEADERS.nonce]: { type: 'string', pattern: NONCE_PATTERN },
    [SIGNATURE_HEADERS.signature]: { type: 'string', pattern: SIGNATURE_PATTERN },
    'if-none-match': { type: 'string', maxLength: 1024 },
    ...Object.fromEntries(DEVICE_FIELDS.map((f) => [deviceHeaderName(f), deviceText])),
  },
  patternProperties: {
    [`^x-custom-${CUSTOM_KEY_PATTERN}$`]: { type: 'string', maxLength: MAX_CUSTOM_VALUE_LENGTH },
  },
};
const appParams = {
  type: 'object',
  required: ['appId'],
  properties: { appId: { type: 'string', pattern: APP_ID_PATTERN } },
};
const deviceQueryProperties = Object.fromEntries(DEVICE_FIELDS.map((f) => [f, deviceText]));
const customQuery = {
  [`^custom\\.${CUSTOM_KEY_PATTERN}$`]: { type: 'string', maxLength: MAX_CUSTOM_VALUE_LENGTH },
};
const knownDigest = { type: 'string', pattern: DIGEST_PATTERN };
const trialGrant = { type: 'string', maxLength: 200 };
const schemas = {
  applet: {
    params: appParams,
    query: {
      type: 'object',
      properties: {
        ...deviceQueryProperties,
        knownVersion: { type: 'string', maxLength: 100 },
        knownDigest,
        trial: trialGrant,
      },
      patternProperties: customQuery,
    },
    check: checkAppletQuery,
  },
  package: {
    params: appParams,
    query: {
      type: 'object',
      properties: {
        ...deviceQueryProperties,
        versionId: { type: 'string', minLength: 1, maxLength: 100 },
        trial: trialGrant,
      },
      patternProperties: customQuery,
    },
    check: checkPackageQuery,
  },
  domains: {
    params: appParams,
    query: { type: 'object', properties: { knownDigest } },
    check: checkDomainsQuery,
  },
  config: {
    query: {
      type: 'object',
      properties: { knownVersion: { type: 'string', pattern: CONFIG_VERSION_PATTERN }, knownDigest },
    },
    check: checkConfigQuery,
  },
  baseLibrary: {
    query: {
      type: 'object',
      required: ['sdkVersion', 'platform'],
      properties: {
        sdkVersion: { type: 'string', minLength: 1, maxLength: 64 },
        platform: { type: 'string', pattern: PLATFORM_PATTERN },
        knownVersion: { type: 'string', maxLength: 64 },
        knownDigest,
      },
    },
    check: checkBaseLibraryQuery,
  },
} as const;
type RouteName = keyof typeof schemas;

type Verdict = { errcode: string; error: string } | 'accepted';

/** What the routes' former error handler answered for a schema failure. */
function schemaVerdict(request: FastifyRequest): Verdict {
  const error = request.validationError as
    | (Error & {
        validation: Array<{ params?: unknown; instancePath?: string; message?: string }>;
        validationContext?: string;
      })
    | undefined;
  if (!error) return 'accepted';
  const issue = error.validation[0];
  const field = String(
    (issue?.params as { missingProperty?: string } | undefined)?.missingProperty ??
      issue?.instancePath?.replace(/^\//, '') ??
      '',
  );
  const where = error.validationContext ?? 'request';
  const error_ = `Invalid ${where}${field ? ` '${field}'` : ''}: ${issue?.message ?? 'malformed'}`;
  if (where === 'headers' && field === SIGNATURE_HEADERS.sdkKey)
    return { errcode: RuntimeErrcode.APP_KEY_INVALID, error: error_ };
  if (where === 'headers' && field === SIGNATURE_HEADERS.signature)
    return { errcode: RuntimeErrcode.SIGNATURE_INVALID, error: error_ };
  return { errcode: RuntimeErrcode.BAD_REQUEST, error: error_ };
}

let app: FastifyInstance;
let baseUrl: string;
const before = new WeakMap<
  FastifyRequest,
  { params: Record<string, unknown>; query: Record<string, unknown>; headers: Record<string, unknown> }
>();

beforeAll(async () => {
  app = fastify({ logger: false });
  // Copies before ajv coerces anything, for the hand-written checks.
  app.addHook('onRequest', async (request) => {
    before.set(request, {
      params: { ...(request.params as object) },
      query: { ...(request.query as object) },
      headers: { ...request.headers },
    });
  });
  const paths: Record<RouteName, string> = {
    applet: '/applets/:appId',
    package: '/applets/:appId/package',
    domains: '/applets/:appId/domains',
    config: '/config',
    baseLibrary: '/base-library',
  };
  for (const name of Object.keys(schemas) as RouteName[]) {
    const route = schemas[name];
    const schema = {
      ...('params' in route ? { params: route.params } : {}),
      querystring: route.query,
      headers: headersSchema,
    };
    app.get(paths[name], { schema, attachValidation: true }, async (request) => {
      const copy = before.get(request)!;
      let checked: Verdict = 'accepted';
      try {
        if ('params' in route) checkAppParams(copy.params);
        route.check(copy.query);
        checkRuntimeHeaders(copy.headers);
      } catch (error) {
        if (!(error instanceof RuntimeError)) throw error;
        checked = { errcode: error.errcode, error: error.message };
      }
      return { schema: schemaVerdict(request), checked };
    });
  }
  baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
});

afterAll(async () => app?.close());

/** Deterministic generator (mulberry32), so a failure names a reproducible case. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX = '0123456789abcdef';
const validHeaders = (): Record<string, string> => ({
  [SIGNATURE_HEADERS.sdkKey]: `hk${'a'.repeat(24)}`,
  [SIGNATURE_HEADERS.timestamp]: String(Date.now()),
  [SIGNATURE_HEADERS.nonce]: 'nonce-0123456789',
  [SIGNATURE_HEADERS.signature]: 'ab'.repeat(32),
});

/** Values around each rule's edges: lengths at and past the caps, near-misses of the patterns, code points that are two UTF-16 units. */
function textValues(rnd: () => number): string[] {
  const pick = (s: string, n: number) =>
    Array.from({ length: n }, () => s[Math.floor(rnd() * s.length)]).join('');
  return [
    '',
    'x',
    'a'.repeat(MAX_DEVICE_VALUE_LENGTH),
    'a'.repeat(MAX_DEVICE_VALUE_LENGTH + 1),
    '😀'.repeat(MAX_DEVICE_VALUE_LENGTH),
    '😀'.repeat(MAX_DEVICE_VALUE_LENGTH / 2 + 1),
    'b'.repeat(MAX_CUSTOM_VALUE_LENGTH + 1),
    'c'.repeat(65),
    'd'.repeat(101),
    'e'.repeat(201),
    'f'.repeat(1025),
    pick(HEX, 64),
    pick(HEX, 63),
    pick(HEX, 64).toUpperCase(),
    `mp${pick(HEX, 16)}`,
    `mp${pick(HEX, 15)}`,
    `hk${pick(HEX, 24)}`,
    `hk${pick(HEX, 24)}X`,
    String(Math.floor(rnd() * 1e12)),
    '1234567890123',
    '12a',
    'IOS',
    'ios1',
    'abcdefgh',
    'abc defgh',
    'a'.repeat(65),
    '1.0.0',
  ];
}

const headerNames = [
  ...Object.values(SIGNATURE_HEADERS),
  'if-none-match',
  ...DEVICE_FIELDS.map(deviceHeaderName),
  'x-custom-flag',
  'x-custom-a.b',
  'x-other',
];
const queryNames = [
  ...DEVICE_FIELDS,
  'knownVersion',
  'knownDigest',
  'trial',
  'versionId',
  'sdkVersion',
  'custom.flag',
  'custom.x-y',
  'custom.bad.key',
  'other',
];
const HEADER_SAFE = /^[\x20-\x7e]*$/;

function generatedRequest(rnd: () => number): {
  path: string;
  route: RouteName;
  headers: Record<string, string>;
} {
  const routes: RouteName[] = ['applet', 'package', 'domains', 'config', 'baseLibrary'];
  const route = routes[Math.floor(rnd() * routes.length)]!;
  const values = textValues(rnd);
  const any = () => values[Math.floor(rnd() * values.length)]!;
  const appId = rnd() < 0.8 ? `mp${'0123456789abcdef'}` : encodeURIComponent(any() || 'x');
  const base = {
    applet: `/applets/${appId}`,
    package: `/applets/${appId}/package`,
    domains: `/applets/${appId}/domains`,
    config: '/config',
    baseLibrary: '/base-library',
  }[route];
  const query = new URLSearchParams();
  if (route === 'baseLibrary' && rnd() < 0.8) {
    query.append('sdkVersion', '1.0.0');
    query.append('platform', 'IOS');
  }
  for (let n = Math.floor(rnd() * 4); n > 0; n--) {
    const name = queryNames[Math.floor(rnd() * queryNames.length)]!;
    query.append(name, any());
    if (rnd() < 0.15) query.append(name, any()); // repeated: an array, which no string rule accepts
  }
  const headers = validHeaders();
  for (let n = Math.floor(rnd() * 3); n > 0; n--) {
    const name = headerNames[Math.floor(rnd() * headerNames.length)]!;
    if (rnd() < 0.2) delete headers[name];
    else {
      const value = any();
      // fetch refuses header values outside visible ASCII and trims spaces
      if (HEADER_SAFE.test(value) && value.trim() === value) headers[name] = value;
    }
  }
  const search = query.toString();
  return { path: `${base}${search ? `?${search}` : ''}`, route, headers };
}

describe('hand-written runtime request checks', () => {
  it('refuse exactly what the former JSON schemas refused, with the same errcode and message, on generated requests', async () => {
    const rnd = random(8);
    let refused = 0;
    for (let i = 0; i < 1500; i++) {
      const request = generatedRequest(rnd);
      const response = await fetch(`${baseUrl}${request.path}`, { headers: request.headers });
      const { schema, checked } = (await response.json()) as { schema: Verdict; checked: Verdict };
      expect({ case: i, ...request, verdict: checked }).toEqual({ case: i, ...request, verdict: schema });
      if (schema !== 'accepted') refused++;
    }
    // The generator reaches both sides.
    expect(refused).toBeGreaterThan(300);
    expect(refused).toBeLessThan(1400);
  });

  it('count characters as code points, like the schemas did', () => {
    expect(() => checkAppletQuery({ deviceId: '😀'.repeat(MAX_DEVICE_VALUE_LENGTH) })).not.toThrow();
    expect(() => checkAppletQuery({ deviceId: '😀'.repeat(MAX_DEVICE_VALUE_LENGTH + 1) })).toThrow(
      `Invalid querystring 'deviceId': must NOT have more than ${MAX_DEVICE_VALUE_LENGTH} characters`,
    );
  });
});
