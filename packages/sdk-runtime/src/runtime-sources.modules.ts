import { NotFoundError, type UserPrincipal } from '@grove/platform';
import type { AppManageServices, VersionView } from '@grove/app-manage';
import type { DomainServices } from '@grove/domain';
import type { RuleEngineServices } from '@grove/rule-engine';
import type { SdkServices } from '@grove/sdk';
import type { RuntimeSources, RuntimeVersion } from './runtime-sources';

/** The in-process subgraph modules (embedded mode); only their `services` are used. */
export interface RuntimeSourceModules {
  appManage: { services: Pick<AppManageServices, 'hostApps' | 'links' | 'miniPrograms' | 'versions'> };
  ruleEngine: { services: Pick<RuleEngineServices, 'plans' | 'rules'> };
  domain: { services: Pick<DomainServices, 'domains'> };
  sdk: { services: Pick<SdkServices, 'configs' | 'baseLibraries'> };
}

/**
 * Read-only identity for the three reads the subgraphs offer only through their authorized APIs (a version by id,
 * an app's versions, its release plans and gray rules). Operator-reviewer visibility is exactly "read any
 * mini-program's versions and rules"; this object never leaves the adapter and only read methods are called
 * with it. Replace it once app-manage and rule-engine expose unauthenticated in-process readers for the runtime.
 */
const RUNTIME_READER: UserPrincipal = Object.freeze({
  kind: 'user',
  userId: 'system:sdk-runtime',
  sessionId: 'system:sdk-runtime',
  operatorRoles: ['OPERATOR_REVIEWER'],
  memberships: [],
}) as UserPrincipal;

const LIVE_PLAN_STATES = new Set(['ACTIVE', 'PAUSED']);
/** How many recent versions are looked at to tell "delisted" from "never released". */
const DELIST_LOOKBACK = 100;

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

function nullWhenNotFound(error: unknown): null {
  if (error instanceof NotFoundError) return null;
  throw error;
}

/** RuntimeSources over the in-process services of app-manage, rule-engine, domain and sdk. */
export function runtimeSourcesFromModules(modules: RuntimeSourceModules): RuntimeSources {
  const { hostApps, links, miniPrograms, versions } = modules.appManage.services;
  const { plans, rules } = modules.ruleEngine.services;
  const { domains } = modules.domain.services;
  const { configs, baseLibraries } = modules.sdk.services;

  return {
    async resolveCredentials(sdkKey) {
      const credentials = await hostApps.resolveSdkCredentials(sdkKey);
      return credentials ? { ...credentials, sdkKey } : null;
    },

    async applet(appId) {
      const app = await miniPrograms.byId(appId);
      if (!app) return null;
      const published = await versions.publishedVersion(appId);
      let delisted = false;
      if (!published) {
        const recent = await versions.list(RUNTIME_READER, appId, { take: DELIST_LOOKBACK }).catch(nullWhenNotFound);
        delisted = (recent ?? []).some((v) => v.status === 'DELISTED');
      }
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
      // The rule engine learns about mini-programs from events; until it has, the app has no plan there either.
      const all = await plans.list(RUNTIME_READER, appId).catch(nullWhenNotFound);
      const live = all?.find((plan) => LIVE_PLAN_STATES.has(plan.state));
      if (!live) return null;
      const rule = await rules.byId(RUNTIME_READER, live.ruleId).catch(nullWhenNotFound);
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
      const version = await versions.get(RUNTIME_READER, versionId).catch(nullWhenNotFound);
      return version ? toRuntimeVersion(version) : null;
    },

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
