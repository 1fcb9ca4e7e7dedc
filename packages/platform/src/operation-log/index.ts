export * from './operation-log';
