import type { GraphQLResolveInfo } from 'graphql';
import type { Principal } from '../auth/principal';
import { ScopedAsyncStorage } from '../runtime/scoped-async-storage';

/** Topic of the operation log (docs/adr/0013-operation-log.md); @grove/contracts holds its payload schema. */
export const OPERATION_LOG_TOPIC = 'operations.log';
export const OPERATION_RECORDED = 'operation.recorded';
/** Longest summary stored; a longer one is cut and ends with `…`. */
export const OPERATION_SUMMARY_MAX = 1_000;

/** Who did it, as the operation log records it. */
export type OperationActorKind = 'user' | 'operator' | 'apiClient' | 'hostApp' | 'anonymous';

/** The payload of `operation.recorded` (version 1). */
export interface OperationRecordedPayload {
  /** The mutation (GraphQL field name), e.g. `freezeMiniProgram`. */
  action: string;
  /** The subgraph that ran it. */
  subgraph: string;
  actorKind: OperationActorKind;
  /** `user:<id>`, `apiClient:<id>`, `hostApp:<id>`; null for an anonymous caller nothing identified. */
  actorId: string | null;
  /** The organization the change belongs to; null for platform-wide changes (an operator's settings). */
  organizationId: string | null;
  /** What kind of thing changed (`mini-program`, `version`, `organization` …) and its id. */
  targetType: string | null;
  targetId: string | null;
  /** What changed, secrets redacted, at most OPERATION_SUMMARY_MAX characters. */
  summary: string;
  /** The event types the change published, in order. */
  changes: string[];
  requestId: string;
  clientIp: string | null;
  /** ISO-8601 time of the commit. */
  at: string;
  /**
   * true: written in the unit of work of the change (the normal case). false: the mutation committed no unit of
   * work through the outbox (it changed nothing, or wrote without one), so the line was written after it returned.
   */
  atomic: boolean;
}

/** What a service may say about its operation; anything left out is derived from the events it published. */
export interface OperationDetails {
  target?: { type: string; id: string };
  summary?: string;
  organizationId?: string | null;
  /** The actor when the principal does not say (a login: the caller was anonymous until it succeeded). */
  actorId?: string;
}

/** An event written in the operation's unit of work, as the log sees it. */
export interface RecordedChange {
  type: string;
  key?: string;
  payload: unknown;
}

/** The mutation in flight: set around every Mutation field resolver by buildSubgraph. */
export interface OperationState {
  action: string;
  subgraph: string;
  principal: Principal;
  requestId: string;
  clientIp?: string;
  /** The field's arguments (a fallback target when the change published no event; values never reach the log). */
  args: Record<string, unknown>;
  details: OperationDetails;
  /** Set once its line is written (in a unit of work that then committed, or after the mutation returned). */
  logged: boolean;
}

const operations = new ScopedAsyncStorage<OperationState>();

/** The mutation being resolved, if any. */
export function currentOperation(): OperationState | undefined {
  return operations.getStore();
}

/** Runs a mutation resolver with its operation in scope (buildSubgraph does this for every Mutation field). */
export function runOperation<R>(state: OperationState, fn: () => Promise<R>): Promise<R> {
  return operations.run(state, fn);
}

/**
 * Lets a service name the target of its operation, or summarize it better than the default (which lists the events
 * it published). Call inside the mutation, before or inside its `atomically`; outside a mutation it does nothing.
 */
export function describeOperation(details: OperationDetails): void {
  const state = operations.getStore();
  if (state) state.details = { ...state.details, ...details };
}

/** What logs a mutation that committed no unit of work (a subgraph's transactional outbox). */
export interface OperationLogWriter {
  recordOperation(operation: OperationState): Promise<void>;
}

/**
 * Runs one operation (a Mutation field, a REST upload) with its state in scope: the first unit of work it commits
 * writes its line; if it returns without having committed one, `writer` writes the line then (`atomic: false`).
 * A failure writes nothing beyond what committed units already wrote.
 */
export async function withOperationLog<R>(
  writer: OperationLogWriter,
  state: OperationState,
  work: () => Promise<R>,
): Promise<R> {
  const result = await operations.run(state, work);
  if (!state.logged) await writer.recordOperation(state);
  return result;
}

/** The operation state of a mutation field call (from the subgraph request context). */
export function operationState(
  subgraph: string,
  info: Pick<GraphQLResolveInfo, 'fieldName'>,
  args: Record<string, unknown>,
  context: { principal?: Principal; requestId?: string; clientIp?: string } | undefined,
): OperationState {
  return {
    action: info.fieldName,
    subgraph,
    principal: context?.principal ?? { kind: 'anonymous' },
    requestId: context?.requestId ?? 'unknown',
    ...(context?.clientIp ? { clientIp: context.clientIp } : {}),
    args: args ?? {},
    details: {},
    logged: false,
  };
}

const SECRET_KEY = /pass(word)?|secret|token|credential|private|signature|otp|^key$|apikey|sdkkey/i;
const ID_ARGUMENTS = [
  'id',
  'appId',
  'versionId',
  'hostAppId',
  'orgId',
  'organizationId',
  'ruleId',
  'planId',
  'userId',
  'memberId',
  'invitationId',
  'domainId',
];
const ORG_FIELDS = ['orgId', 'organizationId'];

