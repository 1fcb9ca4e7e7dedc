import { createHash, type Hash } from 'node:crypto';
import { endianness } from 'node:os';
import { ANALYZER_VERSION } from '../analysis/chinese.analyzer';
import { CatalogueStatus, SEARCH_FIELDS, type IndexedMiniProgram } from './search-engine.port';
import type { EmbeddedIndexState, FrozenIndex } from './embedded.engine';

/**
 * The embedded index on disk (ADR 0011, issue-10 addenda): a restarted search process loads it instead of rebuilding
 * from the owners, then replays what its journal recorded after `marker.journalSequence`.
 *
 * Format 2, written front to back in one pass (no seek back), every typed array as it is in memory (little-endian):
 *
 * ```
 * 'GROVEIX2'  u32 header bytes  header JSON (format, analyzer, marker: database identity, journal position, time)
 * sections, each starting at a multiple of 8 (zero padding between):
 *   documents.records  i32  per document slot: string ids of its fields and the lengths of its lists (see below)
 *   documents.offsets  u32  slots + 1: where each slot's record starts (an empty slot: an empty record)
 *   terms              i32  string id of each term
 *   postings.lengths   u32  terms × fields: documents listed per term and field
 *   postings.docs      i32  every posting's document slots, term-major then field
 *   postings.freqs     u16  their term frequencies, same order
 *   fields.lengths     u16  slots × fields: distinct terms per document and field (BM25's field length)
 *   strings.offsets    u32  strings + 1
 *   strings.bytes      u8   UTF-8 of every distinct string (documents' texts and ids, terms)
 * contents JSON (counts; [name, offset, bytes] per section)   u32 its bytes   SHA-256 of everything before it
 * ```
 *
 * Loading reads each section straight into its own buffer (the postings stay views of theirs: no copy), checks the
 * checksum over the whole file, then the structure. A snapshot of another format or analyzer (the segmenter's words
 * follow Node's ICU data), truncated, or whose checksum does not match is refused (`SnapshotError`): the caller
 * rebuilds. Document slots are kept as they are (a removed document's slot is empty), so postings are written without
 * renumbering.
 */
const MAGIC = Buffer.from('GROVEIX2', 'latin1');
export const SNAPSHOT_FORMAT = 2;
const CHECKSUM_BYTES = 32;
const ALIGN = 8;
/**
 * Bytes handed to the sink at a time (copied and hashed at once), and document slots and terms encoded per step: a
 * step is well under a millisecond of work, and the event loop is served between steps.
 */
const CHUNK_BYTES = 1 << 18;
const DOCUMENTS_PER_STEP = 100;
const TERMS_PER_STEP = 250;
const FIELD_LENGTH_SLOTS_PER_STEP = 16_384;
/** Bytes read at a time when loading (a start is not serving yet: few large reads). */
const READ_BYTES = 1 << 24;
const FIELD_COUNT = SEARCH_FIELDS.length;
const STATUSES = Object.values(CatalogueStatus);
const SECTIONS = [
  'documents.records',
  'documents.offsets',
  'terms',
  'postings.lengths',
  'postings.docs',
  'postings.freqs',
  'fields.lengths',
  'strings.offsets',
  'strings.bytes',
] as const;
type SectionName = (typeof SECTIONS)[number];
const ELEMENT_BYTES: Record<SectionName, number> = {
  'documents.records': 4,
  'documents.offsets': 4,
  terms: 4,
  'postings.lengths': 4,
  'postings.docs': 4,
  'postings.freqs': 2,
  'fields.lengths': 2,
  'strings.offsets': 4,
  'strings.bytes': 1,
};

export interface SnapshotMarker {
  /** Every journal entry up to this one is in the snapshot; later ones are replayed after loading. */
  journalSequence: number;
  /** When it was taken (ms): an older snapshot than the events are kept for cannot be caught up, so it is rebuilt. */
  savedAt: number;
  /** The identity of the database the index was built from (search-index-identity.store.ts). */
  identity: string;
}

