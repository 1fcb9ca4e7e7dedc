import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppManageSubgraph } from '@grove/app-manage';
import type { DomainSubgraph } from '@grove/domain';
import type { RuleEngineSubgraph } from '@grove/rule-engine';
import type { SdkSubgraph } from '@grove/sdk';
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
  type SubgraphModule,
} from '@grove/platform';
import {
  registerSdkRuntimeRoutes,
  runtimeSourcesFromModules,
  sdkRuntimeEnvSchema,
  sdkRuntimeOptionsFromConfig,
} from '@grove/sdk-runtime';

const objectStoreEnvSchema = z.object({ ...platformEnvShape, ...objectStoreEnvShape });

/**
 * Embedded mode: the SDK runtime REST API (`/runtime/v1/...`) and the signed download links of the
 * filesystem object store (`/objects/...`) on the router's server, next to `/graphql`. Needs the
 * app-manage, rule-engine, domain and sdk modules in this process; returns false when they are not.
 */
export async function mountSdkRuntime(
  app: FastifyInstance,
  runtime: PlatformRuntime,
  modules: SubgraphModule[],
  env: EnvSource,
): Promise<boolean> {
  const byName = new Map(modules.map((m) => [m.name, m]));
  const appManage = byName.get('app-manage') as AppManageSubgraph | undefined;
  const ruleEngine = byName.get('rule-engine') as RuleEngineSubgraph | undefined;
  const domain = byName.get('domain') as DomainSubgraph | undefined;
  const sdk = byName.get('sdk') as SdkSubgraph | undefined;
  if (!appManage || !ruleEngine || !domain || !sdk) return false;

  // The same store (same root and link secret) the subgraphs write packages and libraries to.
  const objectConfig = loadConfig(objectStoreEnvSchema, env);
  const objects = await createObjectStore(objectStoreOptionsFromConfig(objectConfig));
  app.addHook('onClose', async () => objects.close());

  await registerSdkRuntimeRoutes(
    app,
    { runtime, objects, sources: runtimeSourcesFromModules({ appManage, ruleEngine, domain, sdk }) },
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
  return true;
}
