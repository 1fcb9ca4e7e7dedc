import { z } from 'zod';
import { defineTopic, eventSchema } from './event-contract';

/**
 * Topics the sdk subgraph publishes on. `sdk.config` is keyed by the host app id of an override or `global`, so
 * the runtime read-model can drop exactly what changed; the others are keyed by the entity id.
 */
export const SdkTopic = {
  CONFIG: 'sdk.config',
  BASE_LIBRARY: 'sdk.base-library',
  SDK_VERSION: 'sdk.version',
  BUILD_REVIEW: 'sdk.build-review',
} as const;
export type SdkTopic = (typeof SdkTopic)[keyof typeof SdkTopic];

/** Scope of the global SDK configuration (the key of its `sdk.config` events). */
export const GLOBAL_SDK_CONFIG_SCOPE = 'global';

export const sdkConfigPayload = z.object({
  scope: z.string().min(1),
  /** null for the global configuration. */
  hostAppId: z.string().min(1).nullable(),
  version: z.number().int(),
  etag: z.string(),
  actorId: z.string().min(1),
});
export type SdkConfigPayload = z.infer<typeof sdkConfigPayload>;

export const baseLibraryPayload = z.object({
  baseLibraryId: z.string().min(1),
  version: z.string(),
  /** Comma list. */
  platforms: z.string(),
  minSdkVersion: z.string().nullish(),
  enabled: z.boolean(),
  actorId: z.string().min(1),
});
export type BaseLibraryPayload = z.infer<typeof baseLibraryPayload>;

const config = eventSchema(sdkConfigPayload);
const baseLibrary = eventSchema(baseLibraryPayload);

/** The two sdk topics another package consumes (the SDK runtime); sdk.version and sdk.build-review stay internal for now. */
export const sdkConfigEvents = defineTopic(SdkTopic.CONFIG, {
  'sdk-config.global-updated': config,
  'sdk-config.override-updated': config,
  'sdk-config.override-cleared': config,
});

export const baseLibraryEvents = defineTopic(SdkTopic.BASE_LIBRARY, {
  'base-library.uploaded': baseLibrary,
  'base-library.updated': baseLibrary,
  'base-library.enabled': baseLibrary,
  'base-library.disabled': baseLibrary,
});
