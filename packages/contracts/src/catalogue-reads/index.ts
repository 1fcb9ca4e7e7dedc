export * from './catalogue-reads.contract';
export * from './catalogue-reads.routes';
export * from './catalogue-reads.http-client';
