import 'reflect-metadata';
import { runSubgraphService } from '@grove/platform';
import { analyticsEnvSchema, analyticsSettingsFromConfig } from './config';
import { createAnalyticsSubgraph } from './analytics.subgraph';

/** Distributed mode: the analytics subgraph (report consumer, rollups, queries) as its own service on ANALYTICS_PORT (4107). */
runSubgraphService({
  name: 'analytics',
  schema: analyticsEnvSchema,
  address: (config) => ({ host: config.ANALYTICS_HOST, port: config.ANALYTICS_PORT }),
  build: (runtime, config) =>
    createAnalyticsSubgraph(runtime, { settings: analyticsSettingsFromConfig(config) }),
});
