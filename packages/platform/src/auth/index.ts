export * from './principal';
export * from './access-policy';
export * from './token.service';
export * from './local-secrets';
export * from './authorization-epochs';
export * from './secret-cipher';
