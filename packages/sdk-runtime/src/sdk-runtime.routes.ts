import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCode, PlatformError, RateLimitedError, loadOrCreateLocalSecret, type ObjectStore, type PlatformRuntime } from '@grove/platform';
import type { RuleContext } from '@grove/gray-rules';
import { DEVICE_FIELDS, MAX_CUSTOM_VALUE_LENGTH, MAX_DEVICE_VALUE_LENGTH, CUSTOM_KEY_PATTERN, deviceContextOf, deviceHeaderName } from './device-context';
import { GrayPlanEvaluator } from './gray-plan.evaluator';
import {
  DEFAULT_KV_TTL_MS,
  DEFAULT_LOCAL_TTL_MS,
  DEFAULT_MAX_SKEW_MS,
  DEFAULT_PACKAGE_URL_TTL_SEC,
  DEFAULT_RUNTIME_PREFIX,
  type PackageDelivery,
  type SdkRuntimeOptions,
} from './runtime-config';
import { RUNTIME_HTTP_STATUS, RuntimeErrcode, RuntimeError, failure, ok, unchanged, type RuntimeEnvelope } from './runtime-errors';
import { createReplayGuard } from './replay-guard';
import { reportRoutes } from './report.routes';
import { deriveTrialTokenSecret, LOCAL_APP_SECRET_KEY_NAME } from '@grove/contracts';
import { trialVersionForRequest } from './trial-access';
import { RuntimeReadModel, digestOf, type AppletState } from './runtime-read-model';
import { NONCE_PATTERN, SDK_KEY_PATTERN, SIGNATURE_HEADERS, SIGNATURE_PATTERN, TIMESTAMP_PATTERN, signatureMatches, stringToSign, timestampProblem } from './runtime-signature';
import type { RuntimeCredentials, RuntimeSources, RuntimeVersion } from './runtime-sources';

export interface SdkRuntimeDeps {
  runtime: PlatformRuntime;
  /** The object store holding mini-program packages (the one app-manage writes to). */
  objects: ObjectStore;
  sources: RuntimeSources;
  /** Rate limits of the mounting server (the router's buckets); each throws RateLimitedError when empty. */
  limits?: RuntimeRateLimits;
}

export interface RuntimeRateLimits {
  /** Before anything else, by client IP. */
  consumeClient(ip: string): Promise<void>;
  /** Once the signature and nonce are verified, so strangers cannot drain a host app's bucket with its public key. */
  consumeHostApp(hostAppId: string): Promise<void>;
}

export interface SdkRuntimeHandle {
  prefix: string;
  readModel: RuntimeReadModel;
}

/** Name of the generated cache sealing key under DATA_DIR/secrets.json when no key is configured. */
export const LOCAL_CACHE_KEY_NAME = 'sdkRuntimeCacheKey';

const APP_ID_PATTERN = '^mp[0-9a-f]{16}$';
const DIGEST_PATTERN = '^[0-9a-f]{64}$';
const SDK_PLATFORMS = ['IOS', 'ANDROID', 'HARMONY'];

const deviceText = { type: 'string', maxLength: MAX_DEVICE_VALUE_LENGTH } as const;

const headersSchema = {
  type: 'object',
  required: [SIGNATURE_HEADERS.sdkKey, SIGNATURE_HEADERS.timestamp, SIGNATURE_HEADERS.nonce, SIGNATURE_HEADERS.signature],
  properties: {
    [SIGNATURE_HEADERS.sdkKey]: { type: 'string', pattern: SDK_KEY_PATTERN },
    [SIGNATURE_HEADERS.timestamp]: { type: 'string', pattern: TIMESTAMP_PATTERN },
    [SIGNATURE_HEADERS.nonce]: { type: 'string', pattern: NONCE_PATTERN },
    [SIGNATURE_HEADERS.signature]: { type: 'string', pattern: SIGNATURE_PATTERN },
    'if-none-match': { type: 'string', maxLength: 1024 },
    ...Object.fromEntries(DEVICE_FIELDS.map((f) => [deviceHeaderName(f), deviceText])),
  },
  patternProperties: { [`^x-custom-${CUSTOM_KEY_PATTERN}$`]: { type: 'string', maxLength: MAX_CUSTOM_VALUE_LENGTH } },
} as const;

