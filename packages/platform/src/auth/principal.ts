/** Who is calling. Built by the router from a verified credential and forwarded to subgraphs. */
export const OperatorRole = {
  OPERATOR_ADMIN: 'OPERATOR_ADMIN',
  OPERATOR_REVIEWER: 'OPERATOR_REVIEWER',
} as const;
export type OperatorRole = (typeof OperatorRole)[keyof typeof OperatorRole];

export const OrgRole = {
  ORG_OWNER: 'ORG_OWNER',
  ORG_ADMIN: 'ORG_ADMIN',
  ORG_DEVELOPER: 'ORG_DEVELOPER',
} as const;
export type OrgRole = (typeof OrgRole)[keyof typeof OrgRole];

export interface Membership {
  orgId: string;
  role: OrgRole;
}

export interface AnonymousPrincipal {
  kind: 'anonymous';
}

export interface UserPrincipal {
  kind: 'user';
  userId: string;
  sessionId: string;
  operatorRoles: OperatorRole[];
  /** Memberships of organizations that are not frozen, as of token issue. */
  memberships: Membership[];
  /**
   * Authorization epoch (ms) of the token: when its roles and memberships were read. A revocation recorded at or
   * after it makes the token stale (docs/adr/0006-authorization-epochs.md). Absent on tokens issued before epochs.
   */
  authEpoch?: number;
}

export interface HostAppPrincipal {
  kind: 'hostApp';
  hostAppId: string;
  orgId: string;
}

export interface ApiClientPrincipal {
  kind: 'apiClient';
  clientId: string;
  orgId: string;
  scopes: string[];
}

export type Principal = AnonymousPrincipal | UserPrincipal | HostAppPrincipal | ApiClientPrincipal;

export const ANONYMOUS: AnonymousPrincipal = Object.freeze({ kind: 'anonymous' });

export function isUser(p: Principal): p is UserPrincipal {
  return p.kind === 'user';
}

export function isOperator(p: Principal): p is UserPrincipal {
  return p.kind === 'user' && p.operatorRoles.length > 0;
}

/** Stable identifier for rate limiting and logs. */
export function principalKey(p: Principal): string | undefined {
  switch (p.kind) {
    case 'user':
      return `user:${p.userId}`;
    case 'hostApp':
      return `hostApp:${p.hostAppId}`;
    case 'apiClient':
      return `apiClient:${p.clientId}`;
    default:
      return undefined;
  }
}
