export * from './validation';
export { DomainMiniProgramModel } from './projection';
export {
  createDomainSubgraph,
  createDomainSubgraphFromEnv,
  DOMAIN_CONSUMER_GROUP,
  DOMAIN_SUBGRAPH_NAME,
  type DomainDeps,
  type DomainServices,
  type DomainSubgraph,
} from './domain.subgraph';
export {
  defaultDomainSettings,
  domainEnvSchema,
  domainEnvShape,
  domainSettingsFromConfig,
  DEFAULT_VERIFY_MAX_BYTES,
  DEFAULT_VERIFY_TIMEOUT_MS,
  type DomainConfig,
  type DomainSettings,
} from './config';
export {
  DOMAIN_EVENTS_TOPIC,
  DomainEventType,
  type DomainChange,
  type DomainChangedPayload,
} from './service/domain-events';
export { DomainService, MAX_BUSINESS_DOMAINS } from './service/domain.service';
export { WhitelistService } from './service/whitelist.service';
export type {
  BusinessDomainView,
  MiniProgramDomainsView,
  RuntimeDomains,
  WhitelistDomainView,
} from './service/domain-views';
export { BusinessDomainStatus, BusinessDomainModel, VerificationMethod } from './store/business-domain.model';
export { ServiceDomainsModel } from './store/service-domains.model';
export { toMiniProgramDomainsView } from './service/domain-views';
export {
  createVerificationFetch,
  isPrivateAddress,
  type VerificationFetch,
} from './verification/verification-fetch';
