export * from './test-runtime';
export * from './redis-probe';
export * from './eventually';
export * from './authorization-matrix';
export * from './outbox-relay';
export * from './pages';
export * from './test-database';
export * from './operation-log-lines';
