export * from './config-loader';
export * from './platform-config';
