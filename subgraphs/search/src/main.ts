import 'reflect-metadata';
import { runSubgraphService } from '@grove/platform';
import { searchEnvSchema } from './config';
import { createSearchSubgraphFromConfig } from './search.subgraph';

/** Distributed mode: the search subgraph as its own service on SEARCH_PORT (4108), reading app-manage and account over HTTP. */
runSubgraphService({
  name: 'search',
  schema: searchEnvSchema,
  address: (config) => ({ host: config.SEARCH_HOST, port: config.SEARCH_PORT }),
  // The configured engine (embedded or Elasticsearch), and without SEARCH_CONSUMER_GROUP an index slot's group.
  build: (runtime, config) => createSearchSubgraphFromConfig(runtime, config, []),
});
