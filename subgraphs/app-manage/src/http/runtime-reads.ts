import type { RuntimeReadsOf, RuntimeVersion } from '@grove/contracts';
import type { HostAppService } from '../service/host-app.service';
import type { LinkService } from '../service/link.service';
import type { MiniProgramService } from '../service/mini-program.service';
import type { TrialService } from '../service/trial.service';
import type { VersionService } from '../service/version.service';
import type { VersionView } from '../store/views';

export interface AppManageRuntimeReadServices {
  hostApps: Pick<HostAppService, 'resolveSdkCredentials'>;
  links: Pick<LinkService, 'isLinked'>;
  miniPrograms: Pick<MiniProgramService, 'byId'>;
  versions: Pick<VersionService, 'publishedVersion' | 'versionById' | 'hasDelistedVersion'>;
  trials: Pick<TrialService, 'trialVersionFor' | 'trialMemberIds'>;
}

function toRuntimeVersion(v: VersionView): RuntimeVersion {
  return {
    id: v.id,
    appId: v.appId,
    name: v.versionName,
    code: v.versionCode,
    status: v.status,
    packageKey: v.packageKey,
    packageSha256: v.packageSha256,
    packageSize: v.packageSize,
  };
}

/**
 * app-manage's answers to the SDK runtime (credentials, applet, links, versions, trial): in process in embedded
 * mode, over `/internal/runtime-reads/v1` when app-manage runs on its own. Internal readers: no principal.
 */
export function appManageRuntimeReads(services: AppManageRuntimeReadServices): RuntimeReadsOf<'app-manage'> {
  const { hostApps, links, miniPrograms, versions, trials } = services;
  return {
    async resolveCredentials({ sdkKey }) {
      const credentials = await hostApps.resolveSdkCredentials(sdkKey);
      return credentials
        ? {
            hostAppId: credentials.hostAppId,
            orgId: credentials.orgId,
            sdkKey,
            secret: credentials.secret,
            enabled: credentials.enabled,
          }
        : null;
    },

    async applet({ appId }) {
      const app = await miniPrograms.byId(appId);
      if (!app) return null;
      const published = await versions.publishedVersion(appId);
      const delisted = published ? false : await versions.hasDelistedVersion(appId);
      return {
        appId: app.appId,
        orgId: app.orgId,
        name: app.name,
        status: app.status,
        ...(app.frozenReason ? { frozenReason: app.frozenReason } : {}),
        published: published ? toRuntimeVersion(published) : null,
        delisted,
      };
    },

    isLinked: ({ hostAppId, appId }) => links.isLinked(hostAppId, appId),

    async version({ versionId }) {
      const version = await versions.versionById(versionId);
      return version ? toRuntimeVersion(version) : null;
    },

    async trialVersion({ appId }) {
      const version = await trials.trialVersionFor(appId);
      return version ? toRuntimeVersion(version) : null;
    },

    trialMembers: ({ appId }) => trials.trialMemberIds(appId),
  };
}
