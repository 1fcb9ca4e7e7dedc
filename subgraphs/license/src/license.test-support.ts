import { modelOptions, prop } from '@typegoose/typegoose';
import { graphql, type ExecutionResult } from 'graphql';
import { ANONYMOUS, newId, silentLogger, type Principal, type UserPrincipal } from '@grove/platform';
import { createTestRuntime, type TestRuntime, type TransactionalDocumentDriver } from '@grove/testkit';
import { generateLicenseKeyPair, signLicense, type LicenseKeyPair, type LicensePayload } from './license';
import { createLicenseSubgraph, type LicenseSubgraph } from './license.subgraph';
import { DocumentCountUsageSource } from './service/license-usage';

/** A domain collection whose documents the tests count as usage (stands in for app-manage's mini-programs). */
@modelOptions({ schemaOptions: { collection: 'license_test_mini_programs' } })
export class CountedMiniProgramModel {
  @prop({ type: String, required: true })
  _id!: string;

  @prop({ type: String, required: true, enum: ['ACTIVE', 'DELETED'] })
  status!: 'ACTIVE' | 'DELETED';
}

@modelOptions({ schemaOptions: { collection: 'license_test_host_apps' } })
export class CountedHostAppModel {
  @prop({ type: String, required: true })
  _id!: string;
}

export interface Harness {
  runtime: TestRuntime;
  vendor: LicenseKeyPair;
  license: LicenseSubgraph;
  usage: DocumentCountUsageSource;
  dispose(): Promise<void>;
}

/** One vendor key pair per test file: licenses are signed for real and verified with its public key. */
const vendor = generateLicenseKeyPair();

export async function createHarness(
  options: { dataDir?: string; clock?: () => Date; documents?: TransactionalDocumentDriver } = {},
): Promise<Harness> {
  const runtime = await createTestRuntime({ dataDir: options.dataDir, documents: options.documents });
  // miniPrograms and hostApps are counted; concurrentGrayReleases and organizations are not tracked here.
  const usage = new DocumentCountUsageSource(runtime.documents, {
    miniPrograms: { model: CountedMiniProgramModel, filter: { status: 'ACTIVE' } },
    hostApps: { model: CountedHostAppModel },
  });
  const license = await createLicenseSubgraph(runtime, {
    publicKeyPem: vendor.publicKeyPem,
    usage,
    clock: options.clock,
  });
  return { runtime, vendor, license, usage, dispose: () => runtime.dispose() };
}

export async function addMiniPrograms(
  h: Harness,
  count: number,
  status: 'ACTIVE' | 'DELETED' = 'ACTIVE',
): Promise<void> {
  const programs = h.runtime.documents.collection(CountedMiniProgramModel);
  for (let i = 0; i < count; i++) await programs.insertOne({ _id: newId(), status });
}

export function payload(overrides: Partial<LicensePayload> = {}): LicensePayload {
  return {
    licenseId: `acme-${newId()}`,
    licensee: 'Acme Bank',
    issuedAt: '2026-01-01T00:00:00.000Z',
    expiresAt: '2099-01-01T00:00:00.000Z',
    limits: { miniPrograms: 3, hostApps: 2, concurrentGrayReleases: null, organizations: 10 },
    ...overrides,
  };
}

/** A license document as the vendor ships it: pretty-printed JSON text. */
export function signedDocument(p: LicensePayload = payload(), privateKeyPem = vendor.privateKeyPem): string {
  return JSON.stringify(signLicense(p, privateKeyPem), null, 2);
}

function user(userId: string, extra: Partial<UserPrincipal>): UserPrincipal {
  return {
    kind: 'user',
    userId,
    sessionId: `session-${userId}`,
    operatorRoles: [],
    memberships: [],
    ...extra,
  };
}

/** The principals the router forwards after verifying a token. */
export const principals = {
  anonymous: ANONYMOUS as Principal,
  orgMember: user('org-owner', { memberships: [{ orgId: 'org-1', role: 'ORG_OWNER' }] }),
  reviewer: user('reviewer', { operatorRoles: ['OPERATOR_REVIEWER'] }),
  admin: user('admin', { operatorRoles: ['OPERATOR_ADMIN'] }),
};

export function execute(
  h: Harness,
  source: string,
  principal: Principal = ANONYMOUS,
  variableValues?: Record<string, unknown>,
  requestId = 'test',
): Promise<ExecutionResult> {
  return graphql({
    schema: h.license.schema,
    source,
    variableValues,
    contextValue: { principal: { ...principal }, requestId, logger: silentLogger() },
  }) as Promise<ExecutionResult>;
}

export function errorCodes(result: ExecutionResult): string[] {
  return (result.errors ?? []).map((e) =>
    String((e.originalError as { code?: string } | undefined)?.code ?? e.extensions?.code ?? 'INTERNAL'),
  );
}

export function errorDetails(result: ExecutionResult): Record<string, unknown> | undefined {
  return (result.errors?.[0]?.originalError as { details?: Record<string, unknown> } | undefined)?.details;
}

export const LICENSE_QUERY = `{ license { licenseId licensee issuedAt expiresAt expired source installedAt limits { name max used remaining } } }`;
export const INSTALL_MUTATION = `mutation($d: String!) { installLicense(document: $d) { licenseId source limits { name max used remaining } } }`;
export const HISTORY_QUERY = `query($skip: Int, $take: Int) { licenseHistory(skip: $skip, take: $take) {
  total items { id licenseId licensee installedBy valid active issuedAt expiresAt limits { name max } } } }`;
