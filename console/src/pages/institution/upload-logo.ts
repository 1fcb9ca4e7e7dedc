import { UploadFailedError, type UploadEnvelope } from '../../lib/upload-package';

/** What app-manage takes for a logo (it checks the bytes again; these are the defaults of MINI_PROGRAM_LOGO_MAX_BYTES). */
export const LOGO_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const;
export const LOGO_MAX_BYTES = 1024 * 1024;

export type LogoProblem =
  | { key: 'inst.settings.logoType' }
  | { key: 'inst.settings.logoTooLarge'; values: { max: string } }
  | { key: 'inst.settings.logoEmpty' };

/** Checked before anything is sent, so a wrong file is refused at once with the reason. */
export function logoProblem(
  file: { type: string; size: number },
  maxBytes = LOGO_MAX_BYTES,
): LogoProblem | null {
  if (file.size === 0) return { key: 'inst.settings.logoEmpty' };
  if (!(LOGO_TYPES as readonly string[]).includes(file.type)) return { key: 'inst.settings.logoType' };
  if (file.size > maxBytes)
    return { key: 'inst.settings.logoTooLarge', values: { max: `${Math.floor(maxBytes / 1024)} KB` } };
  return null;
}

/**
 * Uploads a logo to `POST /uploads/mini-programs/:appId/logo` as raw bytes with the image's content type (not a simple
 * content type, so the router's CSRF rule lets it through), with progress.
 */
export function uploadLogo(options: {
  appId: string;
  file: Blob;
  token: string;
  onProgress?: (percent: number) => void;
}): Promise<{ appId: string; logoKey?: string | null }> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/uploads/mini-programs/${encodeURIComponent(options.appId)}/logo`);
    xhr.setRequestHeader('authorization', `Bearer ${options.token}`);
    xhr.setRequestHeader('content-type', options.file.type || 'application/octet-stream');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(Math.round((event.loaded / event.total) * 100));
    };
    xhr.onerror = () => reject(new UploadFailedError('NETWORK_ERROR', 'network error', null));
    xhr.onload = () => {
      let body: UploadEnvelope<{ appId: string; logoKey?: string | null }> | undefined;
      try {
        body = JSON.parse(xhr.responseText) as UploadEnvelope<{ appId: string; logoKey?: string | null }>;
      } catch {
        return reject(new UploadFailedError('INTERNAL_SERVER_ERROR', `HTTP ${xhr.status}`, null));
      }
      if (xhr.status >= 200 && xhr.status < 300 && body.errcode === 'OK') return resolve(body.data);
      reject(new UploadFailedError(body.errcode, body.error, body.data));
    };
    xhr.send(options.file);
  });
}
