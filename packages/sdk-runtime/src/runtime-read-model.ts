import { createHash } from 'node:crypto';
import stableStringify from 'fast-json-stable-stringify';
import { SecretCipher } from '@grove/platform';
import {
  AccountTopic,
  AppManageTopic,
  DOMAIN_EVENTS_TOPIC,
  GLOBAL_SDK_CONFIG_SCOPE,
  RULE_ENGINE_EVENTS_TOPIC,
  SdkTopic,
} from '@grove/contracts';
import type { DependencyFallbacks, DomainEvent, EventBus, Logger, Subscription } from '@grove/platform';
import { RuntimeCache, type CacheCodec } from './runtime-cache';
import {
  SERVABLE_VERSION_STATUSES,
  type RuntimeApplet,
  type RuntimeBaseLibrary,
  type RuntimeCredentials,
  type RuntimeDomainLists,
  type RuntimeGrayPlan,
  type RuntimeSdkConfig,
  type RuntimeSources,
  type RuntimeVersion,
} from './runtime-sources';

/** Consumer group of the runtime on every topic it listens to. */
export const SDK_RUNTIME_CONSUMER_GROUP = 'sdk-runtime';

/**
 * Topics whose events change what the runtime serves (names from @grove/contracts). The runtime only invalidates
 * by key, so it does not parse payloads: an event of a schema version it does not know still drops the entry.
 */
export const RuntimeInvalidationTopic = {
  MINI_PROGRAM: AppManageTopic.MINI_PROGRAM,
  HOST_APP: AppManageTopic.HOST_APP,
  RULE_ENGINE: RULE_ENGINE_EVENTS_TOPIC,
  DOMAIN: DOMAIN_EVENTS_TOPIC,
  SDK_CONFIG: SdkTopic.CONFIG,
  SDK_BASE_LIBRARY: SdkTopic.BASE_LIBRARY,
  ORGANIZATION: AccountTopic.ORGANIZATION,
} as const;

/** A mini-program's trial (体验版): the version testers get and their host-app user ids. */
export interface RuntimeTrial {
  version: RuntimeVersion | null;
  members: string[];
}

/** Everything the runtime needs about one mini-program, cached per app id (never per device). */
export interface AppletState {
  applet: RuntimeApplet | null;
  /** The running plan, only when its gray version may be served. */
  gray: { plan: RuntimeGrayPlan; version: RuntimeVersion } | null;
  domains: RuntimeDomainLists;
  domainsDigest: string;
}

export const cacheKeys = {
  sdkKey: (sdkKey: string) => `sdkrt:sdkkey:${sdkKey}`,
  credentials: (hostAppId: string) => `sdkrt:cred:${hostAppId}`,
  applet: (appId: string) => `sdkrt:app:${appId}`,
  trial: (appId: string) => `sdkrt:trial:${appId}`,
  organizationFrozen: (orgId: string) => `sdkrt:org-frozen:${orgId}`,
  link: (hostAppId: string, appId: string) => `sdkrt:link:${hostAppId}:${appId}`,
  config: (generation: number, hostAppId: string) => `sdkrt:config:g${generation}:${hostAppId}`,
  baseLibrary: (generation: number, platform: string, sdkVersion: string) =>
    `sdkrt:baselib:g${generation}:${platform}:${sdkVersion}`,
};

const CONFIG_GENERATION = 'config';
const BASE_LIBRARY_GENERATION = 'baselib';
const GLOBAL_CONFIG_SCOPE = GLOBAL_SDK_CONFIG_SCOPE;

export function digestOf(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex');
}

export interface RuntimeReadModelOptions {
  kvTtlMs: number;
  localTtlMs: number;
  localMaxEntries: number;
  /** Key material (>= 32 chars) sealing SDK secrets in the shared cache; every process of a deployment needs the same. */
  cacheEncryptionKey: string;
  /** Degraded mode: reads answered from the sources because the shared store failed are counted here. */
  fallbacks?: DependencyFallbacks;
}

/**
 * The cached runtime read-model: host app credentials, per-app state (published version, running gray plan, domains),
 * links, SDK config and base-library answers; rebuilt from the sources on a miss and invalidated by the subgraphs'
 * events.
 */
