export * from './platform-runtime';
export * from './create-platform-runtime';
