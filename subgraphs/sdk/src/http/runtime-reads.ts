import type { RuntimeReadsOf } from '@grove/contracts';
import type { BaseLibraryService } from '../service/base-library.service';
import type { SdkConfigService } from '../service/sdk-config.service';

/** A host app's effective SDK configuration and the base library for a device, for the SDK runtime. */
export function sdkRuntimeReads(
  configs: Pick<SdkConfigService, 'effectiveConfig'>,
  baseLibraries: Pick<BaseLibraryService, 'resolve'>,
): RuntimeReadsOf<'sdk'> {
  return {
    async effectiveConfig({ hostAppId }) {
      const view = await configs.effectiveConfig(hostAppId);
      return { version: view.version, etag: view.etag, config: view.config };
    },

    async baseLibrary({ sdkVersion, platform }) {
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
