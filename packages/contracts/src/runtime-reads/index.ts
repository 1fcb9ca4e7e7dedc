export * from './runtime-reads.contract';
export * from './runtime-reads.routes';