const appParams = {
  type: 'object',
  required: ['appId'],
  properties: { appId: { type: 'string', pattern: APP_ID_PATTERN } },
} as const;

const deviceQueryProperties = Object.fromEntries(DEVICE_FIELDS.map((f) => [f, deviceText]));
const customQuery = { [`^custom\\.${CUSTOM_KEY_PATTERN}$`]: { type: 'string', maxLength: MAX_CUSTOM_VALUE_LENGTH } };
const knownDigest = { type: 'string', pattern: DIGEST_PATTERN } as const;
// Any text up to the cap: a malformed grant is TRIAL_TOKEN_INVALID, not BAD_REQUEST.
const trialGrant = { type: 'string', maxLength: 200 } as const;

const appletQuery = {
  type: 'object',
  properties: { ...deviceQueryProperties, knownVersion: { type: 'string', maxLength: 100 }, knownDigest, trial: trialGrant },
  patternProperties: customQuery,
} as const;

const packageQuery = {
  type: 'object',
  properties: { ...deviceQueryProperties, versionId: { type: 'string', minLength: 1, maxLength: 100 }, trial: trialGrant },
  patternProperties: customQuery,
} as const;

const domainsQuery = { type: 'object', properties: { knownDigest } } as const;
const configQuery = { type: 'object', properties: { knownVersion: { type: 'string', pattern: '^[0-9]{1,12}$' }, knownDigest } } as const;
const baseLibraryQuery = {
  type: 'object',
  required: ['sdkVersion', 'platform'],
  properties: {
    sdkVersion: { type: 'string', minLength: 1, maxLength: 64 },
    platform: { type: 'string', pattern: '^[A-Za-z]{1,16}$' },
    knownVersion: { type: 'string', maxLength: 64 },
    knownDigest,
  },
} as const;

type Query = Record<string, string | undefined>;
type AppRequest = FastifyRequest<{ Params: { appId: string }; Querystring: Query }>;

interface Chosen {
  version: RuntimeVersion;
  gray: boolean;
  planId?: string;
  /** Served to a tester through a trial grant. */
  trial?: boolean;
}

/**
 * Mounts the SDK runtime REST API (GET {prefix}/applets/:appId, …/package, …/domains, /config, /base-library) and
 * starts the read-model's event consumers; they stop when the fastify instance closes.
 */
