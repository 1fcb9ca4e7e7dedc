import { registerEnumType } from 'type-graphql';
import { BusinessDomainStatus, VerificationMethod } from '../store/business-domain.model';

/** GraphQL names of the service lists; the values are the stored list names. */
export const ServiceDomainKind = {
  REQUEST: 'request',
  SOCKET: 'socket',
  UPLOAD: 'upload',
  DOWNLOAD: 'download',
} as const;
export type ServiceDomainKind = (typeof ServiceDomainKind)[keyof typeof ServiceDomainKind];

registerEnumType(ServiceDomainKind, {
  name: 'ServiceDomainKind',
  description: 'REQUEST, UPLOAD, DOWNLOAD take https://, SOCKET wss://',
});
registerEnumType(BusinessDomainStatus, { name: 'BusinessDomainStatus' });
registerEnumType(VerificationMethod, {
  name: 'BusinessDomainVerificationMethod',
  description: 'FILE: the issued file was served; WHITELIST: operator whitelist',
});

export { BusinessDomainStatus, VerificationMethod };
