import { graphql, type ExecutionResult } from 'graphql';
import {
  ANONYMOUS,
  silentLogger,
  type Principal,
  type SubgraphContext,
  type UserPrincipal,
} from '@grove/platform';
import {
  createTestRuntime,
  eventually,
  type TransactionalDocumentDriver,
  type TestRuntime,
} from '@grove/testkit';
import { createAccountSubgraph, type AccountSubgraph } from './account.subgraph';
import type { AccountSettings } from './config';
import { VALID_CREDIT_CODES } from './service/credit-code.fixtures';

export { VALID_CREDIT_CODES };
export const PASSWORD = 'correct horse 42';

export interface Harness {
  runtime: TestRuntime;
  account: AccountSubgraph;
  dispose(): Promise<void>;
}

/** Real embedded drivers in a temp dir; scrypt cost lowered so the suite stays fast on shared CPUs. */
export async function createHarness(
  options: {
    dataDir?: string;
    settings?: Partial<AccountSettings>;
    clock?: () => Date;
    /** The documents driver (default: SQLite, the embedded profile's). */
    documents?: TransactionalDocumentDriver;
  } = {},
): Promise<Harness> {
  const runtime = await createTestRuntime({ dataDir: options.dataDir, documents: options.documents });
  const account = await createAccountSubgraph(
    runtime,
    { passwordHashCost: 10, ...options.settings },
    { clock: options.clock },
  );
  return { runtime, account, dispose: () => runtime.dispose() };
}

/** Signs in for real and turns the access token back into the principal the router would forward. */
export async function principalFor(
  h: Harness,
  identifier: string,
  password = PASSWORD,
): Promise<UserPrincipal> {
  const auth = await h.account.services.sessions.login({ identifier, password });
  return h.runtime.tokens.verifyAccessToken(auth.accessToken);
}

export async function signUp(h: Harness, email: string, displayName = email.split('@')[0]) {
  return (await h.account.services.identity.signUp({ email, password: PASSWORD, displayName })).user;
}

export function application(creditCode = VALID_CREDIT_CODES[0], name = 'Acme Mini Programs') {
  return {
    name,
    creditCode,
    contactName: 'Li Lei',
    contactPhone: '+86 138 0013 8000',
    contactEmail: 'contact@acme.example',
    licenceDocumentRef: 'netdisk://licences/acme.pdf',
  };
}

/** Signs the bootstrap admin in. */
export async function operatorAdmin(h: Harness): Promise<UserPrincipal> {
  const boot = await h.account.bootstrap();
  if (!boot.password) throw new Error('expected a generated bootstrap password');
  return principalFor(h, boot.email, boot.password);
}

/** A user who owns an APPROVED organization, with a fresh principal that carries the membership. */
export async function approvedOrgOwner(h: Harness, email: string, creditCode: string, admin: Principal) {
  await signUp(h, email);
  const applicant = await principalFor(h, email);
  const org = await h.account.services.organizations.apply(
    applicant,
    application(creditCode, `Org of ${email}`),
  );
  await h.account.services.organizations.approve(admin, org.id);
  return { org, principal: await principalFor(h, email) };
}

export function contextFor(
  principal: Principal = ANONYMOUS,
  extra: Partial<SubgraphContext> = {},
): SubgraphContext {
  // A fresh principal object per request, as the router delivers it (field-level checks memoise per request).
  return { principal: { ...principal } as Principal, requestId: 'test', logger: silentLogger(), ...extra };
}

/** Collects what this subgraph publishes on a topic (fresh consumer group per call). */
export async function recordEvents(
  h: Harness,
  topic: string,
): Promise<Array<{ type: string; key?: string; payload: Record<string, unknown> }>> {
  const seen: Array<{ type: string; key?: string; payload: Record<string, unknown> }> = [];
  await h.runtime.events.subscribe<Record<string, unknown>>(topic, `test-${Math.random()}`, async (event) => {
    seen.push({ type: event.type, key: event.key, payload: event.payload });
  });
  return seen;
}

export { eventually };

export async function execute(
  h: Harness,
  source: string,
  principal: Principal = ANONYMOUS,
  variableValues?: Record<string, unknown>,
): Promise<ExecutionResult> {
  return graphql({ schema: h.account.schema, source, variableValues, contextValue: contextFor(principal) });
}

export function errorCodes(result: ExecutionResult): string[] {
  return (result.errors ?? []).map((e) =>
    String(e.extensions?.code ?? (e.originalError as { code?: string } | undefined)?.code ?? 'INTERNAL'),
  );
}
