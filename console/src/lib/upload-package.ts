/** The REST answer of the router's upload routes: `{ errcode, error, data }`. */
export interface UploadEnvelope<T> {
  errcode: string;
  error: string;
  data: T;
}

export interface UploadedVersion {
  id: string;
  status: string;
  packageSha256: string;
}

export class UploadFailedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: unknown,
  ) {
    super(message);
  }
}

/**
 * Uploads a mini-program package (ZIP) to `POST /uploads/mini-programs/:appId/versions` with progress (fetch has no
 * upload progress, XMLHttpRequest does). The body is `application/zip`, which the router's CSRF rule accepts.
 */
export function uploadPackage(options: {
  appId: string;
  versionName: string;
  file: Blob;
  token: string;
  onProgress?: (percent: number) => void;
  baseUrl?: string;
}): Promise<UploadedVersion> {
  const url = `${options.baseUrl ?? ''}/uploads/mini-programs/${encodeURIComponent(options.appId)}/versions?versionName=${encodeURIComponent(options.versionName)}`;
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', url);
    xhr.setRequestHeader('authorization', `Bearer ${options.token}`);
    xhr.setRequestHeader('content-type', 'application/zip');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new UploadFailedError('NETWORK_ERROR', 'network error', null));
    xhr.onload = () => {
      let body: UploadEnvelope<UploadedVersion> | undefined;
      try {
        body = JSON.parse(xhr.responseText) as UploadEnvelope<UploadedVersion>;
      } catch {
        return reject(new UploadFailedError('INTERNAL_SERVER_ERROR', `HTTP ${xhr.status}`, null));
      }
      if (xhr.status >= 200 && xhr.status < 300 && body.errcode === 'OK') return resolve(body.data);
      reject(new UploadFailedError(body.errcode, body.error, body.data));
    };
    xhr.send(options.file);
  });
}
