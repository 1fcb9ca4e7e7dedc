import type { DocumentCollection, DocumentStore, Logger } from '@grove/platform';
import { loadEvaluationLicense } from './evaluation-license';
import { LicenseInstallationModel } from './license-installation.model';
import type { LicensePayload } from './license.schema';
import { verifyLicense } from './license.signature';

export const LicenseSource = { INSTALLED: 'INSTALLED', EVALUATION: 'EVALUATION' } as const;
export type LicenseSource = (typeof LicenseSource)[keyof typeof LicenseSource];

export interface ActiveLicense {
  payload: LicensePayload;
  source: LicenseSource;
  installation?: LicenseInstallationModel;
}

const PAGE = 10;

/**
 * The license in force: the newest installation whose document verifies with the configured public
 * key, else the built-in evaluation license. Read from the store on every call so every process of a
 * distributed deployment sees an installation at once (one indexed query in the usual case). Lives in the
 * contracts so every service that creates limited things can read the license itself (ADR 0005).
 */
export class ActiveLicenseReader {
  private readonly evaluation = loadEvaluationLicense();
  private readonly reported = new Set<string>();

  private readonly installations: DocumentCollection<LicenseInstallationModel>;

  constructor(
    documents: DocumentStore,
    private readonly publicKeyPem: string,
    private readonly logger: Logger,
  ) {
    this.installations = documents.collection(LicenseInstallationModel);
  }

  async active(): Promise<ActiveLicense> {
    for (let skip = 0; ; skip += PAGE) {
      const batch = await this.installations.find(
        {},
        { sort: { createdAt: -1, _id: -1 }, skip, limit: PAGE },
      );
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