export async function registerSdkRuntimeRoutes(app: FastifyInstance, deps: SdkRuntimeDeps, options: SdkRuntimeOptions = {}): Promise<SdkRuntimeHandle> {
  const prefix = (options.prefix ?? DEFAULT_RUNTIME_PREFIX).replace(/\/+$/, '');
  const maxSkewMs = options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  const delivery: PackageDelivery = options.packageDelivery ?? (deps.objects.driver === 's3' ? 'redirect' : 'stream');
  const packageUrlTtlSec = options.packageUrlTtlSec ?? DEFAULT_PACKAGE_URL_TTL_SEC;
  const logger = deps.runtime.logger.child({ component: 'sdk-runtime' });

  const readModel = new RuntimeReadModel(deps.sources, deps.runtime.kv, logger, {
    kvTtlMs: options.kvTtlMs ?? DEFAULT_KV_TTL_MS,
    localTtlMs: options.localTtlMs ?? DEFAULT_LOCAL_TTL_MS,
    localMaxEntries: options.localMaxEntries ?? 10_000,
    fallbacks: deps.runtime.fallbacks,
    cacheEncryptionKey: options.cacheEncryptionKey ?? loadOrCreateLocalSecret(deps.runtime.config.DATA_DIR, LOCAL_CACHE_KEY_NAME),
  });
  await readModel.start(deps.runtime.events);
  app.addHook('onClose', async () => readModel.close());

  // The key app-manage signs trial grants with (see deriveTrialTokenSecret).
  const trialTokenSecret =
    options.trialTokenSecret ?? deriveTrialTokenSecret(options.appSecretEncryptionKey ?? loadOrCreateLocalSecret(deps.runtime.config.DATA_DIR, LOCAL_APP_SECRET_KEY_NAME));
  const replayGuard = options.replayGuard ?? createReplayGuard(deps.runtime.kv, maxSkewMs, deps.runtime.fallbacks);
  const evaluator = new GrayPlanEvaluator(logger);
  const callers = new WeakMap<FastifyRequest, RuntimeCredentials>();

  async function authenticate(request: FastifyRequest): Promise<void> {
    const headers = request.headers as Record<string, string>;
    const credentials = await readModel.credentials(headers[SIGNATURE_HEADERS.sdkKey]);
    if (!credentials) throw new RuntimeError(RuntimeErrcode.APP_KEY_INVALID, 'Unknown SDK key');
    const timestamp = headers[SIGNATURE_HEADERS.timestamp];
    const skewed = timestampProblem(timestamp, Date.now(), maxSkewMs);
    if (skewed) throw new RuntimeError(RuntimeErrcode.TIMESTAMP_EXPIRED, skewed);
    const url = request.raw.url ?? request.url;
    const at = url.indexOf('?');
    const nonce = headers[SIGNATURE_HEADERS.nonce];
    const message = stringToSign({
      method: request.method,
      path: at === -1 ? url : url.slice(0, at),
      query: at === -1 ? '' : url.slice(at + 1),
      timestamp,
      nonce,
    });
    if (!signatureMatches(credentials.secret, message, headers[SIGNATURE_HEADERS.signature])) {
      throw new RuntimeError(RuntimeErrcode.SIGNATURE_INVALID, 'The request signature does not match');
    }
    // Only after the signature: strangers must not be able to burn nonces.
    const claim = await replayGuard.claim(credentials.hostAppId, nonce, Number(timestamp));
    if (claim === 'replayed') throw new RuntimeError(RuntimeErrcode.NONCE_REPLAYED, 'This nonce was already used');
    if (claim === 'too-old') {
      throw new RuntimeError(RuntimeErrcode.TIMESTAMP_EXPIRED, 'x-timestamp is older than the nonces this server can still check; sign with the current time');
    }
    if (claim === 'saturated') throw new RuntimeError(RuntimeErrcode.UNAVAILABLE, 'Too many requests to check for replays; retry shortly');
    if (!credentials.enabled) throw new RuntimeError(RuntimeErrcode.HOST_APP_DISABLED, 'The host app is disabled');
    if (await readModel.organizationFrozen(credentials.orgId)) {
      throw new RuntimeError(RuntimeErrcode.ORGANIZATION_FROZEN, "The host app's organization is frozen");
    }
    await deps.limits?.consumeHostApp(credentials.hostAppId);
    callers.set(request, credentials);
  }

  function caller(request: FastifyRequest): RuntimeCredentials {
    const credentials = callers.get(request);
    if (!credentials) throw new Error('request reached a handler without authentication');
    return credentials;
  }

  async function openApplet(request: AppRequest): Promise<AppletState & { applet: NonNullable<AppletState['applet']> }> {
    const { appId } = request.params;
    const state = await readModel.appletState(appId);
    if (!state.applet) throw new RuntimeError(RuntimeErrcode.APPLET_NOT_FOUND, 'No such mini-program');
    if (!(await readModel.isLinked(caller(request).hostAppId, appId))) {
      throw new RuntimeError(RuntimeErrcode.APPLET_NOT_LINKED, 'This mini-program is not linked to the host app');
    }
    if (state.applet.status === 'FROZEN') throw new RuntimeError(RuntimeErrcode.APPLET_FROZEN, 'This mini-program is frozen');
    if (await readModel.organizationFrozen(state.applet.orgId)) {
      throw new RuntimeError(RuntimeErrcode.ORGANIZATION_FROZEN, "This mini-program's organization is frozen");
    }
    return state as AppletState & { applet: NonNullable<AppletState['applet']> };
  }

  /**
   * The applet-info body and its digest depend on the cached state and the chosen version only, not on the
   * device, so they are built once per (state object, version) and reused until the state is replaced.
   */
  const infoMemo = new WeakMap<AppletState, Map<string, { info: Record<string, unknown>; digest: string }>>();
  function appletInfo(state: AppletState & { applet: NonNullable<AppletState['applet']> }, chosen: Chosen, appId: string) {
    let byVersion = infoMemo.get(state);
    if (!byVersion) infoMemo.set(state, (byVersion = new Map()));
    const memoKey = `${chosen.version.id}|${chosen.gray}|${chosen.planId ?? ''}|${chosen.trial === true}|${appId}`;
    const hit = byVersion.get(memoKey);
    if (hit) return hit;
    const { version } = chosen;
    const info = {
      appId,
      name: state.applet.name,
      version: { id: version.id, name: version.name, code: version.code ?? null, gray: chosen.gray, planId: chosen.planId ?? null, ...(chosen.trial ? { trial: true } : {}) },
      package: {
        sha256: version.packageSha256,
        size: version.packageSize,
        // A trial download needs the grant again; the SDK appends `&trial=<grant>` (and its userId) when it signs the request.
        downloadPath: `${prefix}/applets/${appId}/package?versionId=${encodeURIComponent(version.id)}`,
      },
      domains: {
        request: state.domains.request.length,
        socket: state.domains.socket.length,
        upload: state.domains.upload.length,
        download: state.domains.download.length,
        business: state.domains.business.length,
        digest: state.domainsDigest,
      },
    };
    const entry = { info, digest: digestOf(info) };
    byVersion.set(memoKey, entry);
    return entry;
  }

  /** The trial version for a request carrying `trial=<grant>` (TRIAL_TOKEN_INVALID / NOT_TRIAL_MEMBER otherwise). */
  function trialChoice(request: AppRequest): Promise<RuntimeVersion> {
    const userId = deviceContextOf(request.query, request.headers).userId;
    return trialVersionForRequest(readModel, {
      appId: request.params.appId,
      token: String(request.query.trial),
      userId: typeof userId === 'string' ? userId : undefined,
      secret: trialTokenSecret,
    });
  }

  function choose(state: AppletState & { applet: NonNullable<AppletState['applet']> }, context: RuleContext): Chosen {
    if (state.gray && evaluator.matches(state.gray.plan, context)) return { version: state.gray.version, gray: true, planId: state.gray.plan.planId };
    if (state.applet.published) return { version: state.applet.published, gray: false };
    if (state.applet.delisted) throw new RuntimeError(RuntimeErrcode.APPLET_DELISTED, 'This mini-program was delisted');
    throw new RuntimeError(RuntimeErrcode.APPLET_NOT_FOUND, 'This mini-program has no published version');
  }

  await app.register(
    async (scope) => {
      const limits = deps.limits;
      if (limits) scope.addHook('onRequest', async (request) => limits.consumeClient(request.ip));
      scope.addHook('preHandler', authenticate);
      scope.setErrorHandler((error: FastifyError, request, reply) => sendError(error, request, reply));
      scope.setNotFoundHandler((request, reply) => send(reply, RUNTIME_HTTP_STATUS.NOT_FOUND, failure(RuntimeErrcode.NOT_FOUND, 'No such runtime endpoint')));

      await scope.register(reportRoutes({ runtime: deps.runtime, caller, isLinked: (hostAppId, appId) => readModel.isLinked(hostAppId, appId) }));

      scope.get('/applets/:appId', { schema: { params: appParams, querystring: appletQuery, headers: headersSchema } }, async (request: AppRequest, reply) => {
        const state = await openApplet(request);
        const chosen: Chosen =
          request.query.trial !== undefined ? { version: await trialChoice(request), gray: false, trial: true } : choose(state, deviceContextOf(request.query, request.headers));
        const { appId } = request.params;
        const { info, digest } = appletInfo(state, chosen, appId);
        const { knownVersion, knownDigest: kd } = request.query;
        const isUnchanged = (knownVersion !== undefined || kd !== undefined) && (knownVersion === undefined || knownVersion === chosen.version.id) && (kd === undefined || kd === digest);
        return respond(request, reply, digest, isUnchanged, { ...info, digest }, { digest, versionId: chosen.version.id });
      });

      scope.get('/applets/:appId/package', { schema: { params: appParams, querystring: packageQuery, headers: headersSchema } }, async (request: AppRequest, reply) => {
        const state = await openApplet(request);
        const wanted = request.query.versionId;
        let version: RuntimeVersion;
        if (request.query.trial !== undefined) {
          version = await trialChoice(request);
          if (wanted !== undefined && wanted !== version.id) throw new RuntimeError(RuntimeErrcode.VERSION_UNAVAILABLE, 'That version is not the trial version');
        } else if (wanted === undefined) version = choose(state, deviceContextOf(request.query, request.headers)).version;
        else if (state.applet.published?.id === wanted) version = state.applet.published;
        else if (state.gray?.version.id === wanted) version = state.gray.version;
        else throw new RuntimeError(RuntimeErrcode.VERSION_UNAVAILABLE, 'That version is not released for this mini-program');

        reply.header('etag', `"${version.packageSha256}"`).header('x-package-sha256', version.packageSha256).header('x-version-id', version.id);
        if (matchesIfNoneMatch(request.headers['if-none-match'], version.packageSha256)) return reply.code(304).send();
        if (delivery === 'redirect') {
          return reply.redirect(await deps.objects.presignedGetUrl(version.packageKey, packageUrlTtlSec), 302);
        }
        const { info, body } = await deps.objects.get(version.packageKey);
        if (info.sha256 !== version.packageSha256) {
          body.destroy();
          throw new Error(`stored package ${version.packageKey} does not match the recorded digest`);
        }
        return reply.header('content-type', 'application/zip').header('content-length', String(info.size)).send(body);
      });

      scope.get('/applets/:appId/domains', { schema: { params: appParams, querystring: domainsQuery, headers: headersSchema } }, async (request: AppRequest, reply) => {
        const state = await openApplet(request);
        choose(state, deviceContextOf(request.query, request.headers)); // refuses delisted / unreleased apps like the info
        const digest = state.domainsDigest;
        return respond(request, reply, digest, request.query.knownDigest === digest, { appId: request.params.appId, ...state.domains, digest }, { digest });
      });

      scope.get('/config', { schema: { querystring: configQuery, headers: headersSchema } }, async (request: FastifyRequest<{ Querystring: Query }>, reply) => {
        const config = await readModel.effectiveConfig(caller(request).hostAppId);
        const { knownVersion, knownDigest: kd } = request.query;
        const isUnchanged = (knownVersion !== undefined && knownVersion === String(config.version)) || (kd !== undefined && kd === config.etag);
        return respond(request, reply, config.etag, isUnchanged, { version: config.version, etag: config.etag, config: config.config }, { version: config.version, etag: config.etag });
      });

      scope.get('/base-library', { schema: { querystring: baseLibraryQuery, headers: headersSchema } }, async (request: FastifyRequest<{ Querystring: Query }>, reply) => {
        const platform = String(request.query.platform).toUpperCase();
        if (!SDK_PLATFORMS.includes(platform)) throw new RuntimeError(RuntimeErrcode.BAD_REQUEST, `platform must be one of ${SDK_PLATFORMS.join(', ')}`);
        const library = await readModel.baseLibrary(String(request.query.sdkVersion).trim(), platform);
        if (!library) throw new RuntimeError(RuntimeErrcode.BASE_LIBRARY_NOT_FOUND, `No base library for ${platform}`);
        const digest = library.packageSha256;
        const { knownVersion, knownDigest: kd } = request.query;
        const isUnchanged = (knownVersion !== undefined && knownVersion === library.version) || (kd !== undefined && kd === digest);
        if (isUnchanged || matchesIfNoneMatch(request.headers['if-none-match'], digest)) {
          return respond(request, reply, digest, isUnchanged, null, { version: library.version, sha256: digest });
        }
        const data = {
          id: library.id,
          version: library.version,
          minSdkVersion: library.minSdkVersion,
          platforms: library.platforms,
          package: { sha256: library.packageSha256, size: library.packageSize, url: await deps.objects.presignedGetUrl(library.packageKey, packageUrlTtlSec) },
        };
        return respond(request, reply, digest, false, data, null);
      });
    },
    { prefix },
  );

  function sendError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    if (error instanceof RuntimeError) return send(reply, error.httpStatus, failure(error.errcode, error.message));
    if (error instanceof RateLimitedError) {
      void reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
      return send(reply, 429, failure(RuntimeErrcode.RATE_LIMITED, error.message));
    }
    if (error.validation) {
      const issue = error.validation[0];
      const field = String((issue?.params as { missingProperty?: string } | undefined)?.missingProperty ?? issue?.instancePath?.replace(/^\//, '') ?? '');
      const where = error.validationContext ?? 'request';
      const message = `Invalid ${where}${field ? ` '${field}'` : ''}: ${issue?.message ?? 'malformed'}`;
      if (where === 'headers' && field === SIGNATURE_HEADERS.sdkKey) return send(reply, 401, failure(RuntimeErrcode.APP_KEY_INVALID, message));
      if (where === 'headers' && field === SIGNATURE_HEADERS.signature) return send(reply, 401, failure(RuntimeErrcode.SIGNATURE_INVALID, message));
      return send(reply, 400, failure(RuntimeErrcode.BAD_REQUEST, message));
    }
    if (error instanceof PlatformError) {
      if (error.code === ErrorCode.BAD_USER_INPUT) return send(reply, 400, failure(RuntimeErrcode.BAD_REQUEST, error.message));
      if (error.code === ErrorCode.UNAVAILABLE) return send(reply, 503, failure(RuntimeErrcode.UNAVAILABLE, 'Temporarily unavailable; retry later'));
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, 400, failure(RuntimeErrcode.BAD_REQUEST, error.message));
    }
    logger.error({ err: error, reqId: request.id, url: request.url }, 'sdk runtime request failed');
    return send(reply, 500, failure(RuntimeErrcode.INTERNAL, `Internal error (request ${request.id})`));
  }

  return { prefix, readModel };
}

function send(reply: FastifyReply, status: number, envelope: RuntimeEnvelope) {
  return reply.code(status).header('cache-control', 'no-store').send(envelope);
}

/** ETag + conditional answers: 304 for If-None-Match, UNCHANGED for the SDK's knownVersion / knownDigest. */
function respond(request: FastifyRequest, reply: FastifyReply, digest: string, isUnchanged: boolean, data: unknown, unchangedData: unknown) {
  reply.header('etag', `"${digest}"`).header('cache-control', 'private, no-cache');
  if (matchesIfNoneMatch(request.headers['if-none-match'], digest)) return reply.code(304).send();
  return reply.code(200).send(isUnchanged ? unchanged(unchangedData) : ok(data));
}

function matchesIfNoneMatch(header: string | string[] | undefined, digest: string): boolean {
  if (!header) return false;
  const value = Array.isArray(header) ? header.join(',') : header;
  return value.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t.replace(/^W\//, '') === `"${digest}"`;
  });
}