export interface SnapshotHeader {
  format: number;
  analyzer: string;
  marker: SnapshotMarker;
}

/** The trailer: what the sections hold and where they are. */
interface SnapshotContents {
  /** Document slots (present documents plus empty slots). */
  slots: number;
  documents: number;
  terms: number;
  postings: number;
  strings: number;
  sections: Array<[SectionName, number, number]>;
}

/** Where a snapshot is written, front to back (a file in production, memory in tests). */
export interface SnapshotSink {
  write(bytes: Uint8Array): Promise<void>;
}

/** Where a snapshot is read from: `read` fills `into` from `position` or throws (a short file is a `SnapshotError`). */
export interface SnapshotSource {
  readonly size: number;
  read(into: Uint8Array, position: number): Promise<void>;
}

export class SnapshotError extends Error {}

/** The analyzer a snapshot's terms came from: ours, on this ICU version (the segmenter's dictionary). */
export function snapshotAnalyzer(): string {
  return `${ANALYZER_VERSION};icu=${process.versions.icu ?? 'none'}`;
}

/** Sizes of a save's steps (tests make them small, to change the index between many of them). */
export interface WriteOptions {
  chunkBytes?: number;
  documentsPerStep?: number;
  termsPerStep?: number;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Writes the frozen generation of the index (`EmbeddedSearchEngine.freeze()`) to `sink`. Nothing here copies the
 * index at once: documents and terms are encoded a step at a time and the postings go out in 1 MB chunks, the event
 * loop served between them, while the engine keeps taking searches and writes (its writes go around the frozen
 * generation: see `freeze`). Returns the bytes written.
 */
export async function writeSnapshot(
  frozen: FrozenIndex,
  marker: SnapshotMarker,
  sink: SnapshotSink,
  options: WriteOptions = {},
): Promise<number> {
  const documentsPerStep = options.documentsPerStep ?? DOCUMENTS_PER_STEP;
  const termsPerStep = options.termsPerStep ?? TERMS_PER_STEP;
  if (endianness() !== 'LE')
    throw new Error('search index snapshots are written on little-endian machines only');
  const header: SnapshotHeader = { format: SNAPSHOT_FORMAT, analyzer: snapshotAnalyzer(), marker };
  const out = new ChunkWriter(sink, options.chunkBytes ?? CHUNK_BYTES);
  const headerJson = Buffer.from(JSON.stringify(header), 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32LE(headerJson.length);
  await out.write(MAGIC);
  await out.write(length);
  await out.write(headerJson);

  const strings = new StringTable();
  const slots = frozen.slots;
  const sections: SnapshotContents['sections'] = [];

  // Documents: one record per slot, a step at a time.
  const offsets = new Uint32Array(slots + 1);
  let documents = 0;
  let recordsAt = 0;
  const recordsStart = await out.begin();
  for (let from = 0; from < slots; from += documentsPerStep) {
    const record = new IntList();
    for (let n = from; n < Math.min(slots, from + documentsPerStep); n++) {
      offsets[n] = recordsAt + record.length;
      const document = frozen.document(n);
      if (!document) continue;
      documents += 1;
      encodeDocument(document, record, strings);
    }
    recordsAt += record.length;
    await out.write(record.view());
    await turn();
  }
  offsets[slots] = recordsAt;
  sections.push(['documents.records', recordsStart, out.at - recordsStart]);
  sections.push(['documents.offsets', await out.begin(), offsets.byteLength]);
  await out.write(offsets);

  // Terms: their postings as the generation froze them, in three passes over the generation (term ids and lengths,
  // then document slots, then frequencies), a step at a time. Each pass sees the same postings (copy-on-write), and
  // nothing is gathered across steps but the ids and lengths: the views of one step are garbage by the next.
  const termIds = new IntList();
  const lengths = new IntList();
  let postings = 0;
  let step = 0;
  for (const [term, fields] of frozen.terms()) {
    termIds.push(strings.id(term));
    for (let f = 0; f < FIELD_COUNT; f++) {
      const length = fields[f]?.length ?? 0;
      lengths.push(length);
      postings += length;
    }
    if (++step % termsPerStep === 0) await turn();
  }
  const lengthsView = lengths.view();
  sections.push(['terms', await out.begin(), termIds.view().byteLength]);
  await out.write(termIds.view());
  sections.push(['postings.lengths', await out.begin(), lengthsView.byteLength]);
  await out.write(new Uint32Array(lengthsView.buffer, lengthsView.byteOffset, lengthsView.length));
  for (const [name, part, bytesPer] of [
    ['postings.docs', 'docs', 4],
    ['postings.freqs', 'freqs', 2],
  ] as const) {
    const start = await out.begin();
    let written = 0;
    for (const [, fields] of frozen.terms()) {
      if (written === termIds.length) break; // terms added since the freeze come last, all empty to the generation
      written += 1;
      for (const posting of fields) {
        if (!posting) continue;
        const array = posting[part];
        const pending = out.write(new Uint8Array(array.buffer, array.byteOffset, posting.length * bytesPer));
        if (pending) await pending;
      }
    }
    sections.push([name, start, out.at - start]);
  }
  if (sections.at(-2)![2] !== postings * 4 || sections.at(-1)![2] !== postings * 2)
    throw new Error('the frozen generation changed while it was written');
  const fieldsStart = await out.begin();
  for (let from = 0; from < slots; from += FIELD_LENGTH_SLOTS_PER_STEP)
    await out.write(frozen.fieldLengths(from, Math.min(slots, from + FIELD_LENGTH_SLOTS_PER_STEP)));
  sections.push(['fields.lengths', fieldsStart, out.at - fieldsStart]);
  const stringOffsets = strings.offsets();
  sections.push(['strings.offsets', await out.begin(), stringOffsets.byteLength]);
  await out.write(stringOffsets);
  const stringBytes = strings.bytes();
  sections.push(['strings.bytes', await out.begin(), stringBytes.byteLength]);
  await out.write(stringBytes);
  const contents: SnapshotContents = {
    slots,
    documents,
    terms: termIds.length,
    postings,
    strings: strings.count,
    sections,
  };
  return out.finish(Buffer.from(JSON.stringify(contents), 'utf8'));
}

/** Reads and checks a snapshot's header only: a foreign or old snapshot is refused before its bulk is read. */
export async function readSnapshotHeader(source: SnapshotSource): Promise<SnapshotHeader> {
  return (await readFrame(source)).header;
}

/**
 * Reads a whole snapshot: every section into its own buffer, the checksum checked over the file, then its structure.
 * The postings of the returned state are whole-section arrays the engine keeps views of.
 */
export async function readSnapshot(
  source: SnapshotSource,
): Promise<{ header: SnapshotHeader; state: EmbeddedIndexState }> {
  const { header, headerBytes, contents, tocBytes } = await readFrame(source);
  const hash = createHash('sha256');
  hash.update(headerBytes);
  const sections = new Map<SectionName, Uint8Array>();
  let at = headerBytes.length;
  const scratch = new Uint8Array(ALIGN);
  for (const [name, offset, bytes] of contents.sections) {
    if (offset > at) {
      // Padding between sections (at most ALIGN - 1 bytes): checked by the hash like the rest.
      const gap = scratch.subarray(0, offset - at);
      await source.read(gap, at);
      hash.update(gap);
    }
    const buffer = new Uint8Array(new ArrayBuffer(bytes));
    for (let done = 0; done < bytes; done += READ_BYTES) {
      const piece = buffer.subarray(done, Math.min(bytes, done + READ_BYTES));
      await source.read(piece, offset + done);
      hash.update(piece);
    }
    sections.set(name, buffer);
    at = offset + bytes;
  }
  hash.update(tocBytes);
  const checksum = new Uint8Array(CHECKSUM_BYTES);
  await source.read(checksum, source.size - CHECKSUM_BYTES);
  if (!Buffer.from(checksum).equals(hash.digest()))
    throw new SnapshotError('search index snapshot checksum mismatch (corrupt)');
  return { header, state: decodeSections(contents, sections) };
}

/** A snapshot in memory (tests, the benchmark's in-memory variant). */
export async function encodeSnapshot(frozen: FrozenIndex, marker: SnapshotMarker): Promise<Buffer> {
  const chunks: Buffer[] = [];
  await writeSnapshot(frozen, marker, { write: async (bytes) => void chunks.push(Buffer.from(bytes)) });
  return Buffer.concat(chunks);
}

export async function decodeSnapshot(
  buffer: Uint8Array,
): Promise<{ header: SnapshotHeader; state: EmbeddedIndexState }> {
  return readSnapshot(bufferSource(buffer));
}

export function bufferSource(buffer: Uint8Array): SnapshotSource {
  return {
    size: buffer.length,
    read: async (into, position) => {
      if (position < 0 || position + into.length > buffer.length)
        throw new SnapshotError('search index snapshot is shorter than it says (truncated)');
      into.set(buffer.subarray(position, position + into.length));
    },
  };
}

interface Frame {
  header: SnapshotHeader;
  /** Magic, header length, header JSON and the padding after it: the first bytes the checksum covers. */
  headerBytes: Uint8Array;
  contents: SnapshotContents;
  /** Contents JSON and its length: the last bytes the checksum covers. */
  tocBytes: Uint8Array;
}

/** The header (checked: magic, format, analyzer) and the contents (sections checked: in bounds, in order, aligned). */
async function readFrame(source: SnapshotSource): Promise<Frame> {
  const size = source.size;
  if (size < MAGIC.length + 4 + 4 + CHECKSUM_BYTES) throw new SnapshotError('not a search index snapshot');
  const start = Buffer.alloc(MAGIC.length + 4);
  await source.read(start, 0);
  if (!start.subarray(0, MAGIC.length).equals(MAGIC)) {
    if (start.subarray(0, 7).equals(MAGIC.subarray(0, 7)))
      throw new SnapshotError(`snapshot format ${start.toString('latin1', 7, 8)} is not ours`);
    throw new SnapshotError('not a search index snapshot');
  }
  const headerLength = start.readUInt32LE(MAGIC.length);
  const headerEnd = MAGIC.length + 4 + headerLength;
  const sectionsStart = headerEnd + ((ALIGN - (headerEnd % ALIGN)) % ALIGN);
  if (sectionsStart + 4 + CHECKSUM_BYTES > size)
    throw new SnapshotError('search index snapshot is shorter than its header says (truncated)');
  const headerBytes = Buffer.alloc(sectionsStart);
  await source.read(headerBytes, 0);
  const header = parseJson<SnapshotHeader>(headerBytes.subarray(MAGIC.length + 4, headerEnd), 'header');
  if (header.format !== SNAPSHOT_FORMAT)
    throw new SnapshotError(`snapshot format ${header.format} is not ours`);
  if (header.analyzer !== snapshotAnalyzer())
    throw new SnapshotError(`snapshot analyzer ${header.analyzer} differs from ${snapshotAnalyzer()}`);
  if (
    typeof header.marker?.journalSequence !== 'number' ||
    typeof header.marker.savedAt !== 'number' ||
    typeof header.marker.identity !== 'string'
  )
    throw new SnapshotError('search index snapshot header has no marker');

  const tocLengthBytes = Buffer.alloc(4);
  await source.read(tocLengthBytes, size - CHECKSUM_BYTES - 4);
  const tocLength = tocLengthBytes.readUInt32LE(0);
  const tocStart = size - CHECKSUM_BYTES - 4 - tocLength;
  if (tocStart < sectionsStart) throw new SnapshotError('search index snapshot is truncated');
  const tocBytes = Buffer.alloc(tocLength + 4);
  await source.read(tocBytes, tocStart);
  const contents = parseJson<SnapshotContents>(tocBytes.subarray(0, tocLength), 'contents');
  const { sections } = contents;
  const counts = [contents.slots, contents.documents, contents.terms, contents.postings, contents.strings];
  let at = sectionsStart;
  const valid =
    counts.every((count) => Number.isSafeInteger(count) && count >= 0) &&
    Array.isArray(sections) &&
    sections.length === SECTIONS.length &&
    sections.every(([name, offset, bytes], i) => {
      const ok =
        name === SECTIONS[i] &&
        Number.isSafeInteger(offset) &&
        Number.isSafeInteger(bytes) &&
        offset >= at &&
        offset - at < ALIGN &&
        offset % ALIGN === 0 &&
        bytes >= 0 &&
        bytes % ELEMENT_BYTES[name] === 0 &&
        offset + bytes <= tocStart;
      at = offset + bytes;
      return ok;
    }) &&
    tocStart - at < ALIGN;
  if (!valid) throw new SnapshotError('search index snapshot has broken contents (truncated or corrupt)');
  return { header, headerBytes, contents, tocBytes };
}

function parseJson<T>(bytes: Uint8Array, what: string): T {
  try {
    return JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')) as T;
  } catch {
    throw new SnapshotError(`search index snapshot ${what} is not readable (truncated or corrupt)`);
  }
}

/** The sections back into the index state; anything inconsistent is a `SnapshotError` (never a half-loaded index). */
function decodeSections(
  header: SnapshotContents,
  sections: Map<SectionName, Uint8Array>,
): EmbeddedIndexState {
  const view = <T>(
    name: SectionName,
    make: (buffer: ArrayBuffer, offset: number, length: number) => T,
  ): T => {
    const bytes = sections.get(name)!;
    return make(bytes.buffer as ArrayBuffer, bytes.byteOffset, bytes.byteLength / ELEMENT_BYTES[name]);
  };
  const fail = inconsistent;
  const stringOffsets = view('strings.offsets', (b, o, l) => new Uint32Array(b, o, l));
  const stringBytes = Buffer.from(view('strings.bytes', (b, o, l) => new Uint8Array(b, o, l)));
  if (stringOffsets.length !== header.strings + 1 || stringOffsets[0] !== 0) throw fail('string table');
  const strings = new Array<string>(header.strings);
  for (let i = 0; i < header.strings; i++) {
    const [from, to] = [stringOffsets[i], stringOffsets[i + 1]];
    if (to < from || to > stringBytes.length) throw fail('string offsets');
    strings[i] = stringBytes.toString('utf8', from, to);
  }
  if (stringOffsets[header.strings] !== stringBytes.length) throw fail('string bytes');

  const records = view('documents.records', (b, o, l) => new Int32Array(b, o, l));
  const offsets = view('documents.offsets', (b, o, l) => new Uint32Array(b, o, l));
  if (offsets.length !== header.slots + 1 || offsets[header.slots] !== records.length)
    throw fail('documents');
  const documents = new Array<IndexedMiniProgram | undefined>(header.slots);
  const decoder = new DocumentDecoder(records, strings);
  let present = 0;
  for (let n = 0; n < header.slots; n++) {
    if (offsets[n + 1] < offsets[n]) throw fail('document offsets');
    if (offsets[n + 1] === offsets[n]) continue;
    documents[n] = decoder.decode(offsets[n], offsets[n + 1]);
    present += 1;
  }
  if (present !== header.documents) throw fail('document count');

  const termIds = view('terms', (b, o, l) => new Int32Array(b, o, l));
  if (termIds.length !== header.terms) throw fail('term count');
  const terms = Array.from(termIds, (id) => {
    if (id < 0 || id >= strings.length) throw fail('term ids');
    return strings[id];
  });
  const postingLengths = view('postings.lengths', (b, o, l) => new Uint32Array(b, o, l));
  const postingDocs = view('postings.docs', (b, o, l) => new Int32Array(b, o, l));
  const postingFreqs = view('postings.freqs', (b, o, l) => new Uint16Array(b, o, l));
  const fieldLengths = view('fields.lengths', (b, o, l) => new Uint16Array(b, o, l));
  let listed = 0;
  for (let i = 0; i < postingLengths.length; i++) listed += postingLengths[i];
  if (
    postingLengths.length !== terms.length * FIELD_COUNT ||
    listed !== header.postings ||
    postingDocs.length !== listed ||
    postingFreqs.length !== listed ||
    fieldLengths.length !== header.slots * FIELD_COUNT
  )
    throw fail('posting sizes');
  for (let i = 0; i < postingDocs.length; i++) {
    const n = postingDocs[i];
    if (n < 0 || n >= header.slots || documents[n] === undefined) throw fail('posting lists an empty slot');
  }
  return { documents, terms, postingLengths, postingDocs, postingFreqs, fieldLengths };
}

/**
 * A document's record: appId, orgId, organizationName, name, category, description, logoKey (string ids, -1 for
 * null), status (its index in CatalogueStatus), flags (1: searchable), then aliases, keywords, host app ids (a count,
 * then string ids) and pages (a count, then path, title, text per page).
 */
function encodeDocument(document: IndexedMiniProgram, out: IntList, strings: StringTable): void {
  const optional = (value: string | null) => (value === null ? -1 : strings.id(value));
  out.push(strings.add(document.appId));
  out.push(strings.id(document.orgId));
  out.push(strings.id(document.organizationName));
  out.push(strings.id(document.name));
  out.push(optional(document.category));
  out.push(strings.id(document.description));
  out.push(optional(document.logoKey));
  out.push(STATUSES.indexOf(document.status));
  out.push(document.searchable ? 1 : 0);
  for (const list of [document.aliases, document.keywords, document.hostAppIds]) {
    out.push(list.length);
    for (const value of list) out.push(strings.id(value));
  }
  out.push(document.pages.length);
  for (const page of document.pages) {
    out.push(strings.add(page.path));
    out.push(strings.id(page.title));
    out.push(strings.id(page.text));
  }
}

/** Reads records back into documents (one instance for all: no closure per document). */
class DocumentDecoder {
  private at = 0;
  private to = 0;

  constructor(
    private readonly records: Int32Array,
    private readonly strings: readonly string[],
  ) {}

  decode(from: number, to: number): IndexedMiniProgram {
    this.at = from;
    this.to = to;
    const appId = this.string();
    const orgId = this.string();
    const organizationName = this.string();
    const name = this.string();
    const category = this.optional();
    const description = this.string();
    const logoKey = this.optional();
    const status = STATUSES[this.next()];
    if (status === undefined) throw inconsistent('document status');
    const searchable = this.next() === 1;
    const aliases = this.list();
    const keywords = this.list();
    const hostAppIds = this.list();
    const pageCount = this.next();
    if (pageCount < 0 || pageCount * 3 > this.to - this.at) throw inconsistent('document pages');
    const pages = new Array<IndexedMiniProgram['pages'][number]>(pageCount);
    for (let i = 0; i < pageCount; i++)
      pages[i] = { path: this.string(), title: this.string(), text: this.string() };
    if (this.at !== to) throw inconsistent('document record length');
    return {
      appId,
      orgId,
      organizationName,
      name,
      aliases,
      keywords,
      category,
      description,
      logoKey,
      status,
      pages,
      searchable,
      hostAppIds,
    };
  }

  private next(): number {
    if (this.at >= this.to) throw inconsistent('document record');
    return this.records[this.at++];
  }

  private string(): string {
    const id = this.next();
    if (id < 0 || id >= this.strings.length) throw inconsistent('document string id');
    return this.strings[id];
  }

  private optional(): string | null {
    if (this.at < this.to && this.records[this.at] === -1) {
      this.at += 1;
      return null;
    }
    return this.string();
  }

  private list(): string[] {
    const count = this.next();
    if (count < 0 || count > this.to - this.at) throw inconsistent('document list');
    const out = new Array<string>(count);
    for (let i = 0; i < count; i++) out[i] = this.string();
    return out;
  }
}

function inconsistent(what: string): SnapshotError {
  return new SnapshotError(`search index snapshot is inconsistent: ${what}`);
}

/**
 * Strings numbered in order of first use, their UTF-8 appended to one growing buffer: `id` gives a repeated string
 * (organization names, categories, tags, texts, terms) one entry; `add` appends one that is unique anyway (app ids,
 * page paths) without looking it up, which keeps the map small (no large rehash in the middle of a save).
 */
class StringTable {
  private readonly ids = new Map<string, number>();
  private readonly ends = new IntList();
  private buffer = Buffer.allocUnsafe(1 << 16);
  private used = 0;

  get count(): number {
    return this.ends.length;
  }

  id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.add(value);
      this.ids.set(value, id);
    }
    return id;
  }

