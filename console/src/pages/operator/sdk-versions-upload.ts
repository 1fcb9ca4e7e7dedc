import type { SdkPlatform } from '../../../../schema/generated/graphql';
import { UploadFailedError, type UploadEnvelope } from '../../lib/upload-package';

/** What a base library or an SDK release upload sends beside the ZIP (the sdk subgraph's REST routes, platform:configure). */
export type ReleaseUpload =
  | {
      kind: 'base-library';
      version: string;
      minSdkVersion: string;
      platforms: SdkPlatform[];
      releaseNotes?: string;
    }
  | { kind: 'sdk-version'; version: string; platform: SdkPlatform; releaseNotes?: string };

// The same check as the server's `semver` (x.y.z, an optional pre-release and build), before anything is sent.
const SEMVER =
  /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$/;

export function isSemver(text: string): boolean {
  const trimmed = text.trim();
  return trimmed.length <= 64 && SEMVER.test(trimmed);
}

/** `/uploads/base-libraries?version=…&minSdkVersion=…&platform=IOS,ANDROID` or `/uploads/sdk-versions?platform=…`. */
export function releaseUploadUrl(upload: ReleaseUpload, baseUrl = ''): string {
  const query = new URLSearchParams();
  query.set('version', upload.version.trim());
  if (upload.kind === 'base-library') {
    query.set('minSdkVersion', upload.minSdkVersion.trim());
    query.set('platform', upload.platforms.join(','));
  } else {
    query.set('platform', upload.platform);
  }
  const notes = upload.releaseNotes?.trim();
  if (notes) query.set('releaseNotes', notes);
  const path = upload.kind === 'base-library' ? '/uploads/base-libraries' : '/uploads/sdk-versions';
  return `${baseUrl}${path}?${query.toString()}`;
}

/**
 * Sends the ZIP with progress (XMLHttpRequest: fetch has no upload progress). A refusal keeps the server's code and
 * its details (`fields` names the offending query parameter), so the form puts it beside the field.
 */
export function uploadRelease(options: {
  upload: ReleaseUpload;
  file: Blob;
  token: string;
  onProgress?: (percent: number) => void;
}): Promise<{ id: string }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', releaseUploadUrl(options.upload));
    xhr.setRequestHeader('authorization', `Bearer ${options.token}`);
    xhr.setRequestHeader('content-type', 'application/zip');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new UploadFailedError('NETWORK_ERROR', 'network error', null));
    xhr.onload = () => {
      let body: UploadEnvelope<{ id: string }> | undefined;
      try {
        body = JSON.parse(xhr.responseText) as UploadEnvelope<{ id: string }>;
      } catch {
        return reject(new UploadFailedError('INTERNAL_SERVER_ERROR', `HTTP ${xhr.status}`, null));
      }
      if (xhr.status >= 200 && xhr.status < 300 && body.errcode === 'OK') return resolve(body.data);
      reject(new UploadFailedError(body.errcode, body.error, body.data));
    };
    xhr.send(options.file);
  });
}

/** The form fields a refused upload names (`data.fields`: the service's input names, which the forms reuse). */
export function uploadErrorFields(details: unknown): string[] {
  const fields = (details as { fields?: unknown } | null)?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.filter((f): f is string => typeof f === 'string').map((f) => f.split('.')[0]!);
}
