/** Content types a browser may send cross-site without a CORS preflight. */
const SIMPLE_CONTENT_TYPES = new Set([
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'text/plain',
]);
const PREFLIGHT_HEADERS = ['x-apollo-operation-name', 'apollo-require-preflight'];

/**
 * Apollo Server's CSRF rule, checked before anything else so the refusal is cheap and counted:
 * a request that a browser could send cross-site without a preflight (no content type, or a simple
 * one) must carry a preflight-forcing header. Apollo's own csrfPrevention stays on behind it.
 */
export function isCsrfSuspect(headers: Record<string, string | string[] | undefined>): boolean {
  const contentType = headers['content-type'];
  if (typeof contentType === 'string') {
    const essence = contentType.split(';', 1)[0].trim().toLowerCase();
    if (!SIMPLE_CONTENT_TYPES.has(essence)) return false;
  }
  return !PREFLIGHT_HEADERS.some((name) => {
    const value = headers[name];
    return typeof value === 'string' && value.length > 0;
  });
}

export const CSRF_MESSAGE =
  'This operation has been blocked as a potential Cross-Site Request Forgery (CSRF): send it with a ' +
  "non-simple content-type such as application/json, or with a non-empty 'apollo-require-preflight' header";
