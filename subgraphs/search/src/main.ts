import 'reflect-metadata';
import { runSubgraphService } from '@grove/platform';
import { searchEnvSchema, searchSettingsFromConfig } from './config';
import { catalogueReadsFor, createSearchSubgraph } from './search.subgraph';

/** Distributed mode: the search subgraph as its own service on SEARCH_PORT (4108), reading app-manage and account over HTTP. */
runSubgraphService({
  name: 'search',
  schema: searchEnvSchema,
  address: (config) => ({ host: config.SEARCH_HOST, port: config.SEARCH_PORT }),
  build: (runtime, config) =>
    createSearchSubgraph(runtime, {
      reads: catalogueReadsFor(runtime, config, []),
      settings: searchSettingsFromConfig(config),
    }),
});
