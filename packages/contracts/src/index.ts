export * from './event-contract';
export * from './app-manage.events';
export * from './rule-engine.events';
export * from './domain.events';
export * from './sdk.events';
export * from './account.events';
export * from './mini-program-ownership';
export * from './license';
