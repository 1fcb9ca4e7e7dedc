import type { PlatformRuntime } from '@grove/platform';
import { loadEvaluationLicense, verifyLicense, type LicensePayload } from '../license';
import type { LicenseInstallationModel } from '../store/license-installation.model';
import type { LicenseInstallationStore } from '../store/license-installation.store';

export const LicenseSource = { INSTALLED: 'INSTALLED', EVALUATION: 'EVALUATION' } as const;
export type LicenseSource = (typeof LicenseSource)[keyof typeof LicenseSource];

export interface ActiveLicense {
  payload: LicensePayload;
  source: LicenseSource;
  installation?: LicenseInstallationModel;
}

type Logger = PlatformRuntime['logger'];

const PAGE = 10;

/**
 * The license in force: the newest installation whose document verifies with the configured public
 * key, else the built-in evaluation license. Read from the store on every call so every process of a
 * distributed deployment sees an installation at once (one indexed query in the usual case).
 */
export class ActiveLicenseReader {
  private readonly evaluation = loadEvaluationLicense();
  private readonly reported = new Set<string>();

  constructor(
    private readonly store: LicenseInstallationStore,
    private readonly publicKeyPem: string,
    private readonly logger: Logger,
  ) {}

  async active(): Promise<ActiveLicense> {
    for (let skip = 0; ; skip += PAGE) {
      const batch = await this.store.newestFirst(skip, PAGE);
      for (const installation of batch) {
        const payload = this.verify(installation);
        if (payload) return { payload, source: LicenseSource.INSTALLED, installation };
      }
      if (batch.length < PAGE) return { payload: this.evaluation, source: LicenseSource.EVALUATION };
    }
  }

  /** The payload when the stored document still verifies; undefined (logged once) when it does not. */
  verify(installation: LicenseInstallationModel): LicensePayload | undefined {
    try {
      return verifyLicense(installation.document, this.publicKeyPem);
    } catch (error) {
      if (!this.reported.has(installation._id)) {
        this.reported.add(installation._id);
        // Edited in the database, or installed under another public key: it is skipped, not trusted.
        this.logger.warn(
          { installationId: installation._id, licenseId: installation.licenseId, err: error },
          'stored license does not verify; ignored',
        );
      }
      return undefined;
    }
  }
}
