import { z } from 'zod';
import { MINI_PROGRAM_APP_ID } from './app-manage.events';
import { defineTopic, eventSchema } from './event-contract';

/** Topic of the domain subgraph's events; the key is the app id. */
export const DOMAIN_EVENTS_TOPIC = 'domain';
export const DomainEventType = { CHANGED: 'domain.changed' } as const;

export const DOMAIN_CHANGES = [
  'service-domains-replaced',
  'business-domain-added',
  'business-domain-verified',
  'business-domain-removed',
] as const;
export type DomainChange = (typeof DOMAIN_CHANGES)[number];

export const domainChangedPayload = z.object({
  appId: z.string().regex(MINI_PROGRAM_APP_ID),
  orgId: z.string().min(1),
  change: z.enum(DOMAIN_CHANGES),
  /** Service list kind or business domain name. */
  subject: z.string(),
  actorId: z.string().min(1),
});
export type DomainChangedPayload = z.infer<typeof domainChangedPayload>;

export const domainEvents = defineTopic(DOMAIN_EVENTS_TOPIC, {
  [DomainEventType.CHANGED]: eventSchema(domainChangedPayload),
});
