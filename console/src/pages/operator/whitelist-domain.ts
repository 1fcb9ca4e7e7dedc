/**
 * A whitelist entry as an operator types it, checked before it is sent for the mistakes the domain subgraph refuses
 * anyway (`normalizeBusinessDomain`): a scheme other than https, a path, a port, an IP address, a name without a dot.
 * The server still normalises and decides (reserved names, punycode); its refusal is shown beside the field.
 */
export type WhitelistDomainProblem =
  | 'opPlatform.whitelist.problemScheme'
  | 'opPlatform.whitelist.problemPath'
  | 'opPlatform.whitelist.problemIp'
  | 'opPlatform.whitelist.problemName';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** `https://Shop.Example.com/` → `shop.example.com`: the form the server stores. */
export function normalizeWhitelistDomain(text: string): string {
  return text
    .trim()
    .replace(/^https:\/\//i, '')
    .replace(/\/$/, '')
    .toLowerCase();
}

export function whitelistDomainProblem(text: string): WhitelistDomainProblem | null {
  const trimmed = text.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) && !/^https:\/\//i.test(trimmed))
    return 'opPlatform.whitelist.problemScheme';
  const host = normalizeWhitelistDomain(trimmed);
  if (/[/?#@\\:]/.test(host)) return 'opPlatform.whitelist.problemPath';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith('[')) return 'opPlatform.whitelist.problemIp';
  const labels = host.split('.');
  if (
    host.length > 253 ||
    labels.length < 2 ||
    !labels.every((l) => LABEL.test(l)) ||
    /^\d+$/.test(labels.at(-1)!)
  )
    return 'opPlatform.whitelist.problemName';
  return null;
}
