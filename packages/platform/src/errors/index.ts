export * from './platform-errors';