  add(value: string): number {
    if (this.used + value.length * 3 > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.used + value.length * 3));
      this.buffer.copy(grown, 0, 0, this.used);
      this.buffer = grown;
    }
    this.used += this.buffer.write(value, this.used, 'utf8');
    this.ends.push(this.used);
    return this.ends.length - 1;
  }

  offsets(): Uint32Array {
    const offsets = new Uint32Array(this.ends.length + 1);
    offsets.set(this.ends.view(), 1);
    return offsets;
  }

  bytes(): Uint8Array {
    return this.buffer.subarray(0, this.used);
  }
}

/** A growing Int32Array. */
class IntList {
  private array = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.array.length) {
      const grown = new Int32Array(this.array.length * 2);
      grown.set(this.array);
      this.array = grown;
    }
    this.array[this.length++] = value;
  }

  view(): Int32Array {
    return this.array.subarray(0, this.length);
  }
}

/**
 * Gathers what is written into 1 MB chunks, hashes each and hands it to the sink, awaiting the sink and a turn of the
 * event loop after each: no step of a save holds the loop for more than a chunk's copy and hash.
 */
class ChunkWriter {
  private readonly hash: Hash = createHash('sha256');
  private readonly staging: Buffer;
  private used = 0;
  /** Bytes written so far (the position in the file). */
  at = 0;

