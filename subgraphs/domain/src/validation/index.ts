export {
  DOMAIN_LIST_KINDS,
  MAX_DOMAINS_PER_LIST,
  normalizeServiceDomain,
  validateDomainList,
  type DomainEntryCheck,
  type DomainListKind,
  type DomainProblem,
} from './domain-list.validator';
export { checkPublicHostname, isIpLiteral, type HostnameCheck } from './hostname';
export {
  checkVerification,
  issueVerificationFile,
  normalizeBusinessDomain,
  type CheckVerificationInput,
  type VerificationFailure,
  type VerificationFile,
  type VerificationResult,
} from './business-domain.verifier';
