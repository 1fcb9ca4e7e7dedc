import { BadUserInputError, type ObjectStore } from '@grove/platform';
import * as yauzl from 'yauzl';

export const ArtifactProblem = {
  EMPTY_UPLOAD: 'EMPTY_UPLOAD',
  ARTIFACT_TOO_LARGE: 'ARTIFACT_TOO_LARGE',
  NOT_ZIP: 'NOT_ZIP',
  EMPTY_ZIP: 'EMPTY_ZIP',
  TOO_MANY_ENTRIES: 'TOO_MANY_ENTRIES',
} as const;

export const MAX_ZIP_ENTRIES = 20_000;

export interface ZipSummary {
  files: number;
  uncompressedBytes: number;
}

/**
 * Reads the ZIP's central directory with yauzl: it must parse, every entry name must be safe (yauzl refuses
 * absolute paths and `..`), and it must hold at least one file. Entries are not inflated: base libraries and
 * SDK builds are checked for shape here; their consumers verify the SHA-256 recorded at upload.
 */
export function inspectZip(zip: Buffer, maxEntries = MAX_ZIP_ENTRIES): Promise<ZipSummary> {
  return readZip(zip, maxEntries);
}

/** One file of an artifact, as its central directory states it. */
export interface ArtifactFile {
  path: string;
  /** Inflated size in bytes. */
  size: number;
}

/** The files of a ZIP in archive order (directories left out), read from its central directory. */
export async function listZipFiles(zip: Buffer, maxEntries = MAX_ZIP_ENTRIES): Promise<ArtifactFile[]> {
  const files: ArtifactFile[] = [];
  await readZip(zip, maxEntries, files);
  return files;
}

function readZip(zip: Buffer, maxEntries: number, files?: ArtifactFile[]): Promise<ZipSummary> {
  return new Promise((resolve, reject) => {
    const notZip = (error: unknown) =>
      new BadUserInputError('The upload is not a readable ZIP archive', {
        reason: ArtifactProblem.NOT_ZIP,
        problem: error instanceof Error ? error.message : String(error),
      });
    yauzl.fromBuffer(
      zip,
      { lazyEntries: true, validateEntrySizes: true, strictFileNames: true },
      (openError, zipfile) => {
        if (openError || !zipfile) return reject(notZip(openError));
        if (zipfile.entryCount > maxEntries) {
          zipfile.close();
          return reject(
            new BadUserInputError(
              `The archive has ${zipfile.entryCount} entries; at most ${maxEntries} are allowed`,
              {
                reason: ArtifactProblem.TOO_MANY_ENTRIES,
                entries: zipfile.entryCount,
                maxEntries,
              },
            ),
          );
        }
        const summary: ZipSummary = { files: 0, uncompressedBytes: 0 };
        zipfile.on('entry', (entry: yauzl.Entry) => {
          if (!entry.fileName.endsWith('/')) {
            summary.files += 1;
            summary.uncompressedBytes += entry.uncompressedSize;
            files?.push({ path: entry.fileName, size: entry.uncompressedSize });
          }
          zipfile.readEntry();
        });
        zipfile.once('error', (error: unknown) => reject(notZip(error)));
        zipfile.once('end', () => {
          if (summary.files === 0)
            reject(
              new BadUserInputError('The archive contains no files', { reason: ArtifactProblem.EMPTY_ZIP }),
            );
          else resolve(summary);
        });
        zipfile.readEntry();
      },
    );
  });
}

export interface StoredArtifact extends ZipSummary {
  key: string;
  sha256: string;
  size: number;
}

/** Size check, ZIP check, then the object store (which computes the SHA-256 while writing). */
export async function storeZipArtifact(
  objects: ObjectStore,
  key: string,
  body: Buffer,
  maxBytes: number,
  metadata: Record<string, string> = {},
): Promise<StoredArtifact> {
  if (!Buffer.isBuffer(body) || body.length === 0)
    throw new BadUserInputError('The upload is empty', { reason: ArtifactProblem.EMPTY_UPLOAD });
  if (body.length > maxBytes) {
    throw new BadUserInputError(`The upload is larger than ${maxBytes} bytes`, {
      reason: ArtifactProblem.ARTIFACT_TOO_LARGE,
      size: body.length,
      maxBytes,
    });
  }
  const summary = await inspectZip(body);
  const info = await objects.put(key, body, { contentType: 'application/zip', metadata });
  return { ...summary, key, sha256: info.sha256, size: info.size };
}

/** Removes an object stored for a record that could not be written; the original error wins. */
export async function discardArtifact(objects: ObjectStore, key: string): Promise<void> {
  await objects.delete(key).catch(() => undefined);
}
