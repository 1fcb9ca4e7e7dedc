import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { RUNTIME_READS_CALLER } from '@grove/contracts';
import {
  createObjectStore,
  isPlatformError,
  loadConfig,
  objectStoreEnvShape,
  objectStoreOptionsFromConfig,
  OBJECT_URL_PATH,
  platformEnvShape,
  verifyPresignedObjectUrl,
  type EnvSource,
  type PlatformRuntime,
} from '@grove/platform';
import {
  registerSdkRuntimeRoutes,
  runtimeReadOrigins,
  runtimeReadsFromModules,
  runtimeReadsOverHttp,
  runtimeSourcesFromReads,
  sdkRuntimeEnvSchema,
  sdkRuntimeEnvShape,
  sdkRuntimeOptionsFromConfig,
  type RuntimeRateLimits,
  type RuntimeSources,
  type SdkRuntimeHandle,
} from '@grove/sdk-runtime';

const objectStoreEnvSchema = z.object({ ...platformEnvShape, ...objectStoreEnvShape });

/**
 * The trial grant key must be app-manage's: in production one of its two sources is required, or every trial QR code
 * would be refused by a runtime that generated a key of its own.
 */
const trialKeyEnvSchema = z
  .object({
    ...platformEnvShape,
    TRIAL_TOKEN_SECRET: sdkRuntimeEnvShape.TRIAL_TOKEN_SECRET,
    APP_SECRET_ENCRYPTION_KEY: sdkRuntimeEnvShape.APP_SECRET_ENCRYPTION_KEY,
  })
  .superRefine((config, ctx) => {
    if (config.NODE_ENV === 'production' && !config.TRIAL_TOKEN_SECRET && !config.APP_SECRET_ENCRYPTION_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['APP_SECRET_ENCRYPTION_KEY'],
        message:
          "required in production unless TRIAL_TOKEN_SECRET is set (the SDK runtime checks app-manage's trial grants)",
      });
    }
  });

/** Where the owning services are when the subgraphs run on their own (distributed mode). */
export interface RemoteRuntimeReads {
  /** SUBGRAPH_URLS: the runtime calls account, app-manage, rule-engine, domain and sdk at the same origins. */
  subgraphUrls: Record<string, string>;
  /** Per read call (SUBGRAPH_TIMEOUT_MS). */
  timeoutMs: number;
}

/**
 * Where the runtime reads from: the owners' handlers in this process (embedded mode: every owning module is here),
 * else the owning services' internal read routes (distributed mode). Never another service's collections.
 */
export function runtimeSources(
  runtime: PlatformRuntime,
  modules: readonly object[],
  remote?: RemoteRuntimeReads,
): RuntimeSources {
  if (modules.length > 0 || !remote) return runtimeSourcesFromReads(runtimeReadsFromModules(modules));
  return runtimeSourcesFromReads(
    runtimeReadsOverHttp({
      origins: runtimeReadOrigins(remote.subgraphUrls),
      credential: () => runtime.tokens.signServiceCall(RUNTIME_READS_CALLER),
      timeoutMs: remote.timeoutMs,
      logger: runtime.logger.child({ component: 'runtime-reads' }),
    }),
  );
}

/**
 * The SDK runtime REST API (`/runtime/v1/...`) and the signed download links of the filesystem object store
 * (`/objects/...`) on the router's server, next to `/graphql`, in both modes: over the subgraph modules when they
 * run in this process, else over the owning services' internal read routes.
 */
export async function mountSdkRuntime(
  app: FastifyInstance,
  runtime: PlatformRuntime,
  /** The subgraph modules running in this process (none in distributed mode). */
  modules: readonly object[],
  env: EnvSource,
  /** The router's buckets: per IP first, per host app once a request's signature is verified. */
  limits?: RuntimeRateLimits,
  /** Distributed mode: the owning services' addresses. */
  remote?: RemoteRuntimeReads,
): Promise<SdkRuntimeHandle> {
  loadConfig(trialKeyEnvSchema, env);
  const sources = runtimeSources(runtime, modules, remote);

  // The same store (same root and link secret) the subgraphs write packages and libraries to.
  const objectConfig = loadConfig(objectStoreEnvSchema, env);
  const objects = await createObjectStore(objectStoreOptionsFromConfig(objectConfig));
  app.addHook('onClose', async () => objects.close());

  const handle = await registerSdkRuntimeRoutes(
    app,
    { runtime, objects, sources, limits },
    sdkRuntimeOptionsFromConfig(loadConfig(sdkRuntimeEnvSchema, env)),
  );

  const fsOptions = objectStoreOptionsFromConfig(objectConfig);
  if (fsOptions.driver === 'fs') {
    const secret = fsOptions.urlSigningSecret;
    app.get(`${OBJECT_URL_PATH}*`, async (request, reply) => {
      try {
        const { key } = verifyPresignedObjectUrl(request.url, { secret });
        const { info, body } = await objects.get(key);
        return reply
          .header('content-type', info.contentType ?? 'application/octet-stream')
          .header('content-length', String(info.size))
          .header('x-content-sha256', info.sha256)
          .send(body);
      } catch (error) {
        if (!isPlatformError(error)) throw error;
        return reply.code(error.httpStatus).send({ error: error.message, code: error.code });
      }
    });
  }
  return handle;
}
