export * from './build-subgraph';
export * from './subgraph-context';
export * from './subgraph-auth';
export * from './serve-subgraph';
export * from './run-subgraph-service';
export * from './upload-body';
export * from './operation-limits';
export * from './operation-cost';
