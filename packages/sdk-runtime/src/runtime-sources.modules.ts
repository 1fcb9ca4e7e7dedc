import type { AppManageServices, VersionView } from '@grove/app-manage';
import type { DomainServices } from '@grove/domain';
import type { RuleEngineServices } from '@grove/rule-engine';
import type { SdkServices } from '@grove/sdk';
import type { OrganizationFrozenSource, RuntimeSources, RuntimeVersion } from './runtime-sources';

/** The in-process subgraph modules (embedded mode); only their `services` are used. */
export interface RuntimeSourceModules {
  appManage: { services: Pick<AppManageServices, 'hostApps' | 'links' | 'miniPrograms' | 'versions' | 'trials'> };
  ruleEngine: { services: Pick<RuleEngineServices, 'plans' | 'rules'> };
  domain: { services: Pick<DomainServices, 'domains'> };
  sdk: { services: Pick<SdkServices, 'configs' | 'baseLibraries'> };
  /** Account's organization state (the router passes the account module's); without it no organization is frozen. */
  organizationFrozen?: OrganizationFrozenSource;
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

/** RuntimeSources over the in-process services of app-manage, rule-engine, domain and sdk. */
export function runtimeSourcesFromModules(modules: RuntimeSourceModules): RuntimeSources {
  const { hostApps, links, miniPrograms, versions, trials } = modules.appManage.services;
  const { plans, rules } = modules.ruleEngine.services;
  const { domains } = modules.domain.services;
  const { configs, baseLibraries } = modules.sdk.services;

  return {
    organizationFrozen: modules.organizationFrozen ?? (async () => false),

    async resolveCredentials(sdkKey) {
      const credentials = await hostApps.resolveSdkCredentials(sdkKey);
      return credentials ? { ...credentials, sdkKey } : null;
    },

    async applet(appId) {
      const app = await miniPrograms.byId(appId);
      if (!app) return null;
      const published = await versions.publishedVersion(appId);
      const delisted = published ? false : await versions.hasDelistedVersion(appId);
      return {
        appId: app.appId,
        orgId: app.orgId,
        name: app.name,
        status: app.status,
        frozenReason: app.frozenReason,
        published: published ? toRuntimeVersion(published) : null,
        delisted,
      };
    },

    isLinked: (hostAppId, appId) => links.isLinked(hostAppId, appId),

    async grayPlan(appId) {
      const live = await plans.livePlanOf(appId);
      if (!live) return null;
      const rule = await rules.ruleById(live.ruleId);
      if (!rule) return null;
      return {
        planId: live.id,
        state: live.state,
        percentage: live.percentage,
        grayVersionId: live.grayVersionId,
        rule: { id: rule.id, version: rule.version, definition: rule.rule },
      };
    },

    async version(versionId) {
      const version = await versions.versionById(versionId);
      return version ? toRuntimeVersion(version) : null;
    },

    async trialVersion(appId) {
      const version = await trials.trialVersionFor(appId);
      return version ? toRuntimeVersion(version) : null;
    },

    trialMembers: (appId) => trials.trialMemberIds(appId),

    async domains(appId) {
      const lists = await domains.runtimeDomains(appId);
      return { request: lists.request, socket: lists.socket, upload: lists.upload, download: lists.download, business: lists.business };
    },

    async effectiveConfig(hostAppId) {
      const view = await configs.effectiveConfig(hostAppId);
      return { version: view.version, etag: view.etag, config: view.config };
    },

    async baseLibrary(sdkVersion, platform) {
      const library = await baseLibraries.resolve({ sdkVersion, platform });
      if (!library) return null;
      return {
        id: library.id,
        version: library.version,
        minSdkVersion: library.minSdkVersion,
        platforms: [...library.platforms],
        packageKey: library.packageKey,
        packageSha256: library.packageSha256,
        packageSize: library.packageSize,
      };
    },
  };
}
