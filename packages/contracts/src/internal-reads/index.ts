export * from './internal-reads.contract';
export * from './internal-reads.routes';
export * from './internal-reads.http-client';
