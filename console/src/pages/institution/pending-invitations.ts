import type { InvitationStatus } from '../../../../schema/generated/graphql';

/** The status filter of the pending-invitations list; ALL asks the server for every status. */
export const INVITATION_FILTERS = ['PENDING', 'EXPIRED', 'REVOKED', 'ACCEPTED', 'ALL'] as const;
export type InvitationFilter = (typeof INVITATION_FILTERS)[number];

/** URL parameters of the members page's invitations tab (`?tab=invitations&status=EXPIRED&invitationsAfter=…`). */
export const INVITATIONS_TAB = 'invitations';
export const STATUS_PARAM = 'status';
export const INVITATIONS_AFTER_PARAM = 'invitationsAfter';

/** The filter a URL asks for; anything unknown (a stale or edited link) falls back to PENDING. */
export function invitationFilterOf(value: string | null): InvitationFilter {
  return (INVITATION_FILTERS as readonly string[]).includes(value ?? '')
    ? (value as InvitationFilter)
    : 'PENDING';
}

/** The `status` variable of the query: none for ALL. */
export function statusVariable(filter: InvitationFilter): InvitationStatus | undefined {
  return filter === 'ALL' ? undefined : filter;
}

/** A new filter starts at the first page: the cursors of the old one belong to another list. */
export function withInvitationFilter(current: URLSearchParams, filter: InvitationFilter): URLSearchParams {
  const next = new URLSearchParams(current);
  next.delete(INVITATIONS_AFTER_PARAM);
  if (filter === 'PENDING') next.delete(STATUS_PARAM);
  else next.set(STATUS_PARAM, filter);
  return next;
}

/** Switching tabs keeps the organization (and each tab's own page) in the URL. */
export function withMembersTab(current: URLSearchParams, tab: string): URLSearchParams {
  const next = new URLSearchParams(current);
  if (tab === INVITATIONS_TAB) next.set('tab', tab);
  else next.delete('tab');
  return next;
}

/** Only a pending invitation can be revoked (the server refuses the rest with CONFLICT). */
export function canRevoke(status: InvitationStatus): boolean {
  return status === 'PENDING';
}
