import type { DocumentStore } from '@grove/platform';
import {
  HostAppModel,
  LinkModel,
  LinkStatus,
  MAX_TRIAL_MEMBERS,
  MiniProgramModel,
  TRIAL_VERSION_STATUSES,
  TrialMemberModel,
  TrialVersionModel,
  sdkSecretAssociatedData,
  VersionModel,
  VersionStatus,
  type SecretCipher,
} from '@grove/app-manage';
import { BusinessDomainModel, BusinessDomainStatus, ServiceDomainsModel, toMiniProgramDomainsView } from '@grove/domain';
import { GrayRuleModel, ReleasePlanModel } from '@grove/rule-engine';
import {
  BaseLibraryModel,
  BUILT_IN_SDK_CONFIG,
  configEtag,
  GLOBAL_SCOPE,
  mergeSdkConfig,
  parseBaseLibraryQuery,
  SdkConfigHeadModel,
  sdkConfigOverrideSchema,
  sdkConfigSchema,
  selectBaseLibrary,
} from '@grove/sdk';
import type { OrganizationFrozenSource, RuntimeSources, RuntimeVersion } from './runtime-sources';

export interface DocumentRuntimeSourcesOptions {
  /** app-manage's cipher with the same key material (APP_SECRET_ENCRYPTION_KEY or the local secret). */
  secretCipher: SecretCipher;
  /** Account's organization state (the router reads account's collection); without it no organization is frozen. */
  organizationFrozen?: OrganizationFrozenSource;
}

/** Same lookback as the module-backed sources: how many recent versions tell "delisted" from "never released". */
const DELIST_LOOKBACK = 100;
const SDK_KEY_PATTERN = /^hk[0-9a-f]{24}$/;

function toRuntimeVersion(v: VersionModel): RuntimeVersion {
  return {
    id: v._id,
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
 * RuntimeSources read straight from the owning subgraphs' collections (distributed mode: the router shares the
 * document store but runs no subgraph modules). Queries mirror the subgraphs' stores; the non-trivial logic
 * (config merge and etag, base library choice, domain lists) is the subgraphs' own exported functions.
 */
export function runtimeSourcesFromDocuments(documents: DocumentStore, options: DocumentRuntimeSourcesOptions): RuntimeSources {
  const hostApps = documents.collection(HostAppModel);
  const links = documents.collection(LinkModel);
  const miniPrograms = documents.collection(MiniProgramModel);
  const versions = documents.collection(VersionModel);
  const plans = documents.collection(ReleasePlanModel);
  const rules = documents.collection(GrayRuleModel);
  const serviceDomains = documents.collection(ServiceDomainsModel);
  const businessDomains = documents.collection(BusinessDomainModel);
  const configHeads = documents.collection(SdkConfigHeadModel);
  const baseLibraries = documents.collection(BaseLibraryModel);
  const trialMembers = documents.collection(TrialMemberModel);
  const trialVersions = documents.collection(TrialVersionModel);
  const cipher = options.secretCipher;

  return {
    organizationFrozen: options.organizationFrozen ?? (async () => false),

    async resolveCredentials(sdkKey) {
      if (typeof sdkKey !== 'string' || !SDK_KEY_PATTERN.test(sdkKey)) return null;
      const hostApp = await hostApps.findOne({ sdkKey });
      if (!hostApp) return null;
      return {
        hostAppId: hostApp._id,
        orgId: hostApp.orgId,
        sdkKey,
        secret: cipher.decrypt(hostApp.secretCiphertext, sdkSecretAssociatedData(hostApp._id, hostApp.secretVersion)),
        enabled: hostApp.enabled,
      };
    },

    async applet(appId) {
      const app = await miniPrograms.findById(appId);
      if (!app) return null;
      const published = await versions.findOne({ appId, status: VersionStatus.PUBLISHED });
      let delisted = false;
      if (!published) {
        const recent = await versions.find({ appId }, { sort: { createdAt: -1 }, limit: DELIST_LOOKBACK });
        delisted = recent.some((v) => v.status === VersionStatus.DELISTED);
      }
      return {
        appId: app._id,
        orgId: app.orgId,
        name: app.name,
        status: app.status,
        frozenReason: app.frozenReason,
        published: published ? toRuntimeVersion(published) : null,
        delisted,
      };
    },

    async isLinked(hostAppId, appId) {
      return (await links.count({ hostAppId, appId, status: LinkStatus.ACTIVE })) > 0;
    },

    async grayPlan(appId) {
      // `liveSlot` holds the app id exactly while its plan is ACTIVE or PAUSED (unique: at most one).
      const live = await plans.findOne({ liveSlot: appId });
      if (!live) return null;
      const rule = await rules.findById(live.ruleId);
      if (!rule) return null;
      return {
        planId: live._id,
        state: live.state,
        percentage: live.percentage,
        grayVersionId: live.grayVersionId,
        rule: { id: rule._id, version: rule.version, definition: JSON.parse(rule.ruleJson) as unknown },
      };
    },

    async version(versionId) {
      const version = await versions.findById(versionId);
      // Like the module reader: a version whose mini-program is gone is not visible.
      if (!version || !(await miniPrograms.findById(version.appId))) return null;
      return toRuntimeVersion(version);
    },

    async trialVersion(appId) {
      const trial = await trialVersions.findById(appId);
      const version = trial ? await versions.findById(trial.versionId) : null;
      if (!version || version.appId !== appId || !TRIAL_VERSION_STATUSES.includes(version.status)) return null;
      return toRuntimeVersion(version);
    },

    async trialMembers(appId) {
      const members = await trialMembers.find({ appId }, { sort: { createdAt: 1, _id: 1 }, limit: MAX_TRIAL_MEMBERS });
      return members.map((m) => m.userId);
    },

    async domains(appId) {
      const [lists, business] = await Promise.all([serviceDomains.findById(appId), businessDomains.find({ appId }, { sort: { domain: 1 } })]);
      const view = toMiniProgramDomainsView(appId, lists, business);
      return {
        request: view.request,
        socket: view.socket,
        upload: view.upload,
        download: view.download,
        business: view.businessDomains.filter((d) => d.status === BusinessDomainStatus.VERIFIED).map((d) => d.domain),
      };
    },

    async effectiveConfig(hostAppId) {
      const heads = await configHeads.find({ _id: { $in: [GLOBAL_SCOPE, hostAppId] } });
      const globalHead = heads.find((h) => h._id === GLOBAL_SCOPE);
      const overrideHead = heads.find((h) => h._id === hostAppId);
      // Re-parsed as the sdk subgraph does, so documents written before a setting existed get its default.
      const global = sdkConfigSchema.parse(globalHead ? JSON.parse(globalHead.configJson) : BUILT_IN_SDK_CONFIG);
      const settings = overrideHead ? sdkConfigOverrideSchema.parse(JSON.parse(overrideHead.configJson)) : {};
      const config = mergeSdkConfig(global, settings);
      return { version: (globalHead?.version ?? 0) + (overrideHead?.version ?? 0), etag: configEtag(config), config };
    },

    async baseLibrary(sdkVersion, platform) {
      const query = parseBaseLibraryQuery({ sdkVersion, platform });
      const library = selectBaseLibrary(await baseLibraries.find({ platforms: query.platform, enabled: true }), query.sdkVersion);
      if (!library) return null;
      return {
        id: library._id,
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
