import { ConflictError, stamped, type DocumentCollection, type DocumentStore } from '@grove/platform';
import type { PackageManifest } from '../package';
import { VersionContentsModel } from './version-contents.model';

/** Manifests above this are not kept for the reviewers' view (real ones are a few KB; the validator allows 1 MiB). */
export const MAX_STORED_MANIFEST_BYTES = 64 * 1024;

export interface PackageFileView {
  path: string;
  size: number;
}

export interface VersionContentsView {
  files: PackageFileView[];
  manifestFile: string;
  /** The parsed manifest, or null when it was larger than MAX_STORED_MANIFEST_BYTES. */
  manifest: Record<string, unknown> | null;
}

export class VersionContentsStore {
  private readonly contents: DocumentCollection<VersionContentsModel>;

  constructor(documents: DocumentStore) {
    this.contents = documents.collection(VersionContentsModel);
  }

  /** Records what the validator read; a second record for the same version (a racing backfill) is ignored. */
  async record(
    versionId: string,
    appId: string,
    manifest: Pick<PackageManifest, 'entries' | 'manifestSource'>,
  ): Promise<VersionContentsView> {
    const { file, text } = manifest.manifestSource;
    const doc = stamped<VersionContentsModel>({
      _id: versionId,
      appId,
      filesJson: JSON.stringify(manifest.entries.map((e) => [e.path, e.size])),
      manifestFile: file,
      ...(Buffer.byteLength(text) <= MAX_STORED_MANIFEST_BYTES ? { manifestText: text } : {}),
    });
    try {
      return toContentsView(await this.contents.insertOne(doc));
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return toContentsView(doc);
    }
  }

  async delete(versionId: string): Promise<void> {
    await this.contents.deleteOne({ _id: versionId });
  }

  async find(versionId: string): Promise<VersionContentsView | null> {
    const doc = await this.contents.findById(versionId);
    return doc ? toContentsView(doc) : null;
  }
}

function toContentsView(
  doc: Pick<VersionContentsModel, 'filesJson' | 'manifestFile' | 'manifestText'>,
): VersionContentsView {
  const files = (JSON.parse(doc.filesJson) as Array<[string, number]>).map(([path, size]) => ({
    path,
    size,
  }));
  let manifest: Record<string, unknown> | null = null;
  if (doc.manifestText !== undefined) {
    const parsed: unknown = JSON.parse(doc.manifestText);
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      manifest = parsed as Record<string, unknown>;
  }
  return { files, manifestFile: doc.manifestFile, manifest };
}
