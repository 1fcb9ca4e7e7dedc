import { z } from 'zod';
import {
  ConfigError,
  envBoolean,
  loadConfigOrExit,
  readServiceEnv,
  type EnvSource,
} from '../config/config-loader';
import { assertDeployable } from '../config/deployment-safety';
import type { PlatformConfig } from '../config/platform-config';
import { createLogger } from '../logging/logger';
import { createPlatformRuntime } from '../runtime/create-platform-runtime';
import type { PlatformRuntime } from '../runtime/platform-runtime';
import { createTracing } from '../tracing/tracing';
import type { SubgraphModule } from './build-subgraph';
import { operationLimitsEnvShape } from './operation-limits';
import { serveSubgraph } from './serve-subgraph';

/** Variables every standalone subgraph reads on top of its own schema (who may call it, and the limits of direct callers). */
export const subgraphServiceEnvShape = {
  SUBGRAPH_ACCEPT_USER_TOKENS: envBoolean.default(false),
  ...operationLimitsEnvShape,
};

export interface SubgraphServiceOptions<S extends z.ZodType<PlatformConfig>> {
  /** Logger name and the subgraph's name. */
  name: string;
  /** The subgraph's own env schema (platform variables included). */
  schema: S;
  /** Where to listen, from the parsed configuration. */
  address(config: z.infer<S>): { host: string; port: number };
  /** Builds the module; one-time setup (`bootstrap`) runs before the server listens. */
  build(
    runtime: PlatformRuntime,
    config: z.infer<S>,
    env: EnvSource,
  ): Promise<SubgraphModule & { bootstrap?: () => Promise<unknown> }>;
}

/**
 * Distributed mode entry point shared by every subgraph's `main.ts`: configuration (all errors at once,
 * then exit), one root logger, tracing as `grove-<name>`, the configured drivers, the module on its own
 * port, and a graceful stop on SIGINT/SIGTERM (server, module, tracing, drivers).
 */
export function runSubgraphService<S extends z.ZodType<PlatformConfig>>(
  options: SubgraphServiceOptions<S>,
): void {
  const start = async () => {
    const { env, envFile } = readServiceEnv();
    const config = loadConfigOrExit(options.schema, env);
    const service = loadConfigOrExit(z.object(subgraphServiceEnvShape), env);
    // A standalone subgraph shares its data with the router and other replicas: no embedded-only drivers.
    assertDeployable({
      config: config as PlatformConfig & { OBJECT_STORE_DRIVER?: string },
      env,
      deployable: `the standalone ${options.name} subgraph`,
      shared: true,
    });
    const logger = createLogger({
      level: config.LOG_LEVEL,
      pretty: config.LOG_PRETTY ?? config.NODE_ENV === 'development',
      name: options.name,
    });
    if (envFile)
      logger.info({ envFile }, 'variables loaded from the env file (the process environment wins)');
    const tracing = createTracing(
      { serviceName: `grove-${options.name}`, otlpEndpoint: config.OTEL_EXPORTER_OTLP_ENDPOINT },
      logger,
    );
    const runtime = await createPlatformRuntime(config, { logger });
    const module = await options.build(runtime, config, env);
    await module.bootstrap?.();
    const server = await serveSubgraph({
      module,
      tokens: runtime.tokens,
      logger,
      tracer: tracing.tracer,
      authorization: runtime.authorization,
      acceptUserTokens: service.SUBGRAPH_ACCEPT_USER_TOKENS,
      operationLimits: {
        maxDepth: service.MAX_DEPTH,
        maxAliases: service.MAX_ALIASES,
        maxCost: service.MAX_COST,
        maxTokens: service.MAX_TOKENS,
        maxIntrospectionDepth: service.MAX_INTROSPECTION_DEPTH,
      },
      ...options.address(config),
    });

    let stopping = false;
    const stop = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.info({ signal }, 'stopping');
      await server.stop(); // closes the module too
      await tracing.shutdown(); // flushes the last spans
      await runtime.close();
      process.exit(0);
    };
    process.on('SIGINT', () => void stop('SIGINT'));
    process.on('SIGTERM', () => void stop('SIGTERM'));
  };
  start().catch((error: unknown) => {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(78); // EX_CONFIG, like loadConfigOrExit
    }
    console.error(error);
    process.exit(1);
  });
}
