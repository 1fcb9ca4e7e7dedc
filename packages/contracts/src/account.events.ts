import { z } from 'zod';
import { defineTopic, eventSchema } from './event-contract';

/** Topics the account subgraph publishes on. Events carry ids only; consumers read details through the API. */
export const AccountTopic = {
  ORGANIZATION: 'account.organization',
  MEMBER: 'account.member',
  USER: 'account.user',
  SESSION: 'account.session',
} as const;
export type AccountTopic = (typeof AccountTopic)[keyof typeof AccountTopic];

export const organizationPayload = z.object({
  organizationId: z.string().min(1),
  actorId: z.string().min(1),
  /** Rejection or freeze reason, when one was given. */
  reason: z.string().nullish(),
});
export type OrganizationPayload = z.infer<typeof organizationPayload>;

const organization = eventSchema(organizationPayload);

/**
 * `account.organization` (key: organization id): the organization lifecycle. Consumers: sdk-runtime (a frozen
 * organization's mini-programs and host apps are refused).
 */
export const organizationEvents = defineTopic(AccountTopic.ORGANIZATION, {
  'organization.applied': organization,
  'organization.resubmitted': organization,
  'organization.approved': organization,
  'organization.rejected': organization,
  'organization.frozen': organization,
  'organization.unfrozen': organization,
  /** Details that need no review changed (contacts; any field of an organization not yet approved). */
  'organization.updated': organization,
  /** An approved organization asked to change its name, credit code or licence: operators review the amendment. */
  'organization.amendment-submitted': organization,
  /** The amendment's details are now the organization's. */
  'organization.amendment-approved': organization,
  /** The amendment was refused (`reason`); the approved details stay. */
  'organization.amendment-rejected': organization,
});
