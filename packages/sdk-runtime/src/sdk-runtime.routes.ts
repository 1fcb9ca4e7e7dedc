import { createSecretKey, type KeyObject } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  ErrorCode,
  PlatformError,
  RateLimitedError,
  loadOrCreateLocalSecret,
  type ObjectStore,
  type PlatformRuntime,
} from '@grove/platform';
import { deviceContextOf, deviceHeaderName, MAX_DEVICE_VALUE_LENGTH } from './device-context';
import { ExposureRecorder, type ExposureStats } from './exposure-recorder';
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
import {
  RUNTIME_HTTP_STATUS,
  RuntimeErrcode,
  RuntimeError,
  failure,
  ok,
  unchanged,
  type RuntimeEnvelope,
} from './runtime-errors';
import { createReplayGuard } from './replay-guard';
import { reportRoutes } from './report.routes';
import { searchRoutes } from './search.routes';
import { deriveTrialTokenSecret, LOCAL_APP_SECRET_KEY_NAME } from '@grove/contracts';
import { trialVersionForRequest } from './trial-access';
import { RuntimeReadModel, digestOf, type AppletState } from './runtime-read-model';
import { SIGNATURE_HEADERS, signatureMatches, stringToSign, timestampProblem } from './runtime-signature';
import {
  checkAppParams,
  checkAppletQuery,
  checkBaseLibraryQuery,
  checkConfigQuery,
  checkDomainsQuery,
  checkPackageQuery,
  checkRuntimeHeaders,
} from './runtime-request.validator';
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
  /** Counters of the exposure record (published, dropped, deduplicated, buffered). */
  exposures(): ExposureStats;
}

/** Name of the generated cache sealing key under DATA_DIR/secrets.json when no key is configured. */
export const LOCAL_CACHE_KEY_NAME = 'sdkRuntimeCacheKey';

const SDK_PLATFORMS = ['IOS', 'ANDROID', 'HARMONY'];
const DEVICE_ID_HEADER = deviceHeaderName('deviceId');

type Query = Record<string, string | undefined>;
type AppRequest = FastifyRequest<{ Params: { appId: string }; Querystring: Query }>;
type OpenApplet = AppletState & { applet: NonNullable<AppletState['applet']> };
type MaybePromise<T> = T | Promise<T>;

/**
 * Runs `next` at once when `value` is already there, else once it resolves. With the read model's in-process answers
 * the runtime routes then check and answer a request in one synchronous pass: no promise chain, no microtask per step.
 * A synchronous throw reaches fastify's error handler like a rejection.
 */
