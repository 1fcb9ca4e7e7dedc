export { routerEnvSchema, routerEnvShape, subgraphUrls, type RouterConfig } from './config';
export { createRouter, readSupergraph, type CreateRouterOptions, type Router } from './create-router';
export { startPlatform, type RunningPlatform } from './start-platform';
export {
  composeSchemas,
  composeSupergraph,
  defaultSubgraphUrl,
  type ComposedSchemas,
  type SubgraphSdl,
} from './compose-supergraph';
export {
  subgraphFactories,
  createSubgraphModules,
  type SubgraphFactory,
  type RegisteredSubgraphModule,
} from './subgraph-registry';
export { EmbeddedSubgraphDataSource } from './embedded-subgraph.data-source';
export { RemoteSubgraphDataSource } from './remote-subgraph.data-source';
export { RouterMetrics, type RejectionReason, type RequestOutcome } from './router-metrics';
export type { RouterContext } from './router-context';
export { RouterRequestContext, RequestState } from './router-context';
export { createRouterTracing, type RouterTracing } from './tracing';
