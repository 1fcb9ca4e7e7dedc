import 'reflect-metadata';
import { buildSubgraph, type PlatformRuntime, type SubgraphModule } from '@grove/platform';
import {
  registerCatalogueReadRoutes,
  registerRuntimeReadRoutes,
  type CatalogueReadsOf,
  type RuntimeReadsOf,
} from '@grove/contracts';
import { accountCatalogueReads } from './http/catalogue-reads';
import { accountRuntimeReads } from './http/runtime-reads';
import { defaultAccountSettings, type AccountSettings } from './config';
import { MemberResolver } from './resolvers/member.resolver';
import { OrganizationResolver } from './resolvers/organization.resolver';
import { SessionResolver } from './resolvers/session.resolver';
import { UserResolver, ViewerResolver } from './resolvers/user.resolver';
import { AccountAccess } from './service/account-access';
import { AuthorizationRevocations } from './service/authorization-revocations';
import { AccountEvents } from './service/account-events';
import { IdentityService, type BootstrapResult } from './service/identity.service';
import { InvitationRedeemer } from './service/invitation-redeemer';
import { MemberService } from './service/member.service';
import { OrganizationService, type OrganizationLicenseGuard } from './service/organization.service';
import { PasswordWorkQueue, QueuedPasswordHasher } from './service/password-work.queue';
import { SessionService } from './service/session.service';
import { InvitationStore } from './store/invitation.store';
import { MembershipStore } from './store/membership.store';
import { OrganizationStore } from './store/organization.store';
import { SessionStore } from './store/session.store';
import { UserStore } from './store/user.store';

export const ACCOUNT_SUBGRAPH_NAME = 'account';

export interface AccountServices {
  identity: IdentityService;
  organizations: OrganizationService;
  members: MemberService;
  sessions: SessionService;
}

export interface AccountSubgraph extends SubgraphModule {
  /** Creates the first OPERATOR_ADMIN on first start; a no-op afterwards. */
  bootstrap(): Promise<BootstrapResult>;
  /** The domain services, for in-process callers and tests (authorization is inside each method). */
  services: AccountServices;
  /** The bounded queue every password hash of this process goes through. */
  passwordWork: PasswordWorkQueue;
  /** What the SDK runtime reads from account (in process, or over the internal route when standalone). */
  runtimeReads: RuntimeReadsOf<'account'>;
  /** What the search index reads from account. */
  catalogueReads: CatalogueReadsOf<'account'>;
}

/** Assembles stores, services and resolvers of the account subgraph over a platform runtime. */
export async function createAccountSubgraph(
  runtime: PlatformRuntime,
  config: Partial<AccountSettings> = {},
  deps: { license?: OrganizationLicenseGuard; clock?: () => Date } = {},
): Promise<AccountSubgraph> {
  const settings: AccountSettings = { ...defaultAccountSettings, ...stripUndefined(config) };
  const logger = runtime.logger.child({ subgraph: ACCOUNT_SUBGRAPH_NAME });

  const users = new UserStore(runtime.documents);
  const orgs = new OrganizationStore(runtime.documents);
  const memberships = new MembershipStore(runtime.documents);
  const invitations = new InvitationStore(runtime.documents);
  const sessionStore = new SessionStore(runtime.documents);

  const revocations = new AuthorizationRevocations(
    runtime.authorization,
    memberships,
    logger.child({ component: 'revocations' }),
  );
  const events = new AccountEvents(
    runtime.outbox(ACCOUNT_SUBGRAPH_NAME),
    logger.child({ component: 'events' }),
    revocations,
  );
  const access = new AccountAccess(users, memberships);
  // Every scrypt of this process (logins, sign-ups, password changes) shares one bounded queue.
  const passwordWork = new PasswordWorkQueue({
    concurrency: settings.passwordHashConcurrency,
    maxQueued: settings.passwordHashQueue,
  });
  const hasher = new QueuedPasswordHasher(settings.passwordHashCost, passwordWork);
  const clock = deps.clock ?? (() => new Date());
  const redeemer = new InvitationRedeemer(invitations, memberships, orgs, events, clock);

  const sessions = new SessionService(
    runtime,
    users,
    sessionStore,
    memberships,
    orgs,
    access,
    hasher,
    events,
    {
      maxFailures: settings.loginMaxFailures,
      failureWindowSec: settings.loginFailureWindowSec,
      lockSec: settings.loginLockSec,
      refreshTokenTtlSec: runtime.config.REFRESH_TOKEN_TTL_SEC,
      maxDelaySec: settings.loginMaxDelaySec,
      ipPoints: settings.loginIpPoints,
      ipWindowSec: settings.loginIpWindowSec,
    },
  );
  const identity = new IdentityService(
    users,
    memberships,
    access,
    hasher,
    redeemer,
    sessions,
    events,
    logger.child({ component: 'identity' }),
  );
  const organizations = new OrganizationService(orgs, memberships, access, events, deps.license);
  const members = new MemberService(
    memberships,
    invitations,
    orgs,
    users,
    access,
    redeemer,
    events,
    settings.invitationTtlSec,
    clock,
  );

  const module = await buildSubgraph({
    name: ACCOUNT_SUBGRAPH_NAME,
    operationLog: runtime.outbox(ACCOUNT_SUBGRAPH_NAME),
    resolvers: [UserResolver, ViewerResolver, OrganizationResolver, MemberResolver, SessionResolver],
    instances: [
      new UserResolver(identity),
      new ViewerResolver(identity),
      new OrganizationResolver(organizations),
      new MemberResolver(members, identity, organizations),
      new SessionResolver(sessions),
    ],
    batchReferenceResolvers: {
      User: (refs) => identity.referenceMany(refs.map((ref) => String(ref.id))),
      Organization: (refs) => organizations.referenceMany(refs.map((ref) => String(ref.id))),
    },
  });

  const runtimeReads = accountRuntimeReads(organizations);
  const catalogueReads = accountCatalogueReads(organizations);
  return {
    ...module,
    services: { identity, organizations, members, sessions },
    runtimeReads,
    catalogueReads,
    registerInternalRoutes: async (app, context) => {
      await registerRuntimeReadRoutes(app, context, runtimeReads);
      await registerCatalogueReadRoutes(app, context, catalogueReads);
    },
    passwordWork,
    ready: () => runtime.documents.ping(),
    bootstrap: () =>
      identity.bootstrap({
        email: settings.bootstrapAdminEmail,
        password: settings.bootstrapAdminPassword,
        dataDir: runtime.config.DATA_DIR,
      }),
  };
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