function after<T, R>(value: MaybePromise<T>, next: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return value instanceof Promise ? value.then(next) : next(value);
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** The applet-info answer for one (state, chosen version), serialized once: body bytes and digest are reused until the state is replaced. */
interface InfoAnswer {
  appId: string;
  digest: string;
  etag: string;
  okBody: string;
  unchangedBody: string;
}

interface Chosen {
  version: RuntimeVersion;
  gray: boolean;
  planId?: string;
  /** The live plan's rule when it matched the device (gray). */
  ruleId?: string;
  /** The live plan the device was judged against but not in (published version served). */
  livePlanId?: string;
  /** Served to a tester through a trial grant. */
  trial?: boolean;
}

/**
 * Mounts the SDK runtime REST API (GET {prefix}/applets/:appId, …/package, …/domains, /config, /base-library) and
 * starts the read-model's event consumers; they stop when the fastify instance closes.
 */
export async function registerSdkRuntimeRoutes(
  app: FastifyInstance,
  deps: SdkRuntimeDeps,
  options: SdkRuntimeOptions = {},
): Promise<SdkRuntimeHandle> {
  const prefix = (options.prefix ?? DEFAULT_RUNTIME_PREFIX).replace(/\/+$/, '');
  const maxSkewMs = options.maxSkewMs ?? DEFAULT_MAX_SKEW_MS;
  const delivery: PackageDelivery =
    options.packageDelivery ?? (deps.objects.driver === 's3' ? 'redirect' : 'stream');
  const packageUrlTtlSec = options.packageUrlTtlSec ?? DEFAULT_PACKAGE_URL_TTL_SEC;
  const logger = deps.runtime.logger.child({ component: 'sdk-runtime' });

  const readModel = new RuntimeReadModel(deps.sources, deps.runtime.kv, logger, {
    kvTtlMs: options.kvTtlMs ?? DEFAULT_KV_TTL_MS,
    localTtlMs: options.localTtlMs ?? DEFAULT_LOCAL_TTL_MS,
    localMaxEntries: options.localMaxEntries ?? 10_000,
    fallbacks: deps.runtime.fallbacks,
    cacheEncryptionKey:
      options.cacheEncryptionKey ??
      loadOrCreateLocalSecret(deps.runtime.config.DATA_DIR, LOCAL_CACHE_KEY_NAME),
  });
  await readModel.start(deps.runtime.events);
  app.addHook('onClose', async () => readModel.close());

  // The key app-manage signs trial grants with (see deriveTrialTokenSecret).
  const trialTokenSecret =
    options.trialTokenSecret ??
    deriveTrialTokenSecret(
      options.appSecretEncryptionKey ??
        loadOrCreateLocalSecret(deps.runtime.config.DATA_DIR, LOCAL_APP_SECRET_KEY_NAME),
    );
  const replayGuard =
    options.replayGuard ?? createReplayGuard(deps.runtime.kv, maxSkewMs, deps.runtime.fallbacks);
  const evaluator = new GrayPlanEvaluator(logger);
  const exposures = new ExposureRecorder(
    deps.runtime.events,
    logger.child({ component: 'exposures' }),
    options.exposures,
  );
  app.addHook('onClose', async () => exposures.close());
  /** HMAC keys made once per cached credentials object (dropped with it when the cache replaces it). */
  const signingKeys = new WeakMap<RuntimeCredentials, KeyObject>();
  const signingKey = (credentials: RuntimeCredentials): KeyObject => {
    let key = signingKeys.get(credentials);
    if (!key) signingKeys.set(credentials, (key = createSecretKey(Buffer.from(credentials.secret, 'utf8'))));
    return key;
  };

  /**
   * The caller's credentials once the signature, timestamp, nonce, host app and its organization are checked.
   * Synchronous when the credentials, the nonce verdict and the organization's state are all in process.
   */
  function authenticate(request: FastifyRequest): MaybePromise<RuntimeCredentials> {
    const headers = request.headers as Record<string, string>;
    const sdkKey = headers[SIGNATURE_HEADERS.sdkKey];
    const cached = readModel.cachedCredentials(sdkKey);
    return after(cached === undefined ? readModel.credentials(sdkKey) : cached, (credentials) =>
      verifyCaller(request, headers, credentials),
    );
  }

  function verifyCaller(
    request: FastifyRequest,
    headers: Record<string, string>,
    credentials: RuntimeCredentials | null,
  ): MaybePromise<RuntimeCredentials> {
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
    if (!signatureMatches(signingKey(credentials), message, headers[SIGNATURE_HEADERS.signature])) {
      throw new RuntimeError(RuntimeErrcode.SIGNATURE_INVALID, 'The request signature does not match');
    }
    // Only after the signature: strangers must not be able to burn nonces.
    return after(replayGuard.claim(credentials.hostAppId, nonce, Number(timestamp)), (claim) => {
      if (claim === 'replayed')
        throw new RuntimeError(RuntimeErrcode.NONCE_REPLAYED, 'This nonce was already used');
      if (claim === 'too-old') {
        throw new RuntimeError(
          RuntimeErrcode.TIMESTAMP_EXPIRED,
          'x-timestamp is older than the nonces this server can still check; sign with the current time',
        );
      }
      if (claim === 'saturated')
        throw new RuntimeError(
          RuntimeErrcode.UNAVAILABLE,
          'Too many requests to check for replays; retry shortly',
        );
      if (!credentials.enabled)
        throw new RuntimeError(RuntimeErrcode.HOST_APP_DISABLED, 'The host app is disabled');
      const frozen = readModel.cachedOrganizationFrozen(credentials.orgId);
      return after(frozen ?? readModel.organizationFrozen(credentials.orgId), (isFrozen) => {
        if (isFrozen)
          throw new RuntimeError(RuntimeErrcode.ORGANIZATION_FROZEN, "The host app's organization is frozen");
        const limits = deps.limits;
        if (!limits) return credentials;
        return limits.consumeHostApp(credentials.hostAppId).then(() => credentials);
      });
    });
  }

  /** Synchronous when the app's state, the link and the organization's state are in process. */
  function openApplet(request: AppRequest, { hostAppId }: RuntimeCredentials): MaybePromise<OpenApplet> {
    const { appId } = request.params;
    return after(readModel.cachedAppletState(appId) ?? readModel.appletState(appId), (state) => {
      const { applet } = state;
      if (!applet) throw new RuntimeError(RuntimeErrcode.APPLET_NOT_FOUND, 'No such mini-program');
      return after(
        readModel.cachedIsLinked(hostAppId, appId) ?? readModel.isLinked(hostAppId, appId),
        (linked) => {
          if (!linked)
            throw new RuntimeError(
              RuntimeErrcode.APPLET_NOT_LINKED,
              'This mini-program is not linked to the host app',
            );
          if (applet.status === 'FROZEN')
            throw new RuntimeError(RuntimeErrcode.APPLET_FROZEN, 'This mini-program is frozen');
          return after(
            readModel.cachedOrganizationFrozen(applet.orgId) ?? readModel.organizationFrozen(applet.orgId),
            (frozen) => {
              if (frozen)
                throw new RuntimeError(
                  RuntimeErrcode.ORGANIZATION_FROZEN,
                  "This mini-program's organization is frozen",
                );
              return state as OpenApplet;
            },
          );
        },
      );
    });
  }

  /**
   * The applet-info answer depends on the cached state and the chosen version only, not on the device, so its body is
   * built, digested and serialized once per (state object, chosen version) and reused until the state is replaced.
   * The published and the gray choice are fixed per state object; trial versions are looked up by id.
   */
  const infoMemo = new WeakMap<
    AppletState,
    { published?: InfoAnswer; gray?: InfoAnswer; trial: Map<string, InfoAnswer> }
  >();
  function appletInfo(state: OpenApplet, chosen: Chosen, appId: string): InfoAnswer {
    let memo = infoMemo.get(state);
    if (!memo) infoMemo.set(state, (memo = { trial: new Map() }));
    const hit = chosen.trial ? memo.trial.get(chosen.version.id) : chosen.gray ? memo.gray : memo.published;
    if (hit?.appId === appId) return hit;
    const answer = buildAppletInfo(state, chosen, appId);
    if (chosen.trial) memo.trial.set(chosen.version.id, answer);
    else if (chosen.gray) memo.gray = answer;
    else memo.published = answer;
    return answer;
  }

  function buildAppletInfo(state: OpenApplet, chosen: Chosen, appId: string): InfoAnswer {
    const { version } = chosen;
    const info = {
      appId,
      name: state.applet.name,
      version: {
        id: version.id,
        name: version.name,
        code: version.code ?? null,
        gray: chosen.gray,
        planId: chosen.planId ?? null,
        ...(chosen.trial ? { trial: true } : {}),
      },
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
    const digest = digestOf(info);
    return {
      appId,
      digest,
      etag: `"${digest}"`,
      okBody: JSON.stringify(ok({ ...info, digest })),
      unchangedBody: JSON.stringify(unchanged({ digest, versionId: version.id })),
    };
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

  /** The device context is only read when a gray plan runs. */
  function choose(state: OpenApplet, request: FastifyRequest<{ Querystring: Query }>): Chosen {
    if (state.gray && evaluator.matches(state.gray.plan, deviceContextOf(request.query, request.headers))) {
      return {
        version: state.gray.version,
        gray: true,
        planId: state.gray.plan.planId,
        ruleId: state.gray.plan.rule.id,
      };
    }
    if (state.applet.published)
      return { version: state.applet.published, gray: false, livePlanId: state.gray?.plan.planId };
    if (state.applet.delisted)
      throw new RuntimeError(RuntimeErrcode.APPLET_DELISTED, 'This mini-program was delisted');
    throw new RuntimeError(RuntimeErrcode.APPLET_NOT_FOUND, 'This mini-program has no published version');
  }

  /** The exposure record of an applet-info decision (ADR 0012): buffered, never awaited; requests without a device id are not recorded. */
  function expose(request: AppRequest, credentials: RuntimeCredentials, chosen: Chosen): Chosen {
    const deviceId = deviceIdOf(request);
    if (deviceId !== undefined) {
      exposures.record({
        appId: request.params.appId,
        deviceId,
        versionId: chosen.version.id,
        versionSource: chosen.trial ? 'trial' : chosen.gray ? 'gray' : 'release',
        releasePlanId: chosen.planId ?? chosen.livePlanId ?? null,
        ruleId: chosen.ruleId ?? null,
        hostAppId: credentials.hostAppId,
        orgId: credentials.orgId,
      });
    }
    return chosen;
  }

  await app.register(
    async (scope) => {
      const limits = deps.limits;
      if (limits) scope.addHook('onRequest', async (request) => limits.consumeClient(request.ip));
      scope.setErrorHandler((error: FastifyError, request, reply) => sendError(error, request, reply));
      // Unknown endpoints are refused only after authentication too, so unsigned probes learn nothing about the routes.
      scope.setNotFoundHandler((request, reply) =>
        after(
          authenticate(request),
          () =>
            void send(
              reply,
              RUNTIME_HTTP_STATUS.NOT_FOUND,
              failure(RuntimeErrcode.NOT_FOUND, 'No such runtime endpoint'),
            ),
        ),
      );

      await scope.register(
        reportRoutes({
          runtime: deps.runtime,
          authenticate,
          isLinked: (hostAppId, appId) => readModel.isLinked(hostAppId, appId),
        }),
      );
      await scope.register(
        searchRoutes({
          authenticate,
          sources: deps.sources,
          objects: deps.objects,
          logoUrlTtlSec: packageUrlTtlSec,
        }),
      );

      // Not async: answered in one synchronous pass when the read model holds everything (see after()).
      scope.get('/applets/:appId', (request: AppRequest, reply) => {
        checkAppParams(request.params);
        checkAppletQuery(request.query);
        checkRuntimeHeaders(request.headers);
        return after(authenticate(request), (credentials) =>
          after(openApplet(request, credentials), (state) => {
            if (request.query.trial === undefined)
              return sendAppletInfo(
                request,
                reply,
                state,
                expose(request, credentials, choose(state, request)),
              );
            return trialChoice(request).then((version) =>
              sendAppletInfo(
                request,
                reply,
                state,
                expose(request, credentials, { version, gray: false, trial: true }),
              ),
            );
          }),
        );
      });

      scope.get('/applets/:appId/package', async (request: AppRequest, reply) => {
        checkAppParams(request.params);
        checkPackageQuery(request.query);
        checkRuntimeHeaders(request.headers);
        const state = await openApplet(request, await authenticate(request));
        const wanted = request.query.versionId;
        let version: RuntimeVersion;
        if (request.query.trial !== undefined) {
          version = await trialChoice(request);
          if (wanted !== undefined && wanted !== version.id)
            throw new RuntimeError(
              RuntimeErrcode.VERSION_UNAVAILABLE,
              'That version is not the trial version',
            );
        } else if (wanted === undefined) version = choose(state, request).version;
        else if (state.applet.published?.id === wanted) version = state.applet.published;
        else if (state.gray?.version.id === wanted) version = state.gray.version;
        else
          throw new RuntimeError(
            RuntimeErrcode.VERSION_UNAVAILABLE,
            'That version is not released for this mini-program',
          );

        reply
          .header('etag', `"${version.packageSha256}"`)
          .header('x-package-sha256', version.packageSha256)
          .header('x-version-id', version.id);
        if (matchesIfNoneMatch(request.headers['if-none-match'], version.packageSha256))
          return reply.code(304).send();
        if (delivery === 'redirect') {
          return reply.redirect(
            await deps.objects.presignedGetUrl(version.packageKey, packageUrlTtlSec),
            302,
          );
        }
        const { info, body } = await deps.objects.get(version.packageKey);
        if (info.sha256 !== version.packageSha256) {
          body.destroy();
          throw new Error(`stored package ${version.packageKey} does not match the recorded digest`);
        }
        return reply
          .header('content-type', 'application/zip')
          .header('content-length', String(info.size))
          .send(body);
      });

      scope.get('/applets/:appId/domains', async (request: AppRequest, reply) => {
        checkAppParams(request.params);
        checkDomainsQuery(request.query);
        checkRuntimeHeaders(request.headers);
        const state = await openApplet(request, await authenticate(request));
        choose(state, request); // refuses delisted / unreleased apps like the info
        const digest = state.domainsDigest;
        return respond(
          request,
          reply,
          digest,
          request.query.knownDigest === digest,
          { appId: request.params.appId, ...state.domains, digest },
          { digest },
        );
      });

      scope.get('/config', async (request: FastifyRequest<{ Querystring: Query }>, reply) => {
        checkConfigQuery(request.query);
        checkRuntimeHeaders(request.headers);
        const { hostAppId } = await authenticate(request);
        const config = await readModel.effectiveConfig(hostAppId);
        const { knownVersion, knownDigest: kd } = request.query;
        const isUnchanged =
          (knownVersion !== undefined && knownVersion === String(config.version)) ||
          (kd !== undefined && kd === config.etag);
        return respond(
          request,
          reply,
          config.etag,
          isUnchanged,
          { version: config.version, etag: config.etag, config: config.config },
          { version: config.version, etag: config.etag },
        );
      });

      scope.get('/base-library', async (request: FastifyRequest<{ Querystring: Query }>, reply) => {
        checkBaseLibraryQuery(request.query);
        checkRuntimeHeaders(request.headers);
        await authenticate(request);
        const platform = String(request.query.platform).toUpperCase();
        if (!SDK_PLATFORMS.includes(platform))
          throw new RuntimeError(
            RuntimeErrcode.BAD_REQUEST,
            `platform must be one of ${SDK_PLATFORMS.join(', ')}`,
          );
        const library = await readModel.baseLibrary(String(request.query.sdkVersion).trim(), platform);
        if (!library)
          throw new RuntimeError(RuntimeErrcode.BASE_LIBRARY_NOT_FOUND, `No base library for ${platform}`);
        const digest = library.packageSha256;
        const { knownVersion, knownDigest: kd } = request.query;
        const isUnchanged =
          (knownVersion !== undefined && knownVersion === library.version) ||
          (kd !== undefined && kd === digest);
        if (isUnchanged || matchesIfNoneMatch(request.headers['if-none-match'], digest)) {
          return respond(request, reply, digest, isUnchanged, null, {
            version: library.version,
            sha256: digest,
          });
        }
        const data = {
          id: library.id,
          version: library.version,
          minSdkVersion: library.minSdkVersion,
          platforms: library.platforms,
          package: {
            sha256: library.packageSha256,
            size: library.packageSize,
            url: await deps.objects.presignedGetUrl(library.packageKey, packageUrlTtlSec),
          },
        };
        return respond(request, reply, digest, false, data, null);
      });
    },
    { prefix },
  );

  function sendAppletInfo(request: AppRequest, reply: FastifyReply, state: OpenApplet, chosen: Chosen): void {
    const answer = appletInfo(state, chosen, request.params.appId);
    const { knownVersion, knownDigest: kd } = request.query;
    const isUnchanged =
      (knownVersion !== undefined || kd !== undefined) &&
      (knownVersion === undefined || knownVersion === chosen.version.id) &&
      (kd === undefined || kd === answer.digest);
    void reply.header('etag', answer.etag).header('cache-control', 'private, no-cache');
    if (matchesIfNoneMatch(request.headers['if-none-match'], answer.digest))
      return void reply.code(304).send();
    // The bytes fastify's serializer would write for the envelope object, written once per answer.
    void reply
      .code(200)
      .header('content-type', JSON_CONTENT_TYPE)
      .send(isUnchanged ? answer.unchangedBody : answer.okBody);
  }

  function sendError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
    if (error instanceof RuntimeError)
      return send(reply, error.httpStatus, failure(error.errcode, error.message));
    if (error instanceof RateLimitedError) {
      void reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterMs / 1000))));
      return send(reply, 429, failure(RuntimeErrcode.RATE_LIMITED, error.message));
    }
    if (error.validation) {
      const issue = error.validation[0];
      const field = String(
        (issue?.params as { missingProperty?: string } | undefined)?.missingProperty ??
          issue?.instancePath?.replace(/^\//, '') ??
          '',
      );
      const where = error.validationContext ?? 'request';
      const message = `Invalid ${where}${field ? ` '${field}'` : ''}: ${issue?.message ?? 'malformed'}`;
      if (where === 'headers' && field === SIGNATURE_HEADERS.sdkKey)
        return send(reply, 401, failure(RuntimeErrcode.APP_KEY_INVALID, message));
      if (where === 'headers' && field === SIGNATURE_HEADERS.signature)
        return send(reply, 401, failure(RuntimeErrcode.SIGNATURE_INVALID, message));
      return send(reply, 400, failure(RuntimeErrcode.BAD_REQUEST, message));
    }
    if (error instanceof PlatformError) {
      if (error.code === ErrorCode.BAD_USER_INPUT)
        return send(reply, 400, failure(RuntimeErrcode.BAD_REQUEST, error.message));
      if (error.code === ErrorCode.UNAVAILABLE)
        return send(reply, 503, failure(RuntimeErrcode.UNAVAILABLE, 'Temporarily unavailable; retry later'));
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, 400, failure(RuntimeErrcode.BAD_REQUEST, error.message));
    }
    logger.error({ err: error, reqId: request.id, url: request.url }, 'sdk runtime request failed');
    return send(reply, 500, failure(RuntimeErrcode.INTERNAL, `Internal error (request ${request.id})`));
  }

  return { prefix, readModel, exposures: () => exposures.snapshot() };
}

/** The device id as the gray decision reads it (query first, then header), with the same length cap. */
function deviceIdOf(request: AppRequest): string | undefined {
  const raw = request.query.deviceId ?? (request.headers[DEVICE_ID_HEADER] as string | undefined);
  if (typeof raw !== 'string') return undefined;
  const id = raw.trim();
  return id === '' || id.length > MAX_DEVICE_VALUE_LENGTH ? undefined : id;
}

function send(reply: FastifyReply, status: number, envelope: RuntimeEnvelope) {
  return reply.code(status).header('cache-control', 'no-store').send(envelope);
}

/** ETag + conditional answers: 304 for If-None-Match, UNCHANGED for the SDK's knownVersion / knownDigest. */
function respond(
  request: FastifyRequest,
  reply: FastifyReply,
  digest: string,
  isUnchanged: boolean,
  data: unknown,
  unchangedData: unknown,
) {
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
