/**
 * Service domain lists as people type them (one per line, or separated by commas or spaces), checked before they are
 * sent for the mistakes the domain subgraph would refuse anyway: a wrong or missing scheme, a path, a duplicate. The
 * server normalises and decides (IP addresses, reserved names, punycode); its problems come back per entry.
 */
export const SERVICE_DOMAIN_KINDS = ['REQUEST', 'SOCKET', 'UPLOAD', 'DOWNLOAD'] as const;
export type ServiceDomainKindName = (typeof SERVICE_DOMAIN_KINDS)[number];
export const MAX_DOMAINS_PER_LIST = 200;

export const SCHEME_OF: Record<ServiceDomainKindName, 'https' | 'wss'> = {
  REQUEST: 'https',
  SOCKET: 'wss',
  UPLOAD: 'https',
  DOWNLOAD: 'https',
};

export type DomainEntryProblem =
  | { key: 'inst.domains.problemScheme'; values: { entry: string; scheme: string } }
  | { key: 'inst.domains.problemPath'; values: { entry: string } }
  | { key: 'inst.domains.problemDuplicate'; values: { entry: string } }
  | { key: 'inst.domains.problemTooMany'; values: { max: number } };

export function splitDomainEntries(text: string): string[] {
  return text
    .split(/[\s,，]+/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

/** What is wrong with the entries (at most one problem per entry), in the order typed. */
export function domainListProblems(
  kind: ServiceDomainKindName,
  entries: readonly string[],
): DomainEntryProblem[] {
  const scheme = SCHEME_OF[kind];
  const problems: DomainEntryProblem[] = [];
  if (entries.length > MAX_DOMAINS_PER_LIST)
    problems.push({ key: 'inst.domains.problemTooMany', values: { max: MAX_DOMAINS_PER_LIST } });
  const seen = new Set<string>();
  for (const entry of entries) {
    const match = /^([a-z][a-z0-9+.-]*):\/\/([^/?#\\]+)\/?$/i.exec(entry);
    if (!entry.includes('://') || (match && match[1]!.toLowerCase() !== scheme)) {
      problems.push({ key: 'inst.domains.problemScheme', values: { entry, scheme } });
      continue;
    }
    if (!match) {
      problems.push({ key: 'inst.domains.problemPath', values: { entry } });
      continue;
    }
    const normalized = `${scheme}://${match[2]!.toLowerCase().replace(/:443$/, '')}`;
    if (seen.has(normalized)) problems.push({ key: 'inst.domains.problemDuplicate', values: { entry } });
    seen.add(normalized);
  }
  return problems;
}

/** The per-entry problems the domain subgraph sends in `extensions.problems`, as lines to show beside the list. */
export function serverDomainProblems(extensions: unknown): string[] {
  const problems = (extensions as { problems?: unknown } | undefined)?.problems;
  if (!Array.isArray(problems)) return [];
  return problems.flatMap((p: { entry?: unknown; message?: unknown }) =>
    typeof p?.message === 'string'
      ? [typeof p.entry === 'string' ? `${p.entry}: ${p.message}` : p.message]
      : [],
  );
}

/** The verification file as a download the browser saves under the name the server chose. */
export function verificationFileHref(content: string): string {
  return `data:text/plain;charset=utf-8,${encodeURIComponent(content)}`;
}
