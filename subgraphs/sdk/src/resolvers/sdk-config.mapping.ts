import type { SdkConfigDocument, SdkConfigOverrideDocument } from '../service/sdk-config.schema';
import type { SdkConfig, SdkConfigEntry, SdkConfigSettings } from '../schema/sdk-config.type';

function entries(extra: Record<string, string>): SdkConfigEntry[] {
  return Object.keys(extra)
    .sort()
    .map((key) => ({ key, value: extra[key] }));
}

/** `extra` travels as sorted `{ key, value }` entries: GraphQL has no map type. */
export function toGraphqlConfig(config: SdkConfigDocument): SdkConfig {
  return { ...config, extra: entries(config.extra) };
}

export function toGraphqlSettings(settings: SdkConfigOverrideDocument): SdkConfigSettings {
  return { ...settings, extra: settings.extra === undefined ? undefined : entries(settings.extra) };
}
