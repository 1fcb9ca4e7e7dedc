import 'reflect-metadata';
import { ConfigError, readServiceEnv } from '@grove/platform';
import { startPlatform } from './start-platform';

/** `npm start`: one process, router plus embedded subgraphs (or the router alone in distributed mode). */
async function main(): Promise<void> {
  const { env, envFile } = readServiceEnv();
  const platform = await startPlatform(env);
  const logger = platform.runtime.logger;
  if (envFile) logger.info({ envFile }, 'variables loaded from the env file (the process environment wins)');
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // A stuck drain must not keep the process alive forever.
    const force = setTimeout(() => {
      logger.error('graceful shutdown timed out');
      process.exit(1);
    }, 15_000);
    force.unref();
    try {
      await platform.stop();
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
    process.exit(78);
  }
  console.error(error);
  process.exit(1);
});
