import { eventually } from '@grove/testkit';
import {
  OperationLogCsvDocument,
  OperationLogDocument,
  type OperationLogQuery,
} from '../../../schema/generated/graphql';
import { dataOf, errorCodes, execute } from './graphql-client';
import type { E2EPlatform } from './platform-harness';

type Line = OperationLogQuery['operationLog']['items'][number];

export interface OperationLogStoryIds {
  orgId: string;
  appId: string;
  ownerToken: string;
  adminToken: string;
  /** The x-request-id the story sent with createMiniProgram. */
  createRequestId: string;
}

/** Longest wait for the lines to reach the analytics subgraph (outbox → bus → consumer, across processes). */
const CONVERGE_MS = 30_000;

/**
 * The story's step through the router: the operation log of the organization holds one line per change the story
 * made, in every subgraph it touched, with who, what, the target, the request id and the client IP; the refused
 * approveVersion of the owner left none; the owner (an organization owner) reads their organization's log and the
 * CSV export, and is refused another organization's.
 */
export async function checkStoryOperationLog(e2e: E2EPlatform, ids: OperationLogStoryIds): Promise<void> {
  const read = async (token: string, filter: Record<string, unknown>) => {
    const lines: Line[] = [];
    let after: string | null | undefined;
    do {
      const page = dataOf(
        await execute(e2e.url, OperationLogDocument, { filter, take: 50, after }, { token }),
      ).operationLog;
      lines.push(...page.items);
      after = page.nextCursor;
    } while (after);
    return lines;
  };
  const expected = [
    'applyForOrganization',
    'approveOrganization',
    'createMiniProgram',
    'POST /uploads/mini-programs/:appId/versions',
    'approveVersion',
    'publishVersion',
  ];
  const subgraphs = ['account', 'app-manage', 'rule-engine', 'domain', 'sdk'];
  let lines: Line[] = [];
  await eventually(
    async () => {
      lines = await read(ids.adminToken, { organizationId: ids.orgId });
      for (const action of [
        ...expected,
        'createGrayRule',
        'startReleasePlan',
        'setServiceDomains',
        'setSdkConfigOverride',
      ])
        expect(lines.map((l) => l.action)).toContain(action);
    },
    CONVERGE_MS,
    100,
  );
  for (const name of subgraphs) expect(lines.some((l) => l.subgraph === name)).toBe(true);
  // One line per request: no mutation wrote two, and every line carries a request id and the caller's IP.
  expect(new Set(lines.map((l) => l.requestId)).size).toBe(lines.length);
  for (const line of lines)
    expect(line).toMatchObject({
      organizationId: ids.orgId,
      clientIp: expect.stringMatching(/127\.0\.0\.1|::1/),
    });

  const created = lines.filter((l) => l.requestId === ids.createRequestId);
  expect(created).toEqual([
    expect.objectContaining({
      action: 'createMiniProgram',
      subgraph: 'app-manage',
      actorKind: 'user',
      targetType: 'mini-program',
      targetId: ids.appId,
      atomic: true,
    }),
  ]);
  const owner = created[0].actorId;
  expect(owner).toMatch(/^user:/);
  expect(lines.find((l) => l.action === 'POST /uploads/mini-programs/:appId/versions')).toMatchObject({
    actorId: owner,
    targetId: expect.any(String),
    atomic: true,
  });
  // The owner's refused approveVersion wrote nothing: the one line is the operator's (v1; v2 was approved later too).
  const approvals = lines.filter((l) => l.action === 'approveVersion');
  expect(approvals.length).toBeGreaterThanOrEqual(1);
  for (const approval of approvals) expect(approval).toMatchObject({ actorKind: 'operator' });
  expect(approvals.every((a) => a.actorId !== owner)).toBe(true);

  // Filters through the router: by actor and action.
  const mine = await read(ids.adminToken, {
    organizationId: ids.orgId,
    actor: owner,
    action: 'createMiniProgram',
  });
  expect(mine.map((l) => l.requestId)).toEqual([ids.createRequestId]);

  // The organization's owner reads it; another organization's log is refused.
  expect((await read(ids.ownerToken, { target: ids.appId })).map((l) => l.action)).toContain(
    'createMiniProgram',
  );
  const foreign = await execute(
    e2e.url,
    OperationLogDocument,
    { filter: { organizationId: 'another-organization' } },
    { token: ids.ownerToken },
  );
  expect(errorCodes(foreign)).toEqual(['FORBIDDEN']);

  // CSV export of the organization's log: header row, one row per line.
  const csv = dataOf(
    await execute(
      e2e.url,
      OperationLogCsvDocument,
      { filter: { organizationId: ids.orgId } },
      { token: ids.ownerToken },
    ),
  ).operationLogCsv;
  expect(csv.csv.split('\r\n')[0]).toBe(
    'time,actor_kind,actor,organization,action,target_type,target,summary,changes,request_id,client_ip,atomic,id',
  );
  expect(csv.csv).toContain(`,createMiniProgram,mini-program,${ids.appId},`);
  expect(csv.rows).toBeGreaterThanOrEqual(lines.length);
}