/** Builds the log line of `state` from the events its unit of work published. */
export function operationRecord(
  state: OperationState,
  changes: readonly RecordedChange[],
  at: Date,
  atomic: boolean,
): OperationRecordedPayload {
  const { principal, details } = state;
  const first = changes[0];
  const target =
    details.target ??
    (first?.key ? { type: first.type.split('.')[0], id: first.key } : argumentTarget(state.args));
  return {
    action: state.action,
    subgraph: state.subgraph,
    ...actorOf(
      principal,
      details.actorId ?? (principal.kind === 'anonymous' ? payloadField(changes, ['userId']) : undefined),
    ),
    organizationId:
      details.organizationId !== undefined
        ? details.organizationId
        : (payloadField(changes, ORG_FIELDS) ?? argumentOrg(state.args) ?? principalOrg(principal)),
    targetType: target?.type ?? null,
    targetId: target?.id ?? null,
    summary: clip(details.summary ?? defaultSummary(changes, state.args)),
    changes: changes.slice(0, 100).map((change) => change.type.slice(0, 128)),
    requestId: state.requestId.slice(0, 256),
    clientIp: state.clientIp ? state.clientIp.slice(0, 64) : null,
    at: at.toISOString(),
    atomic,
  };
}

function actorOf(
  principal: Principal,
  override: string | undefined,
): Pick<OperationRecordedPayload, 'actorKind' | 'actorId'> {
  switch (principal.kind) {
    case 'user':
      return {
        actorKind: principal.operatorRoles.length > 0 ? 'operator' : 'user',
        actorId: `user:${principal.userId}`,
      };
    case 'apiClient':
      return { actorKind: 'apiClient', actorId: `apiClient:${principal.clientId}` };
    case 'hostApp':
      return { actorKind: 'hostApp', actorId: `hostApp:${principal.hostAppId}` };
    default:
      return { actorKind: 'anonymous', actorId: override ? `user:${override}` : null };
  }
}

function principalOrg(principal: Principal): string | null {
  if (principal.kind === 'apiClient' || principal.kind === 'hostApp') return principal.orgId;
  if (principal.kind === 'user' && principal.operatorRoles.length === 0 && principal.memberships.length === 1)
    return principal.memberships[0].orgId;
  return null;
}

function payloadField(changes: readonly RecordedChange[], names: string[]): string | undefined {
  for (const change of changes) {
    const payload = change.payload;
    if (!payload || typeof payload !== 'object') continue;
    for (const name of names) {
      const value = (payload as Record<string, unknown>)[name];
      if (typeof value === 'string' && value.length > 0) return value;
    }
  }
  return undefined;
}

function scalarArguments(args: Record<string, unknown>): Record<string, unknown> {
  const input = args.input;
  return input && typeof input === 'object' && !Array.isArray(input)
    ? { ...(input as Record<string, unknown>), ...args }
    : args;
}

function argumentTarget(args: Record<string, unknown>): { type: string; id: string } | undefined {
  const flat = scalarArguments(args);
  for (const name of ID_ARGUMENTS) {
    const value = flat[name];
    if (typeof value === 'string' && value.length > 0)
      return { type: name === 'id' ? 'id' : name.replace(/Id$/, ''), id: value };
  }
  return undefined;
}

function argumentOrg(args: Record<string, unknown>): string | undefined {
  const flat = scalarArguments(args);
  for (const name of ORG_FIELDS)
    if (typeof flat[name] === 'string' && flat[name]) return flat[name] as string;
  return undefined;
}

/** `type key {scalar fields}` per event, secrets redacted; without events, the names of the arguments sent. */
function defaultSummary(changes: readonly RecordedChange[], args: Record<string, unknown>): string {
  if (changes.length === 0) {
    const names = Object.keys(scalarArguments(args)).filter((name) => name !== 'input');
    return names.length > 0 ? `no events; arguments: ${names.join(', ')}` : 'no events';
  }
  return changes
    .map((change) =>
      `${change.type}${change.key ? ` ${change.key}` : ''} ${describePayload(change.payload)}`.trim(),
    )
    .join('; ');
}

function describePayload(payload: unknown): string {
  if (!payload || typeof payload !== 'object') return '';
  const parts: string[] = [];
  for (const [name, value] of Object.entries(payload as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    if (SECRET_KEY.test(name)) {
      parts.push(`${name}=[redacted]`);
    } else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      const text = String(value);
      parts.push(`${name}=${text.length > 80 ? `${text.slice(0, 79)}…` : text}`);
    } else if (Array.isArray(value)) {
      parts.push(`${name}=[${value.length}]`);
    }
  }
  return parts.length > 0 ? `{${parts.join(', ')}}` : '';
}

function clip(text: string): string {
  return text.length > OPERATION_SUMMARY_MAX ? `${text.slice(0, OPERATION_SUMMARY_MAX - 1)}…` : text;
}
