// The cipher lives in the platform kit: the SDK runtime seals the same secrets in its shared cache.
export { MIN_SECRET_KEY_LENGTH, SecretCipher } from '@grove/platform';
