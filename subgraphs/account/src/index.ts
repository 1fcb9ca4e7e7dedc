export {
  createAccountSubgraph,
  ACCOUNT_SUBGRAPH_NAME,
  type AccountSubgraph,
  type AccountServices,
} from './account.subgraph';
export {
  accountEnvSchema,
  accountEnvShape,
  accountSettingsFromConfig,
  defaultAccountSettings,
  DEFAULT_BOOTSTRAP_ADMIN_EMAIL,
  type AccountConfig,
  type AccountSettings,
} from './config';
export { AccountTopic } from './service/account-events';
export { isValidCreditCode, creditCodeCheckCharacter, normaliseCreditCode } from './service/credit-code';
export { normaliseEmail, normalisePhone } from './service/identifiers';
export {
  BOOTSTRAP_PASSWORD_FILE,
  type BootstrapResult,
  type Viewer,
  type SignUpResult,
  type CreateOperatorResult,
} from './service/identity.service';
export type { AuthResult, ClientInfo } from './service/session.service';
export type { InvitationResult } from './service/member.service';
export type { OrganizationPage } from './service/organization.service';
export { OrganizationStatus, OrganizationModel } from './store/organization.model';
export { UserModel } from './store/user.model';
export { MembershipModel } from './store/membership.model';
export type { UserView, OrganizationView, MemberView, InvitationView, SessionView } from './store/views';
