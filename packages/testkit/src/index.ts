export * from './test-runtime';
export * from './schema-coverage';
