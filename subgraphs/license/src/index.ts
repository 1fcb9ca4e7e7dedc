export * from './license';
