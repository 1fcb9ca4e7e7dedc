import { z } from 'zod';
import { defineTopic, eventSchema } from './event-contract';

/** Topics app-manage publishes on; the key is the app id (mini-programs) or the host app id. */
export const AppManageTopic = {
  MINI_PROGRAM: 'app-manage.mini-program',
  HOST_APP: 'app-manage.host-app',
} as const;
export type AppManageTopic = (typeof AppManageTopic)[keyof typeof AppManageTopic];

export const MINI_PROGRAM_APP_ID = /^mp[0-9a-f]{16}$/;

const id = z.string().min(1);
const appId = z.string().regex(MINI_PROGRAM_APP_ID);
const optionalId = id.nullish();

export const miniProgramPayload = z.object({ appId, orgId: id, actorId: id, reason: z.string().optional() });
export type MiniProgramPayload = z.infer<typeof miniProgramPayload>;

/** Every version event: the version's state after the change plus what the change adds. */
export const versionPayload = z.object({
  appId,
  orgId: id,
  versionId: id,
  versionName: z.string().nullish(),
  /** The version's status (not the mini-program's). */
  status: z.string().min(1),
  actorId: id,
  reason: z.string().nullish(),
  sha256: z.string().nullish(),
  grayPercentage: z.number().nullish(),
  grayRuleId: optionalId,
  previousVersionId: optionalId,
  fromVersionId: optionalId,
  byVersionId: optionalId,
  /** `release-plan` when the rule-engine's completed plan published it. */
  via: z.string().nullish(),
  /** The rule-engine plan this event answers (version.published by a plan, version.release-plan-refused). */
  releasePlanId: optionalId,
});
export type VersionPayload = z.infer<typeof versionPayload>;

/**
 * app-manage's refusal of a release plan. No `status`: projections of version state must not apply it (the named
 * version may not even be the plan's app's); `versionStatus` is set only when it is the plan's own version.
 */
export const releasePlanRefusedPayload = z.object({
  appId,
  orgId: id,
  versionId: id,
  releasePlanId: id,
  reason: z.string().min(1),
  versionStatus: z.string().nullish(),
  actorId: id,
});
export type ReleasePlanRefusedPayload = z.infer<typeof releasePlanRefusedPayload>;

/** Trial (体验版) changes: testers added or removed (`memberId`), trial version set (`versionId`) or cleared. */
export const trialPayload = z.object({
  appId,
  orgId: id,
  actorId: id,
  versionId: optionalId,
  memberId: optionalId,
});
export type TrialPayload = z.infer<typeof trialPayload>;

export const hostAppPayload = z.object({ hostAppId: id, orgId: id, actorId: id });
export type HostAppPayload = z.infer<typeof hostAppPayload>;

export const linkPayload = z.object({
  linkId: id,
  hostAppId: id,
  hostOrgId: id,
  appId,
  appOrgId: id,
  status: z.string().min(1),
  actorId: id,
});
export type LinkPayload = z.infer<typeof linkPayload>;

const miniProgram = eventSchema(miniProgramPayload);
const version = eventSchema(versionPayload);
const trial = eventSchema(trialPayload);

/** `app-manage.mini-program`: the mini-program's own life (`mini-program.*`), its versions' (`version.*`) and its trial (`trial.*`). */
export const miniProgramEvents = defineTopic(AppManageTopic.MINI_PROGRAM, {
  'mini-program.created': miniProgram,
  'mini-program.updated': miniProgram,
  'mini-program.logo-updated': miniProgram,
  /** Its owner changed the search aliases, searchable pages or the "can be found by search" switch (the search index re-reads them). */
  'mini-program.search-settings-updated': miniProgram,
  'mini-program.frozen': miniProgram,
  'mini-program.unfrozen': miniProgram,
  /** Deleted by its organization (never had an approved version): projections drop it; its versions and links are gone. */
  'mini-program.deleted': miniProgram,
  'version.uploaded': version,
  'version.submitted': version,
  'version.withdrawn': version,
  'version.approved': version,
  'version.rejected': version,
  'version.gray-started': version,
  /** A release plan raised its percentage (`grayPercentage`). */
  'version.gray-raised': version,
  'version.gray-stopped': version,
  'version.published': version,
  'version.superseded': version,
  'version.rolled-back': version,
  'version.delisted': version,
  'version.force-delisted': version,
  /** A DEVELOPMENT or REJECTED version and its package were deleted; `status` is the one it had. */
  'version.deleted': version,
  /** app-manage could not gray-release or publish a plan's version; `reason` says why (the plan ends FAILED). */
  'version.release-plan-refused': eventSchema(releasePlanRefusedPayload),
  'trial.member-added': trial,
  'trial.member-removed': trial,
  'trial.version-set': trial,
  'trial.version-cleared': trial,
});

const hostApp = eventSchema(hostAppPayload);
const link = eventSchema(linkPayload);

/** `app-manage.host-app`: host apps (`host-app.*`, key: host app id) and their links to mini-programs (`link.*`). */
export const hostAppEvents = defineTopic(AppManageTopic.HOST_APP, {
  'host-app.created': hostApp,
  'host-app.updated': hostApp,
  'host-app.enabled': hostApp,
  'host-app.disabled': hostApp,
  'host-app.secret-rotated': hostApp,
  /** Deleted (it was disabled first): its SDK key is refused from now on and its links are gone. */
  'host-app.deleted': hostApp,
  'link.requested': link,
  'link.activated': link,
  'link.approved': link,
  'link.rejected': link,
  'link.removed': link,
});
