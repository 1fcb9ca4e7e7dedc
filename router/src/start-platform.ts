import {
  assertDeployable,
  createLogger,
  createPlatformRuntime,
  loadConfigOrExit,
  objectStoreEnvShape,
  type EnvSource,
  type Logger,
  type PlatformRuntime,
} from '@grove/platform';
import { ANALYTICS_EXPOSURES_TOPIC, ANALYTICS_RAW_EVENTS_TOPIC } from '@grove/contracts';
import { routerEnvSchema, type RouterConfig } from './config';
import { createRouter, type Router } from './create-router';
import { mountSdkRuntime } from './sdk-runtime.mount';
import { createSubgraphModules, type RegisteredSubgraphModule } from './subgraph-registry';
import { uploadProxyRoutesFromEnv } from './upload-proxy.routes';

export interface RunningPlatform {
  config: RouterConfig;
  runtime: PlatformRuntime;
  router: Router;
  modules: RegisteredSubgraphModule[];
  /** The /graphql URL. */
  url: string;
  stop(): Promise<void>;
}

/**
 * `npm start`: the router and, in embedded mode, every registered subgraph in this process on the
 * configured drivers. In distributed mode the subgraphs run as their own services (SUBGRAPH_URLS).
 */
export async function startPlatform(processEnv: EnvSource): Promise<RunningPlatform> {
  const config = loadConfigOrExit(routerEnvSchema, processEnv);
  const env = withPublicObjectUrl(processEnv, config.PORT);
  // Distributed: the router shares documents, events and objects (SDK runtime) with the subgraph services.
  assertDeployable({
    config: {
      ...config,
      OBJECT_STORE_DRIVER:
        objectStoreEnvShape.OBJECT_STORE_DRIVER.safeParse(env.OBJECT_STORE_DRIVER || undefined).data ??
        env.OBJECT_STORE_DRIVER,
    },
    env,
    deployable: 'the router in distributed mode',
    shared: config.SUBGRAPH_MODE === 'distributed',
  });
  const logger = createLogger({
    level: config.LOG_LEVEL,
    pretty: config.LOG_PRETTY ?? config.NODE_ENV === 'development',
  });
  // Accepted analytics reports (and appended exposure batches) survive a crash before the consumer handled them
  // (in-process bus; docs/adr/0010, 0012).
  const runtime = await createPlatformRuntime(config, {
    logger,
    durableTopics: [ANALYTICS_RAW_EVENTS_TOPIC, ANALYTICS_EXPOSURES_TOPIC],
  });
  const modules: RegisteredSubgraphModule[] = [];
  try {
    if (config.SUBGRAPH_MODE === 'embedded') {
      modules.push(...(await createSubgraphModules(runtime, env)));
      for (const module of modules) {
        if (module.bootstrap) reportBootstrap(module.name, await module.bootstrap(), logger);
      }
    }
    const router = await createRouter({
      config,
      runtime,
      modules,
      uploadRoutes: uploadProxyRoutesFromEnv(env),
    });
    const sdkRuntime = await mountSdkRuntime(
      router.app,
      runtime,
      modules,
      env,
      {
        consumeClient: (ip) => router.rateLimits.consumeIp(ip),
        consumeHostApp: (hostAppId) => router.rateLimits.consumeHostApp(hostAppId),
      },
      config.SUBGRAPH_MODE === 'distributed'
        ? { subgraphUrls: config.SUBGRAPH_URLS ?? {}, timeoutMs: config.SUBGRAPH_TIMEOUT_MS }
        : undefined,
    );
    router.metrics.trackExposures(sdkRuntime.exposures);
    const url = await router.listen();
    return {
      config,
      runtime,
      router,
      modules,
      url,
      async stop() {
        await router.close();
        await Promise.all(modules.map((m) => m.close?.()));
        await runtime.close();
      },
    };
  } catch (error) {
    await Promise.all(modules.map((m) => m.close?.().catch(() => undefined)));
    await runtime.close().catch(() => undefined);
    throw error;
  }
}

interface BootstrapReport {
  created?: boolean;
  email?: string;
  passwordFile?: string;
}

/** Tells the operator where the first admin's credentials are, never the password itself. */
function reportBootstrap(subgraph: string, result: unknown, logger: Logger): void {
  if (!result || typeof result !== 'object') return;
  const { created, email, passwordFile } = result as BootstrapReport;
  if (!created) {
    logger.info({ subgraph, email }, 'bootstrap: operator admin already exists');
  } else if (passwordFile) {
    logger.warn(
      { subgraph, email, passwordFile },
      `bootstrap: created operator admin ${email}; its generated password is in ${passwordFile}`,
    );
  } else {
    logger.warn(
      { subgraph, email },
      `bootstrap: created operator admin ${email} with the password from BOOTSTRAP_ADMIN_PASSWORD`,
    );
  }
}

/**
 * Signed download links of the fs object store point at the router, which serves `/objects/...`: unless
 * OBJECT_STORE_PUBLIC_URL says otherwise, at `http://localhost:<PORT>` (not the default port when PORT moved it).
 */
export function withPublicObjectUrl(env: EnvSource, port: number): EnvSource {
  if (env.OBJECT_STORE_PUBLIC_URL || port === 0) return env;
  return { ...env, OBJECT_STORE_PUBLIC_URL: `http://localhost:${port}` };
}