  constructor(
    private readonly sink: SnapshotSink,
    private readonly chunkBytes: number,
  ) {
    this.staging = Buffer.allocUnsafe(chunkBytes);
  }

  /** Pads to the section alignment and returns where the next section starts. */
  async begin(): Promise<number> {
    const padding = (ALIGN - (this.at % ALIGN)) % ALIGN;
    if (padding > 0) await this.write(new Uint8Array(padding));
    return this.at;
  }

  /** Stages `view`; a promise (to await) only when a chunk filled up and went to the sink. */
  write(view: ArrayBufferView): Promise<void> | undefined {
    const bytes =
      view instanceof Uint8Array ? view : new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
    if (bytes.length < this.chunkBytes - this.used) {
      this.staging.set(bytes, this.used);
      this.used += bytes.length;
      this.at += bytes.length;
      return undefined;
    }
    return this.writeFlushing(bytes);
  }

  private async writeFlushing(bytes: Uint8Array): Promise<void> {
    while (bytes.length > 0) {
      const take = Math.min(bytes.length, this.chunkBytes - this.used);
      this.staging.set(bytes.subarray(0, take), this.used);
      this.used += take;
      this.at += take;
      bytes = bytes.subarray(take);
      if (this.used === this.chunkBytes) await this.flush();
    }
  }

  /** The contents JSON, its length, then the checksum of everything before it. Returns the bytes written. */
  async finish(contents: Buffer): Promise<number> {
    const length = Buffer.alloc(4);
    length.writeUInt32LE(contents.length);
    await this.write(contents);
    await this.write(length);
    await this.flush();
    const checksum = this.hash.digest();
    await this.sink.write(checksum);
    return this.at + checksum.length;
  }

  private async flush(): Promise<void> {
    if (this.used === 0) return;
    // The staging buffer is reused only once the sink is done with this chunk.
    const chunk = this.staging.subarray(0, this.used);
    this.hash.update(chunk);
    await this.sink.write(chunk);
    this.used = 0;
    await turn();
  }
}
