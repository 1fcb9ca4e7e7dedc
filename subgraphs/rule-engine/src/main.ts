import 'reflect-metadata';
import { createLogger, createPlatformRuntime, loadConfigOrExit, readProcessEnv, serveSubgraph } from '@grove/platform';
import { ruleEngineEnvSchema, ruleEngineSettingsFromConfig } from './config';
import { createRuleEngineSubgraph } from './rule-engine.subgraph';

/**
 * Distributed mode: the rule-engine subgraph as its own service on RULE_ENGINE_PORT (4106). Without a license guard
 * here, concurrent gray releases are not license-limited; the embedded router passes the license subgraph's guard.
 */
async function main(): Promise<void> {
  const config = loadConfigOrExit(ruleEngineEnvSchema, readProcessEnv());
  const logger = createLogger({ level: config.LOG_LEVEL, pretty: config.LOG_PRETTY ?? config.NODE_ENV === 'development', name: 'rule-engine' });
  const runtime = await createPlatformRuntime(config, { logger });
  const module = await createRuleEngineSubgraph(runtime, { settings: ruleEngineSettingsFromConfig(config) });
  const server = await serveSubgraph({ module, tokens: runtime.tokens, logger, host: config.RULE_ENGINE_HOST, port: config.RULE_ENGINE_PORT });

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
