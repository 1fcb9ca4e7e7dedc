export * from './config-loader';
export * from './platform-config';
export * from './deployment-safety';
