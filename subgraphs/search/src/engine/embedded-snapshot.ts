import { createHash } from 'node:crypto';
import { ANALYZER_VERSION } from '../analysis/chinese.analyzer';
import { SEARCH_FIELDS, type IndexedMiniProgram } from './search-engine.port';
import type { EmbeddedIndexState } from './embedded.engine';

/**
 * The embedded index on disk (ADR 0011, issue-10 addendum): a restarted search process loads it instead of rebuilding
 * from the owners, then replays what its journal recorded after `marker.journalSequence`.
 *
 * Layout: magic, header length (u32 LE), header JSON (terms, marker), the documents' JSON, padding to 4 bytes, the posting
 * lengths (u32), posting document numbers (i32), field lengths (u16), posting frequencies (u16), then the SHA-256 of
 * everything before it. A snapshot of another format or analyzer (the segmenter's words follow Node's ICU data), or
 * one whose checksum does not match, is refused: the caller rebuilds.
 */
const MAGIC = Buffer.from('GROVEIX1', 'latin1');
export const SNAPSHOT_FORMAT = 1;
const CHECKSUM_BYTES = 32;

export interface SnapshotMarker {
  /** Every journal entry up to this one is in the snapshot; later ones are replayed after loading. */
  journalSequence: number;
  /** When it was taken (ms): an older snapshot than the events are kept for cannot be caught up, so it is rebuilt. */
  savedAt: number;
  /** The identity of the database the index was built from (search-index-identity.store.ts). */
  identity: string;
}

interface SnapshotHeader {
  format: number;
  analyzer: string;
  marker: SnapshotMarker;
  /** Bytes of the documents' JSON array, which follows the header. */
  documentBytes: number;
  documents: number;
  terms: string[];
  postingLengths: number;
  postings: number;
  fieldLengths: number;
}

export class SnapshotError extends Error {}

/** The analyzer a snapshot's terms came from: ours, on this ICU version (the segmenter's dictionary). */
export function snapshotAnalyzer(): string {
  return `${ANALYZER_VERSION};icu=${process.versions.icu ?? 'none'}`;
}

/** Documents serialized per chunk, the event loop served between chunks (searches go on while a snapshot is written). */
const DOCUMENTS_PER_CHUNK = 2_000;

/**
 * The snapshot of `state` (taken synchronously by the caller, so it is consistent). The documents' JSON, the bulk of
 * the work, is produced a chunk at a time with a turn of the event loop between chunks.
 */
export async function encodeSnapshot(state: EmbeddedIndexState, marker: SnapshotMarker): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let i = 0; i < state.documents.length; i += DOCUMENTS_PER_CHUNK) {
    const chunk = state.documents.slice(i, i + DOCUMENTS_PER_CHUNK).map((d) => JSON.stringify(d));
    parts.push(Buffer.from((i === 0 ? '' : ',') + chunk.join(','), 'utf8'));
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
  const documents = Buffer.concat([Buffer.from('['), ...parts, Buffer.from(']')]);
  const header: SnapshotHeader = {
    format: SNAPSHOT_FORMAT,
    analyzer: snapshotAnalyzer(),
    marker,
    documentBytes: documents.length,
    documents: state.documents.length,
    terms: state.terms,
    postingLengths: state.postingLengths.length,
    postings: state.postingDocs.length,
    fieldLengths: state.fieldLengths.length,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(json.length);
  const padding = Buffer.alloc((4 - ((MAGIC.length + 4 + json.length + documents.length) % 4)) % 4);
  const body = Buffer.concat([
    MAGIC,
    length,
    json,
    documents,
    padding,
    bytesOf(state.postingLengths),
    bytesOf(state.postingDocs),
    bytesOf(state.fieldLengths),
    bytesOf(state.postingFreqs),
  ]);
  return Buffer.concat([body, createHash('sha256').update(body).digest()]);
}

export function decodeSnapshot(buffer: Buffer): { state: EmbeddedIndexState; marker: SnapshotMarker } {
  if (buffer.length < MAGIC.length + 4 + CHECKSUM_BYTES || !buffer.subarray(0, MAGIC.length).equals(MAGIC))
    throw new SnapshotError('not a search index snapshot');
  const body = buffer.subarray(0, buffer.length - CHECKSUM_BYTES);
  if (!createHash('sha256').update(body).digest().equals(buffer.subarray(body.length)))
    throw new SnapshotError('search index snapshot checksum mismatch (truncated or corrupt)');
  const jsonLength = body.readUInt32LE(MAGIC.length);
  const jsonStart = MAGIC.length + 4;
  const header = JSON.parse(
    body.subarray(jsonStart, jsonStart + jsonLength).toString('utf8'),
  ) as SnapshotHeader;
  if (header.format !== SNAPSHOT_FORMAT)
    throw new SnapshotError(`snapshot format ${header.format} is not ours`);
  if (header.analyzer !== snapshotAnalyzer())
    throw new SnapshotError(`snapshot analyzer ${header.analyzer} differs from ${snapshotAnalyzer()}`);
  const documentsStart = jsonStart + jsonLength;
  if (documentsStart + header.documentBytes > body.length)
    throw new SnapshotError('search index snapshot is shorter than its header says');
  const documents = JSON.parse(
    body.subarray(documentsStart, documentsStart + header.documentBytes).toString('utf8'),
  ) as IndexedMiniProgram[];
  let at = documentsStart + header.documentBytes;
  at += (4 - (at % 4)) % 4;
  const take = <T>(count: number, bytesPer: number, make: (buffer: ArrayBuffer) => T): T => {
    const end = at + count * bytesPer;
    if (end > body.length) throw new SnapshotError('search index snapshot is shorter than its header says');
    // A copy, aligned for the typed array whatever the Buffer's offset in its pool.
    const copy = new ArrayBuffer(end - at);
    new Uint8Array(copy).set(body.subarray(at, end));
    at = end;
    return make(copy);
  };
  const postingLengths = take(header.postingLengths, 4, (b) => new Uint32Array(b));
  const postingDocs = take(header.postings, 4, (b) => new Int32Array(b));
  const fieldLengths = take(header.fieldLengths, 2, (b) => new Uint16Array(b));
  const postingFreqs = take(header.postings, 2, (b) => new Uint16Array(b));
  if (at !== body.length) throw new SnapshotError('search index snapshot has trailing bytes');
  const listed = postingLengths.reduce((sum, length) => sum + length, 0);
  if (
    postingLengths.length !== header.terms.length * SEARCH_FIELDS.length ||
    documents.length !== header.documents ||
    fieldLengths.length !== documents.length * SEARCH_FIELDS.length ||
    listed !== postingDocs.length ||
    postingDocs.some((n) => n < 0 || n >= documents.length)
  )
    throw new SnapshotError('search index snapshot is inconsistent');
  return {
    marker: header.marker,
    state: {
      documents,
      terms: header.terms,
      postingLengths,
      postingDocs,
      postingFreqs,
      fieldLengths,
    },
  };
}

function bytesOf(array: Uint32Array | Int32Array | Uint16Array): Buffer {
  return Buffer.from(array.buffer, array.byteOffset, array.byteLength);
}