export class RuntimeReadModel {
  private readonly cache: RuntimeCache;
  private readonly credentialsCodec: CacheCodec<RuntimeCredentials>;
  private subscriptions: Subscription[] = [];

  constructor(
    private readonly sources: RuntimeSources,
    readonly kv: ConstructorParameters<typeof RuntimeCache>[0],
    private readonly logger: Logger,
    options: RuntimeReadModelOptions,
  ) {
    this.cache = new RuntimeCache(kv, logger, options);
    const cipher = new SecretCipher(options.cacheEncryptionKey);
    // The clear secret never reaches the shared store: it is sealed to the host app id.
    this.credentialsCodec = {
      encode: ({ secret, ...rest }) =>
        JSON.stringify({ ...rest, sealedSecret: cipher.encrypt(secret, `sdk-runtime:${rest.hostAppId}`) }),
      decode: (text) => {
        const { sealedSecret, ...rest } = JSON.parse(text) as Omit<RuntimeCredentials, 'secret'> & {
          sealedSecret: string;
        };
        return { ...rest, secret: cipher.decrypt(sealedSecret, `sdk-runtime:${rest.hostAppId}`) };
      },
    };
  }

  async start(events: EventBus): Promise<void> {
    await this.cache.start();
    const on = async (
      topic: string,
      handler: (event: DomainEvent<Record<string, unknown>>) => Promise<void>,
    ) => {
      this.subscriptions.push(
        await events.subscribe<Record<string, unknown>>(topic, SDK_RUNTIME_CONSUMER_GROUP, handler),
      );
    };
    const T = RuntimeInvalidationTopic;
    const appScoped = async (event: DomainEvent<Record<string, unknown>>) => {
      const appId = stringOf(event.payload?.appId) ?? event.key;
      // Trial changes, and rejections or delistings of a trial version, come on the mini-program topic too.
      if (appId) await this.cache.invalidate([cacheKeys.applet(appId), cacheKeys.trial(appId)]);
    };
    await on(T.MINI_PROGRAM, appScoped);
    await on(T.RULE_ENGINE, appScoped);
    await on(T.DOMAIN, appScoped);
    await on(T.HOST_APP, async (event) => {
      const hostAppId = stringOf(event.payload?.hostAppId) ?? event.key;
      if (!hostAppId) return;
      const keys = [cacheKeys.credentials(hostAppId)];
      const appId = stringOf(event.payload?.appId);
      if (appId) keys.push(cacheKeys.link(hostAppId, appId));
      await this.cache.invalidate(keys);
    });
    await on(T.SDK_CONFIG, async (event) => {
      const scope = event.key ?? stringOf(event.payload?.hostAppId);
      if (!scope || scope === GLOBAL_CONFIG_SCOPE) return this.cache.bumpGeneration(CONFIG_GENERATION);
      await this.cache.invalidate([cacheKeys.config(await this.cache.generation(CONFIG_GENERATION), scope)]);
    });
    await on(T.SDK_BASE_LIBRARY, () => this.cache.bumpGeneration(BASE_LIBRARY_GENERATION));
    await on(T.ORGANIZATION, async (event) => {
      const orgId = stringOf(event.payload?.organizationId) ?? event.key;
      if (orgId) await this.cache.invalidate([cacheKeys.organizationFrozen(orgId)]);
    });
  }

  async close(): Promise<void> {
    const subscriptions = this.subscriptions;
    this.subscriptions = [];
    await Promise.all(subscriptions.map((s) => s.close()));
    await this.cache.close();
  }

  /** Credentials by SDK key: the key → host app mapping never changes, the credentials are invalidated by host-app events. */
  async credentials(sdkKey: string): Promise<RuntimeCredentials | null> {
    const mappingKey = cacheKeys.sdkKey(sdkKey);
    const hostAppId = await this.cache.get<string | null>(mappingKey, async () => {
      const token = this.cache.token();
      const loaded = await this.sources.resolveCredentials(sdkKey);
      if (!loaded) return null;
      // One source call fills both entries; the credentials only if no host-app event arrived meanwhile.
      const key = cacheKeys.credentials(loaded.hostAppId);
      await this.cache.put(key, loaded, token, this.credentialsCodec);
      return loaded.hostAppId;
    });
    if (!hostAppId) return null;
    const credentials = await this.cache.get(
      cacheKeys.credentials(hostAppId),
      () => this.sources.resolveCredentials(sdkKey),
      this.nullableCredentialsCodec(),
    );
    return credentials && credentials.hostAppId === hostAppId ? credentials : null;
  }

