export * from './test-runtime';
