import { join } from 'node:path';
import { createDocumentStore } from '../documents';
import { createKeyValueStore, createRedisConnection } from '../cache';
import { createRateLimiterFactory } from '../rate-limit';
import { createEventBus, EVENT_JOURNAL_FILE, eventBusOptionsFromConfig } from '../events';
import { TransactionalOutbox } from '../outbox/transactional-outbox';
import { TokenService } from '../auth/token.service';
import { AuthorizationEpochs } from '../auth/authorization-epochs';
import { loadOrCreateLocalSecret } from '../auth/local-secrets';
import type { PlatformConfig } from '../config/platform-config';
import { DependencyFallbacks } from './dependency-fallbacks';
import type { CreatePlatformRuntimeOptions, PlatformRuntime } from './platform-runtime';

/** Builds every driver from configuration. Production drivers are only loaded when selected. */
export async function createPlatformRuntime(
  config: PlatformConfig,
  options: CreatePlatformRuntimeOptions,
): Promise<PlatformRuntime> {
  const logger = options.logger;
  const documents = await createDocumentStore({
    driver: config.DOCUMENTS_DRIVER,
    dataDir: join(config.DATA_DIR),
    inMemory: options.inMemoryDocuments,
    mongodbUrl: config.MONGODB_URL,
    postgresUrl: config.POSTGRES_URL,
    logger: logger.child({ component: 'documents' }),
  });
  const redis =
    config.CACHE_DRIVER === 'redis'
      ? createRedisConnection({
          redisUrl: config.REDIS_URL,
          redisClusterNodes: config.REDIS_CLUSTER_NODES,
          connectTimeoutMs: config.REDIS_CONNECT_TIMEOUT_MS,
          commandTimeoutMs: config.REDIS_COMMAND_TIMEOUT_MS,
          autoPipelining: true,
        })
      : undefined;
  // Degraded mode without the cache store (docs/resilience.md): callers that can do without it count here.
  const fallbacks = new DependencyFallbacks(logger.child({ component: 'degraded-mode' }));
  const kv = createKeyValueStore({
    driver: config.CACHE_DRIVER,
    redis,
    keyPrefix: config.REDIS_KEY_PREFIX,
  });
  const rateLimits = createRateLimiterFactory({
    driver: config.CACHE_DRIVER,
    redis,
    keyPrefix: `${config.REDIS_KEY_PREFIX}rl:`,
    onFallback: (bucket, error) => fallbacks.record('cache', `rate_limit_${bucket}`, error),
  });
  const events = await createEventBus({
    ...eventBusOptionsFromConfig(config),
    // The redis bus shares the cache connection when there is one (its blocking reads use their own).
    redis,
    logger: logger.child({ component: 'events' }),
    durableTopics: options.durableTopics,
    journalPath: join(config.DATA_DIR, EVENT_JOURNAL_FILE),
  });
  const outboxes = new Map<string, TransactionalOutbox>();
  const outbox = (source: string): TransactionalOutbox => {
    let found = outboxes.get(source);
    if (!found) {
      found = new TransactionalOutbox({
        documents,
        bus: events,
        source,
        logger: logger.child({ component: 'outbox', source }),
      });
      outboxes.set(source, found);
      // The first sweep publishes what a crash left behind; errors are logged inside.
      void found.start();
    }
    return found;
  };
  const secret =
    config.JWT_SECRET ??
    (config.JWT_ALGORITHM === 'HS256' ? loadOrCreateLocalSecret(config.DATA_DIR, 'jwt') : undefined);
  const tokens = await TokenService.create({
    algorithm: config.JWT_ALGORITHM,
    secret,
    privateKeyPem: config.JWT_PRIVATE_KEY,
    publicKeyPem: config.JWT_PUBLIC_KEY,
    issuer: config.JWT_ISSUER,
    accessTokenTtlSec: config.ACCESS_TOKEN_TTL_SEC,
    internalSecret: config.INTERNAL_TOKEN_SECRET ?? loadOrCreateLocalSecret(config.DATA_DIR, 'internal'),
  });

  return {
    config,
    logger,
    documents,
    kv,
    rateLimits,
    events,
    outbox,
    tokens,
    fallbacks,
    authorization: new AuthorizationEpochs(kv, {
      accessTokenTtlSec: config.ACCESS_TOKEN_TTL_SEC,
      logger: logger.child({ component: 'authorization' }),
    }),
    async ready() {
      await Promise.all([documents.ping(), kv.ping(), events.ping()]);
    },
    async close() {
      // Outboxes first: their in-flight publishes and marks need the bus and the documents.
      await Promise.all([...outboxes.values()].map((entry) => entry.close()));
      await events.close();
      await kv.close();
      await documents.close();
      if (redis) await redis.quit().catch(() => undefined);
    },
  };
}
