import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { ACCOUNT_SUBGRAPH_NAME, OrganizationModel, type AccountSubgraph } from '@grove/account';
import { appManageEnvShape, LOCAL_SECRET_KEY_NAME, SecretCipher, type AppManageSubgraph } from '@grove/app-manage';
import type { DomainSubgraph } from '@grove/domain';
import type { RuleEngineSubgraph } from '@grove/rule-engine';
import type { SdkSubgraph } from '@grove/sdk';
import {
  createObjectStore,
  isPlatformError,
  loadConfig,
  loadOrCreateLocalSecret,
  objectStoreEnvShape,
  objectStoreOptionsFromConfig,
  OBJECT_URL_PATH,
  platformEnvShape,
  verifyPresignedObjectUrl,
  type EnvSource,
  type PlatformRuntime,
  type SubgraphModule,
} from '@grove/platform';
import {
  registerSdkRuntimeRoutes,
  runtimeSourcesFromDocuments,
  runtimeSourcesFromModules,
  sdkRuntimeEnvSchema,
  sdkRuntimeOptionsFromConfig,
  type RuntimeRateLimits,
  type OrganizationFrozenSource,
  type RuntimeSources,
} from '@grove/sdk-runtime';

const objectStoreEnvSchema = z.object({ ...platformEnvShape, ...objectStoreEnvShape });

/** app-manage's key for SDK secrets at rest: the document-backed sources decrypt with the same one. */
const secretKeyEnvSchema = z
  .object({ ...platformEnvShape, APP_SECRET_ENCRYPTION_KEY: appManageEnvShape.APP_SECRET_ENCRYPTION_KEY })
  .superRefine((config, ctx) => {
    if (config.NODE_ENV === 'production' && !config.APP_SECRET_ENCRYPTION_KEY) {
      ctx.addIssue({ code: 'custom', path: ['APP_SECRET_ENCRYPTION_KEY'], message: 'required in production (the SDK runtime verifies SDK signatures)' });
    }
  });

/**
 * Whether an organization is frozen (issue 7 item 4), from account: its service when the module runs in this
 * process, else its collection in the shared document store.
 */
export function organizationFrozenSource(runtime: PlatformRuntime, modules: SubgraphModule[]): OrganizationFrozenSource {
  const account = modules.find((m) => m.name === ACCOUNT_SUBGRAPH_NAME) as AccountSubgraph | undefined;
  if (account) return async (orgId) => (await account.services.organizations.reference(orgId))?.frozen === true;
  const orgs = runtime.documents.collection(OrganizationModel);
  return async (orgId) => (await orgs.findOne({ _id: orgId }))?.frozen === true;
}

/**
 * Where the runtime reads from: the in-process subgraph modules when all four are here (embedded mode), else
 * the owning subgraphs' collections in the shared document store (distributed mode).
 */
function runtimeSources(runtime: PlatformRuntime, modules: SubgraphModule[], env: EnvSource): RuntimeSources {
  const byName = new Map(modules.map((m) => [m.name, m]));
  const appManage = byName.get('app-manage') as AppManageSubgraph | undefined;
  const ruleEngine = byName.get('rule-engine') as RuleEngineSubgraph | undefined;
  const domain = byName.get('domain') as DomainSubgraph | undefined;
  const sdk = byName.get('sdk') as SdkSubgraph | undefined;
  const organizationFrozen = organizationFrozenSource(runtime, modules);
  if (appManage && ruleEngine && domain && sdk) return runtimeSourcesFromModules({ appManage, ruleEngine, domain, sdk, organizationFrozen });
  // Same fallback as app-manage: outside production a key generated once under the shared DATA_DIR.
  const key = loadConfig(secretKeyEnvSchema, env).APP_SECRET_ENCRYPTION_KEY ?? loadOrCreateLocalSecret(runtime.config.DATA_DIR, LOCAL_SECRET_KEY_NAME);
  return runtimeSourcesFromDocuments(runtime.documents, { secretCipher: new SecretCipher(key), organizationFrozen });
}

/**
 * The SDK runtime REST API (`/runtime/v1/...`) and the signed download links of the filesystem object store
 * (`/objects/...`) on the router's server, next to `/graphql`, in both modes: over the subgraph modules when they
 * run in this process, else over the shared document store.
 */
export async function mountSdkRuntime(
  app: FastifyInstance,
  runtime: PlatformRuntime,
  modules: SubgraphModule[],
  env: EnvSource,
  /** The router's buckets: per IP first, per host app once a request's signature is verified. */
  limits?: RuntimeRateLimits,
): Promise<void> {
  const sources = runtimeSources(runtime, modules, env);

  // The same store (same root and link secret) the subgraphs write packages and libraries to.
  const objectConfig = loadConfig(objectStoreEnvSchema, env);
  const objects = await createObjectStore(objectStoreOptionsFromConfig(objectConfig));
  app.addHook('onClose', async () => objects.close());

  await registerSdkRuntimeRoutes(app, { runtime, objects, sources, limits }, sdkRuntimeOptionsFromConfig(loadConfig(sdkRuntimeEnvSchema, env)));

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
}
