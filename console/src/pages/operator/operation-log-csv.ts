/**
 * CSV download of the operation log under the current filter. The server answers in chunks (`operationLogCsv`, up to
 * 2,000 lines each, the header in the first only); the chunks are joined in order and handed to the browser as one
 * Blob, so the file is exactly what the server wrote (formula-like cells already neutralized there).
 */
export interface CsvChunk {
  csv: string;
  rows: number;
  nextCursor?: string | null;
}

export interface OperationLogFilterForName {
  actor?: string;
  action?: string;
  target?: string;
  organizationId?: string;
  from?: string;
  to?: string;
}

/** Lines per request: the server's maximum, so a large log takes as few round trips as possible. */
export const CSV_CHUNK_ROWS = 2000;

/**
 * Fetches every chunk in order, reporting the lines read so far; stops (and throws the abort reason) when `signal`
 * aborts. A failed chunk throws: a partial file is never offered as the whole log.
 */
export async function collectCsv(
  fetchChunk: (after: string | undefined) => Promise<CsvChunk>,
  onProgress: (rows: number) => void,
  signal?: AbortSignal,
): Promise<{ csv: string; rows: number }> {
  const parts: string[] = [];
  let rows = 0;
  let after: string | undefined;
  for (;;) {
    signal?.throwIfAborted();
    const chunk = await fetchChunk(after);
    signal?.throwIfAborted();
    parts.push(chunk.csv);
    rows += chunk.rows;
    onProgress(rows);
    if (!chunk.nextCursor) break;
    if (chunk.nextCursor === after) throw new Error('the server returned the same cursor twice');
    after = chunk.nextCursor;
  }
  return { csv: parts.join(''), rows };
}

const compactTime = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d+/, '').replace(/Z$/, 'Z');

/** Keeps a filter value safe in a file name on every OS: letters, digits, dot, dash, underscore; at most 40. */
function slug(value: string): string {
  return (
    value
      .replace(/[^A-Za-z0-9._-]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 40) || 'x'
  );
}

/**
 * `grove-operation-log-<when>[-<filter>…].csv`: the time of the download (UTC) and what the file was filtered by, so
 * two downloads neither overwrite each other nor hide that a file is only part of the log.
 */
export function csvFileName(filter: OperationLogFilterForName, now: Date): string {
  const parts = ['grove-operation-log', compactTime(now.toISOString())];
  if (filter.organizationId) parts.push(`org-${slug(filter.organizationId)}`);
  if (filter.actor) parts.push(`actor-${slug(filter.actor)}`);
  if (filter.action) parts.push(`action-${slug(filter.action)}`);
  if (filter.target) parts.push(`target-${slug(filter.target)}`);
  if (filter.from) parts.push(`from-${compactTime(filter.from)}`);
  if (filter.to) parts.push(`to-${compactTime(filter.to)}`);
  return `${parts.join('-')}.csv`;
}

/** Hands the text to the browser as a file download (a Blob URL on a temporary link, revoked afterwards). */
export function downloadText(text: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  // A byte-order mark so spreadsheet programs read the UTF-8 (Chinese names, summaries) correctly.
  const blob = new Blob(['\uFEFF', text], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
