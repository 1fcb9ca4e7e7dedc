import type { DocumentCollection, DocumentStore } from '@grove/platform';
import { PackageUploadModel } from './package-upload.model';

export class PackageUploadStore {
  private readonly uploads: DocumentCollection<PackageUploadModel>;

  constructor(documents: DocumentStore) {
    this.uploads = documents.collection(PackageUploadModel);
  }

  async begin(upload: { key: string; appId: string; versionId: string }, now: Date): Promise<void> {
    await this.uploads.insertOne({
      _id: upload.key,
      appId: upload.appId,
      versionId: upload.versionId,
      createdAt: now,
      updatedAt: now,
    });
  }

  /** The upload is settled: its version committed, or its object deleted. */
  async settle(key: string): Promise<void> {
    await this.uploads.deleteOne({ _id: key });
  }

  /** Uploads begun before `cutoff` and never settled, oldest first. */
  stale(cutoff: Date, limit: number): Promise<PackageUploadModel[]> {
    return this.uploads.find({ createdAt: { $lt: cutoff } }, { sort: { createdAt: 1, _id: 1 }, limit });
  }
}
