import 'reflect-metadata';
import {
  createLogger,
  createPlatformRuntime,
  loadConfigOrExit,
  readProcessEnv,
  serveSubgraph,
} from '@grove/platform';
import { licenseEnvSchema, licensePublicKeyFromConfig } from './config';
import { createLicenseSubgraph } from './license.subgraph';
import { DocumentCountUsageSource } from './service/license-usage';

/** Distributed mode: the license subgraph as its own service. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(licenseEnvSchema, readProcessEnv());
  const logger = createLogger({
    level: config.LOG_LEVEL,
    pretty: config.LOG_PRETTY ?? config.NODE_ENV === 'development',
    name: 'license',
  });
  const runtime = await createPlatformRuntime(config, { logger });
  // The counted collections belong to other domains; until they register counters here, usage shows as unknown.
  const usage = new DocumentCountUsageSource(runtime.documents, {});
  const module = await createLicenseSubgraph(runtime, {
    publicKeyPem: licensePublicKeyFromConfig(config),
    usage,
  });
  const server = await serveSubgraph({
    module,
    tokens: runtime.tokens,
    logger,
    host: config.LICENSE_HOST,
    port: config.LICENSE_PORT,
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping');
    await server.stop();
    await runtime.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