  /**
   * The same answers from the in-process cache only: the value, or undefined when it is not held locally (then use
   * the async method). They never load, so they cannot be stale in any way the async methods are not.
   */
  cachedCredentials(sdkKey: string): RuntimeCredentials | null | undefined {
    const mapping = this.cache.peek<string | null>(cacheKeys.sdkKey(sdkKey));
    if (!mapping) return undefined;
    if (mapping.value === null) return null;
    const hostAppId = mapping.value;
    const credentials = this.cache.peek<RuntimeCredentials | null>(cacheKeys.credentials(hostAppId));
    if (!credentials) return undefined;
    return credentials.value && credentials.value.hostAppId === hostAppId ? credentials.value : null;
  }

  cachedAppletState(appId: string): AppletState | undefined {
    return this.cache.peek<AppletState>(cacheKeys.applet(appId))?.value;
  }

  cachedOrganizationFrozen(orgId: string): boolean | undefined {
    return this.cache.peek<boolean>(cacheKeys.organizationFrozen(orgId))?.value;
  }

  cachedIsLinked(hostAppId: string, appId: string): boolean | undefined {
    return this.cache.peek<boolean>(cacheKeys.link(hostAppId, appId))?.value;
  }

  appletState(appId: string): Promise<AppletState> {
    return this.cache.get(cacheKeys.applet(appId), () => this.loadAppletState(appId));
  }

  /** The trial version and testers of a mini-program (cached per app, dropped with the app's other entries). */
  trial(appId: string): Promise<RuntimeTrial> {
    return this.cache.get(cacheKeys.trial(appId), async () => {
      const [version, members] = await Promise.all([
        this.sources.trialVersion(appId),
        this.sources.trialMembers(appId),
      ]);
      return { version, members };
    });
  }

  /** Account's word, cached like the rest and dropped by `account.organization` events (frozen, unfrozen …). */
  organizationFrozen(orgId: string): Promise<boolean> {
    return this.cache.get(cacheKeys.organizationFrozen(orgId), () => this.sources.organizationFrozen(orgId));
  }

  isLinked(hostAppId: string, appId: string): Promise<boolean> {
    return this.cache.get(cacheKeys.link(hostAppId, appId), () => this.sources.isLinked(hostAppId, appId));
  }

  async effectiveConfig(hostAppId: string): Promise<RuntimeSdkConfig> {
    const generation = await this.cache.generation(CONFIG_GENERATION);
    return this.cache.get(cacheKeys.config(generation, hostAppId), () =>
      this.sources.effectiveConfig(hostAppId),
    );
  }

  async baseLibrary(sdkVersion: string, platform: string): Promise<RuntimeBaseLibrary | null> {
    const generation = await this.cache.generation(BASE_LIBRARY_GENERATION);
    return this.cache.get(cacheKeys.baseLibrary(generation, platform, sdkVersion), () =>
      this.sources.baseLibrary(sdkVersion, platform),
    );
  }

  /** Drops cached state as the event consumers do (operators' tools and tests). */
  invalidateApplet(appId: string): Promise<void> {
    return this.cache.invalidate([cacheKeys.applet(appId), cacheKeys.trial(appId)]);
  }

  private async loadAppletState(appId: string): Promise<AppletState> {
    const [applet, plan, domains] = await Promise.all([
      this.sources.applet(appId),
      this.sources.grayPlan(appId),
      this.sources.domains(appId),
    ]);
    let gray: AppletState['gray'] = null;
    if (applet && plan) {
      const version = await this.sources.version(plan.grayVersionId);
      if (
        version &&
        version.appId === appId &&
        (SERVABLE_VERSION_STATUSES as readonly string[]).includes(version.status)
      )
        gray = { plan, version };
    }
    return { applet, gray, domains, domainsDigest: digestOf(domains) };
  }

  private nullableCredentialsCodec(): CacheCodec<RuntimeCredentials | null> {
    return {
      encode: (value) => (value ? this.credentialsCodec.encode(value) : 'null'),
      decode: (text) => (text === 'null' ? null : this.credentialsCodec.decode(text)),
    };
  }
}

function stringOf(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
