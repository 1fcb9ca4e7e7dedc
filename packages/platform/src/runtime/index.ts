export * from './platform-runtime';
export * from './create-platform-runtime';
export * from './dependency-fallbacks';
