import type { DocumentCollection, DocumentStore, NewDocument } from '@grove/platform';
import { LicenseInstallationModel } from '@grove/contracts';

export interface NewInstallation {
  licenseId: string;
  licensee: string;
  document: string;
  installedBy: string;
}

/** Installed licenses, append-only. Order: newest first (createdAt, then the monotonic ULID id). */
export class LicenseInstallationStore {
  private readonly installations: DocumentCollection<LicenseInstallationModel>;

  constructor(documents: DocumentStore) {
    this.installations = documents.collection(LicenseInstallationModel);
  }

  insert(installation: NewInstallation): Promise<LicenseInstallationModel> {
    return this.installations.insertOne(installation as NewDocument<LicenseInstallationModel>);
  }

  newestFirst(skip: number, limit: number): Promise<LicenseInstallationModel[]> {
    return this.installations.find({}, { sort: { createdAt: -1, _id: -1 }, skip, limit });
  }

  count(): Promise<number> {
    return this.installations.count();
  }
}
