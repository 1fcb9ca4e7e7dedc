import { analyzeCached, highlightFragment, isHan } from '../analysis/chinese.analyzer';
import {
  HIGHLIGHT_FIELDS,
  SEARCH_FIELDS,
  type FacetCount,
  type IndexedPage,
  type PageMatch,
  type IndexedMiniProgram,
  type SearchEngine,
  type SearchField,
  type SearchFilter,
  type SearchHighlight,
  type SearchRequest,
  type SearchResult,
} from './search-engine.port';

/** Name above aliases above keywords above category and organization above description and pages (issue 10). */
export const FIELD_BOOSTS: Record<SearchField, number> = {
  name: 6,
  aliases: 4,
  keywords: 3,
  category: 2,
  organizationName: 1.5,
  description: 1,
  pages: 0.8,
};

const FIELD_COUNT = SEARCH_FIELDS.length;
const BOOSTS = Float64Array.from(SEARCH_FIELDS.map((field) => FIELD_BOOSTS[field]));
/** BM25+ as MiniSearch 7 scores (k, b, d): ADR 0011's ranking, checked by the relevance set, is kept as it was. */
const BM25_K = 1.2;
const BM25_B = 0.7;
const BM25_D = 0.5;
/** Weight of a Latin prefix completion ("wech" → wechat) relative to an exact term, MiniSearch's default. */
const PREFIX_WEIGHT = 0.375;
const nameCollator = new Intl.Collator('zh');

/** The documents of one term in one field: parallel arrays of document numbers and term frequencies. */
interface Posting {
  docs: Int32Array;
  freqs: Uint16Array;
  length: number;
  /** The engine's generation clock when it was created: a frozen generation before it does not see it. */
  born: number;
}

/** A posting as a frozen generation sees it: its first `length` entries. */
export interface PostingState {
  docs: Int32Array;
  freqs: Uint16Array;
  length: number;
}

/** A frozen generation: the index as it was at `freeze()`, held while a snapshot of it is written. */
interface Generation {
  id: number;
  terms: Map<string, TermPostings>;
  /** Postings changed since the freeze, as they were at the freeze (their arrays are then never written again). */
  kept: Map<Posting, PostingState>;
  /** The document slots at the freeze: the live array, and the slots changed since as they were. */
  slots: number;
  documents: Array<IndexedMiniProgram | undefined>;
  keptDocuments: Map<number, IndexedMiniProgram | undefined>;
  /** The field lengths array at the freeze, and the documents' field lengths changed since as they were. */
  fieldLengths: Uint16Array;
  keptFieldLengths: Map<number, Uint16Array>;
}

/** Per term, its posting in each field (index = position in SEARCH_FIELDS), null where it does not occur. */
type TermPostings = Array<Posting | null>;

/** What a snapshot of the index holds (see `embedded-snapshot.ts`), documents by slot as the engine numbers them. */
export interface EmbeddedIndexState {
  /** Document slots; a removed document's slot is empty until a new document takes it. */
  documents: ReadonlyArray<IndexedMiniProgram | undefined>;
  /** Every term, and per term and field the number of documents it lists (0: none). */
  terms: string[];
  postingLengths: Uint32Array;
  /** All postings' document slots and their frequencies, in `terms` × field order (the engine keeps views of them). */
  postingDocs: Int32Array;
  postingFreqs: Uint16Array;
  /** Distinct terms per document and field (BM25's field length), document-major. */
  fieldLengths: Uint16Array;
}

/**
 * The index as it was when `freeze()` was called, readable while the engine goes on: searches and writes do not wait
 * for it, and nothing was copied at the freeze.
 */
export interface FrozenIndex {
  /** Document slots (numbered 0…slots-1). */
  readonly slots: number;
  /** The document in slot `n` (undefined: an empty slot). */
  document(n: number): IndexedMiniProgram | undefined;
  /** A copy of the field lengths of slots `from`…`to`-1 (document-major, SEARCH_FIELDS order). */
  fieldLengths(from: number, to: number): Uint16Array;
  /**
   * Each term with its postings per field (null: none) as frozen: the first `length` entries of `docs` and `freqs`,
   * which nothing writes while the generation lives. Read it before `release()`.
   */
  terms(): IterableIterator<[string, Array<PostingState | null>]>;
  /** Ends the generation: the postings kept for it are let go. */
  release(): void;
}

/**
 * The embedded engine (ADR 0011 and its issue-10 performance addendum): an inverted index in this process, with the
 * Chinese analyzer on both sides. Postings are typed arrays (document number, term frequency) per term and field, so
 * a query accumulates BM25 scores into flat arrays without an object per hit; the total and the facets are exact over
 * every hit, while only the page (a bounded top-k) is sorted and gets highlights. Filters on host app or organization
 * become a candidate set before scoring. Documents are kept whole beside the index.
 */
export class EmbeddedSearchEngine implements SearchEngine {
  readonly description = 'embedded:inverted-index+zh-segmenter-bigram';

  private terms = new Map<string, TermPostings>();
  /** Latin and digit terms in code-unit order: where a query prefix ("zs", "wech") finds its completions. */
  private readonly latinTerms: string[] = [];
  private documents: Array<IndexedMiniProgram | undefined> = [];
  private readonly numbers = new Map<string, number>();
  private readonly free: number[] = [];
  private fieldLengths = new Uint16Array(0);
  private readonly fieldLengthSums = new Float64Array(FIELD_COUNT);
  private readonly byHostApp = new Map<string, Set<number>>();
  private readonly byOrganization = new Map<string, Set<number>>();
  /** Facet values as small numbers (per document: category, organization, status), so counting is array work. */
  private readonly facetValues = [new FacetValues(), new FacetValues(), new FacetValues()];
  private facetKeys = new Int32Array(0);
  // Scratch of one search (searches run one at a time: nothing awaits between scoring and the page).
  private scores = new Float64Array(0);
  private final = new Float64Array(0);
  private quality = new Uint16Array(0);
  private touchedAt = new Uint32Array(0);
  private termAt = new Uint32Array(0);
  private allowedAt = new Uint32Array(0);
  private epoch = 0;
  /** Frozen generations being written (see `freeze`), and the clock numbering them. */
  private generations: Generation[] = [];
  private generationClock = 0;

  static fromState(state: EmbeddedIndexState): EmbeddedSearchEngine {
    const engine = new EmbeddedSearchEngine();
    engine.load(state);
    return engine;
  }

  /**
   * Replaces the whole index by a snapshot's (see `embedded-snapshot.ts`). The postings become views of the
   * snapshot's arrays, not copies (the arrays hold nothing else): a posting that grows moves to an array of its own.
   */
  load(state: EmbeddedIndexState): void {
    this.reset();
    const slots = state.documents.length;
    this.ensureCapacity(slots);
    this.documents = new Array<IndexedMiniProgram | undefined>(slots);
    for (let n = slots - 1; n >= 0; n--) {
      const document = state.documents[n];
      if (!document) {
        this.free.push(n);
        continue;
      }
      this.documents[n] = document;
      this.numbers.set(document.appId, n);
      this.addToFilterIndexes(document, n);
    }
    this.fieldLengths.set(state.fieldLengths.subarray(0, slots * FIELD_COUNT));
    for (let i = 0; i < slots * FIELD_COUNT; i++)
      this.fieldLengthSums[i % FIELD_COUNT] += state.fieldLengths[i];
    let at = 0;
    for (let t = 0; t < state.terms.length; t++) {
      const postings: TermPostings = new Array<Posting | null>(FIELD_COUNT).fill(null);
      for (let f = 0; f < FIELD_COUNT; f++) {
        const length = state.postingLengths[t * FIELD_COUNT + f];
        if (length === 0) continue;
        postings[f] = {
          docs: state.postingDocs.subarray(at, at + length),
          freqs: state.postingFreqs.subarray(at, at + length),
          length,
          born: this.generationClock,
        };
        at += length;
      }
      this.terms.set(state.terms[t], postings);
      if (!isHan(state.terms[t])) this.latinTerms.push(state.terms[t]);
    }
    this.latinTerms.sort(compareCodeUnits);
  }

  /**
   * Freezes the index as it is now (synchronously: consistent with whatever the caller notes beside it) for a snapshot
   * to be written from while searches and writes go on. Nothing is copied: everything is copy-on-write. A write that
   * would change what the generation sees first keeps it for the generation: the document a slot held (documents are
   * replaced, never changed), a document's field lengths, a posting's arrays and length (appends then go past the
   * frozen length or to a new array; a removal works on a copy). Containers a reset replaces stay the generation's.
   * `release()` when done.
   */
  freeze(): FrozenIndex {
    const generation: Generation = {
      id: this.generationClock++,
      terms: this.terms,
      kept: new Map(),
      slots: this.documents.length,
      documents: this.documents,
      keptDocuments: new Map(),
      fieldLengths: this.fieldLengths,
      keptFieldLengths: new Map(),
    };
    this.generations.push(generation);
    const frozen = (posting: Posting | null): PostingState | null => {
      if (!posting || posting.born > generation.id) return null;
      const state = generation.kept.get(posting) ?? posting;
      return state.length === 0 ? null : state;
    };
    return {
      slots: generation.slots,
      document: (n) =>
        generation.keptDocuments.has(n) ? generation.keptDocuments.get(n) : generation.documents[n],
      fieldLengths: (from, to) => {
        const out = generation.fieldLengths.slice(from * FIELD_COUNT, to * FIELD_COUNT);
        for (const [n, lengths] of generation.keptFieldLengths)
          if (n >= from && n < to) out.set(lengths, (n - from) * FIELD_COUNT);
        return out;
      },
      *terms() {
        for (const [term, postings] of generation.terms) {
          const fields = postings.map(frozen);
          if (fields.some((posting) => posting !== null)) yield [term, fields];
        }
      },
      release: () => {
        this.generations = this.generations.filter((g) => g !== generation);
      },
    };
  }

  /**
   * Before slot `n` gets another document (or none): generations that see the slot keep what it held (unless the
   * array was replaced since their freeze: then theirs is no longer written).
   */
  private setDocument(n: number, document: IndexedMiniProgram | undefined): void {
    for (const generation of this.generations)
      if (generation.documents === this.documents && n < generation.slots && !generation.keptDocuments.has(n))
        generation.keptDocuments.set(n, generation.documents[n]);
    this.documents[n] = document;
  }

  /** Before document `n`'s field lengths change: generations that see the slot keep them. */
  private beforeFieldLengths(n: number): void {
    // An array since replaced (grown, reset) is no longer written: nothing to keep.
    for (const generation of this.generations)
      if (
        generation.fieldLengths === this.fieldLengths &&
        n < generation.slots &&
        !generation.keptFieldLengths.has(n)
      )
        generation.keptFieldLengths.set(
          n,
          generation.fieldLengths.slice(n * FIELD_COUNT, (n + 1) * FIELD_COUNT),
        );
  }

  /**
   * Before `posting` changes: every frozen generation that sees it and has not kept it yet keeps its arrays and
   * length. A change in place (`inPlace`: a removal) then works on copies when a generation holds the arrays.
   */
  private beforeChange(posting: Posting, inPlace: boolean): void {
    let shared = false;
    for (const generation of this.generations) {
      if (posting.born > generation.id) continue;
      const kept = generation.kept.get(posting);
      if (!kept) {
        generation.kept.set(posting, { docs: posting.docs, freqs: posting.freqs, length: posting.length });
        shared = true;
      } else if (kept.docs === posting.docs) shared = true;
    }
    if (inPlace && shared) {
      posting.docs = posting.docs.slice();
      posting.freqs = posting.freqs.slice();
    }
  }

  async upsert(documents: readonly IndexedMiniProgram[]): Promise<void> {
    for (const document of documents) {
      const copy = copyOf(document);
      const existing = this.numbers.get(copy.appId);
      // An update keeps the document's number: its old postings are taken out, the new ones appended.
      if (existing !== undefined) this.unindex(existing);
      const n = existing ?? this.free.pop() ?? this.documents.length;
      this.ensureCapacity(n + 1);
      this.setDocument(n, copy);
      this.numbers.set(copy.appId, n);
      this.index(copy, n);
    }
  }

  async remove(appIds: readonly string[]): Promise<void> {
    for (const appId of appIds) {
      const n = this.numbers.get(appId);
      if (n === undefined) continue;
      this.unindex(n);
      this.setDocument(n, undefined);
      this.numbers.delete(appId);
      this.free.push(n);
    }
  }

  async get(appId: string): Promise<IndexedMiniProgram | null> {
    const n = this.numbers.get(appId);
    return n === undefined ? null : this.documents[n]!;
  }

  async count(): Promise<number> {
    return this.numbers.size;
  }

  async appIds(): Promise<string[]> {
    return [...this.numbers.keys()];
  }

  async clear(): Promise<void> {
    this.reset();
  }

  private reset(): void {
    // New containers, not cleared ones: a frozen generation still reads the old.
    this.terms = new Map();
    this.latinTerms.length = 0;
    this.documents = [];
    this.numbers.clear();
    this.free.length = 0;
    this.fieldLengths = new Uint16Array(this.fieldLengths.length);
    this.fieldLengthSums.fill(0);
    this.byHostApp.clear();
    this.byOrganization.clear();
  }

  async close(): Promise<void> {}

  async search(request: SearchRequest): Promise<SearchResult> {
    const text = request.text.trim();
    const queryTerms = text ? analyzeCached(text, { mode: 'query' }) : [];
    if (text && queryTerms.length === 0) return emptyResult();
    const allowedEpoch = this.candidates(request.filter);
    const postFilter = allowedEpoch === 0 && hasFilter(request.filter) ? request.filter : null;
    const hits =
      queryTerms.length === 0 ? this.allDocuments(allowedEpoch) : this.score(queryTerms, allowedEpoch);

    const k = request.offset + request.limit;
    const byScore = queryTerms.length > 0;
    const final = this.final;
    if (byScore) for (const n of hits) final[n] = this.scores[n] * this.quality[n];
    const better = byScore
      ? (a: number, b: number) =>
          final[a] > final[b] ||
          (final[a] === final[b] && this.documents[a]!.appId < this.documents[b]!.appId)
      : (a: number, b: number) => this.byName(a, b) < 0;
    const top = new TopK(k, better);
    const counts = this.facetValues.map((values) => new Int32Array(values.size));
    const [categories, organizations, statuses] = counts;
    let total = 0;
    for (const n of hits) {
      if (postFilter && !matchesFilter(this.documents[n]!, postFilter)) continue;
      total += 1;
      const category = this.facetKeys[n * 3];
      if (category >= 0) categories[category] += 1;
      organizations[this.facetKeys[n * 3 + 1]] += 1;
      statuses[this.facetKeys[n * 3 + 2]] += 1;
      // Most hits score below the worst of a full page: one comparison, no heap work.
      if (byScore && top.full && final[n] < final[top.worst]) continue;
      top.offer(n);
    }
    const page = top.sorted(better).slice(request.offset);
    const [category, organization, status] = this.facetValues.map((values, i) => values.facets(counts[i]));
    return {
      total,
      hits: page.map((n) => {
        const document = this.documents[n]!;
        return {
          document,
          score: byScore ? final[n] : 0,
          highlights: highlightsOf(document, queryTerms),
          page: pageMatchOf(document, queryTerms),
        };
      }),
      facets: { category, organization, status },
    };
  }

  /**
   * BM25+ per query term and field (a Latin term also through its prefix completions), summed per document, times
   * the number of distinct query terms the document matched (MiniSearch's OR with its coordination factor). Returns
   * the documents touched; their scores are in `scores` × `quality`.
   */
  private score(queryTerms: readonly string[], allowedEpoch: number): number[] {
    const multiplicity = new Map<string, number>();
    for (const term of queryTerms) multiplicity.set(term, (multiplicity.get(term) ?? 0) + 1);
    const touched: number[] = [];
    const queryEpoch = this.nextEpoch();
    const documentCount = this.numbers.size;
    for (const [term, times] of multiplicity) {
      const termEpoch = this.nextEpoch();
      for (const [derived, weight] of this.expansions(term)) {
        const postings = this.terms.get(derived);
        if (!postings) continue;
        for (let f = 0; f < FIELD_COUNT; f++) {
          const posting = postings[f];
          if (!posting || posting.length === 0) continue;
          const df = posting.length;
          const idf = Math.log(1 + (documentCount - df + 0.5) / (df + 0.5));
          const average = this.fieldLengthSums[f] / documentCount;
          const factor = times * weight * BOOSTS[f];
          const { docs, freqs } = posting;
          for (let i = 0; i < df; i++) {
            const n = docs[i];
            if (allowedEpoch !== 0 && this.allowedAt[n] !== allowedEpoch) continue;
            const tf = freqs[i];
            const length = this.fieldLengths[n * FIELD_COUNT + f];
            const bm25 =
              idf *
              (BM25_D + (tf * (BM25_K + 1)) / (tf + BM25_K * (1 - BM25_B + (BM25_B * length) / average)));
            if (this.touchedAt[n] !== queryEpoch) {
              this.touchedAt[n] = queryEpoch;
              this.scores[n] = 0;
              this.quality[n] = 0;
              touched.push(n);
            }
            this.scores[n] += factor * bm25;
            if (this.termAt[n] !== termEpoch) {
              this.termAt[n] = termEpoch;
              this.quality[n] += 1;
            }
          }
        }
      }
    }
    return touched;
  }

  /** The term itself, and for a Latin term of two or more characters its completions, weighted by how much longer. */
  private expansions(term: string): Array<[string, number]> {
    const out: Array<[string, number]> = [[term, 1]];
    if (isHan(term) || term.length < 2) return out;
    for (let i = lowerBound(this.latinTerms, term); i < this.latinTerms.length; i++) {
      const candidate = this.latinTerms[i];
      if (!candidate.startsWith(term)) break;
      const distance = candidate.length - term.length;
      if (distance > 0)
        out.push([candidate, (PREFIX_WEIGHT * candidate.length) / (candidate.length + 0.3 * distance)]);
    }
    return out;
  }

  /**
   * A filter on host app or organizations is turned into its candidate documents before scoring (the few linked to
   * one host app, instead of every document that matches the words). Returns the epoch marking them in `allowedAt`,
   * or 0 when the filter names neither (then it is checked per hit).
   */
  private candidates(filter: SearchFilter): number {
    const sets: Array<Iterable<number>> = [];
    let size = Infinity;
    if (filter.hostAppId !== undefined) {
      const set = this.byHostApp.get(filter.hostAppId) ?? new Set<number>();
      sets.push(set);
      size = set.size;
    }
    if (filter.orgIds) {
      const orgSets = filter.orgIds.map((orgId) => this.byOrganization.get(orgId) ?? new Set<number>());
      const orgSize = orgSets.reduce((sum, set) => sum + set.size, 0);
      if (orgSize < size) {
        sets.length = 0;
        sets.push(...orgSets);
      }
    }
    if (sets.length === 0) return 0;
    const epoch = this.nextEpoch();
    for (const set of sets)
      for (const n of set) if (matchesFilter(this.documents[n]!, filter)) this.allowedAt[n] = epoch;
    return epoch;
  }

  private allDocuments(allowedEpoch: number): number[] {
    const all: number[] = [];
    for (let n = 0; n < this.documents.length; n++)
      if (this.documents[n] && (allowedEpoch === 0 || this.allowedAt[n] === allowedEpoch)) all.push(n);
    return all;
  }

  /** A blank query lists by name (Chinese collation), then app id. */
  private byName(a: number, b: number): number {
    const x = this.documents[a]!;
    const y = this.documents[b]!;
    return nameCollator.compare(x.name, y.name) || compareCodeUnits(x.appId, y.appId);
  }

  private nextEpoch(): number {
    if (this.epoch >= 0xfffffff0) {
      this.touchedAt.fill(0);
      this.termAt.fill(0);
      this.allowedAt.fill(0);
      this.epoch = 0;
    }
    return ++this.epoch;
  }

  private index(document: IndexedMiniProgram, n: number): void {
    if (this.generations.length > 0) this.beforeFieldLengths(n);
    for (let f = 0; f < FIELD_COUNT; f++) {
      const frequencies = termFrequencies(document, f);
      this.fieldLengths[n * FIELD_COUNT + f] = Math.min(frequencies.size, 0xffff);
      this.fieldLengthSums[f] += Math.min(frequencies.size, 0xffff);
      for (const [term, tf] of frequencies) {
        let postings = this.terms.get(term);
        if (!postings) {
          postings = new Array<Posting | null>(FIELD_COUNT).fill(null);
          this.terms.set(term, postings);
          if (!isHan(term)) insertSorted(this.latinTerms, term);
        }
        const posting = (postings[f] ??= {
          docs: new Int32Array(4),
          freqs: new Uint16Array(4),
          length: 0,
          born: this.generationClock,
        });
        if (this.generations.length > 0) this.beforeChange(posting, false);
        if (posting.length === posting.docs.length) {
          const docs = new Int32Array(Math.max(4, posting.length * 2));
          docs.set(posting.docs);
          const freqs = new Uint16Array(Math.max(4, posting.length * 2));
          freqs.set(posting.freqs);
          posting.docs = docs;
          posting.freqs = freqs;
        }
        posting.docs[posting.length] = n;
        posting.freqs[posting.length] = Math.min(tf, 0xffff);
        posting.length += 1;
      }
    }
    this.addToFilterIndexes(document, n);
  }

  /** Takes document `n` out of the postings its terms are in (re-analyzed from the stored copy: memoized). */
  private unindex(n: number): void {
    const document = this.documents[n]!;
    if (this.generations.length > 0) this.beforeFieldLengths(n);
    for (let f = 0; f < FIELD_COUNT; f++) {
      this.fieldLengthSums[f] -= this.fieldLengths[n * FIELD_COUNT + f];
      this.fieldLengths[n * FIELD_COUNT + f] = 0;
      for (const term of termFrequencies(document, f).keys()) {
        const posting = this.terms.get(term)?.[f];
        if (!posting) continue;
        const at = posting.docs.subarray(0, posting.length).indexOf(n);
        if (at === -1) continue;
        if (this.generations.length > 0) this.beforeChange(posting, true);
        // Order within a posting does not matter to scoring: the last entry fills the gap.
        posting.length -= 1;
        posting.docs[at] = posting.docs[posting.length];
        posting.freqs[at] = posting.freqs[posting.length];
      }
    }
    for (const hostAppId of document.hostAppIds) removeFrom(this.byHostApp, hostAppId, n);
    removeFrom(this.byOrganization, document.orgId, n);
  }

  private addToFilterIndexes(document: IndexedMiniProgram, n: number): void {
    for (const hostAppId of document.hostAppIds) addTo(this.byHostApp, hostAppId, n);
    addTo(this.byOrganization, document.orgId, n);
    const [category, organization, status] = this.facetValues;
    this.facetKeys[n * 3] =
      document.category === null ? -1 : category.key(document.category, document.category);
    this.facetKeys[n * 3 + 1] = organization.key(document.orgId, document.organizationName || document.orgId);
    this.facetKeys[n * 3 + 2] = status.key(document.status, document.status);
  }

  private ensureCapacity(size: number): void {
    if (this.scores.length >= size) return;
    const capacity = Math.max(1024, size, this.scores.length * 2);
    const grow = <T extends Float64Array | Uint32Array | Uint16Array>(
      array: T,
      make: (n: number) => T,
    ): T => {
      const next = make(capacity);
      next.set(array as never);
      return next;
    };
    this.scores = grow(this.scores, (c) => new Float64Array(c));
    this.final = grow(this.final, (c) => new Float64Array(c));
    this.facetKeys = grow(this.facetKeys as never, (c) => new Int32Array(c * 3) as never);
    this.quality = grow(this.quality, (c) => new Uint16Array(c));
    this.touchedAt = grow(this.touchedAt, (c) => new Uint32Array(c));
    this.termAt = grow(this.termAt, (c) => new Uint32Array(c));
    this.allowedAt = grow(this.allowedAt, (c) => new Uint32Array(c));
    this.fieldLengths = grow(this.fieldLengths, (c) => new Uint16Array(c * FIELD_COUNT));
  }
}

/** Keeps the best `k` of what it is offered (a heap whose root is the worst kept). */
class TopK {
  private readonly heap: number[] = [];
  constructor(
    private readonly k: number,
    private readonly better: (a: number, b: number) => boolean,
  ) {}

  get full(): boolean {
    return this.heap.length >= this.k;
  }

  /** The worst kept (only when full). */
  get worst(): number {
    return this.heap[0];
  }

  offer(n: number): void {
    const heap = this.heap;
    if (this.k <= 0) return;
    if (heap.length < this.k) {
      heap.push(n);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!this.better(heap[parent], heap[i])) break;
        [heap[parent], heap[i]] = [heap[i], heap[parent]];
        i = parent;
      }
    } else if (this.better(n, heap[0])) {
      heap[0] = n;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        const right = left + 1;
        let worst = i;
        if (left < heap.length && this.better(heap[worst], heap[left])) worst = left;
        if (right < heap.length && this.better(heap[worst], heap[right])) worst = right;
        if (worst === i) break;
        [heap[worst], heap[i]] = [heap[i], heap[worst]];
        i = worst;
      }
    }
  }

  sorted(better: (a: number, b: number) => boolean): number[] {
    return [...this.heap].sort((a, b) => (better(a, b) ? -1 : better(b, a) ? 1 : 0));
  }
}

/** One facet's values numbered in order of appearance, with the label shown for each (its latest). */
class FacetValues {
  private readonly numbers = new Map<string, number>();
  private readonly values: string[] = [];
  private readonly labels: string[] = [];

  get size(): number {
    return this.values.length;
  }

  key(value: string, label: string): number {
    let n = this.numbers.get(value);
    if (n === undefined) {
      n = this.values.length;
      this.numbers.set(value, n);
      this.values.push(value);
    }
    this.labels[n] = label;
    return n;
  }

  /** The counted values, most frequent first. */
  facets(counts: Int32Array): FacetCount[] {
    const out: FacetCount[] = [];
    for (let n = 0; n < counts.length; n++)
      if (counts[n] > 0) out.push({ value: this.values[n], label: this.labels[n], count: counts[n] });
    return out.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  }
}

function emptyResult(): SearchResult {
  return { total: 0, hits: [], facets: { category: [], organization: [], status: [] } };
}

/** Term → frequency of one field of a document. */
function termFrequencies(document: IndexedMiniProgram, field: number): Map<string, number> {
  const frequencies = new Map<string, number>();
  const name = SEARCH_FIELDS[field];
  for (const text of fieldTexts(document, name)) {
    if (!text) continue;
    for (const term of analyzeCached(text, { mode: 'index', pinyinInitials: name === 'name' }))
      frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
  }
  return frequencies;
}

/** The texts of a field (each alias, tag or page part analyzed on its own, so each is memoized on its own). */
function fieldTexts(document: IndexedMiniProgram, field: SearchField): readonly string[] {
  switch (field) {
    case 'pages':
      return document.pages.flatMap((page) => [page.title, page.text]);
    case 'aliases':
    case 'keywords':
      return document[field];
    case 'category':
      return document.category === null ? [] : [document.category];
    default:
      return [document[field]];
  }
}

function addTo(index: Map<string, Set<number>>, key: string, n: number): void {
  let set = index.get(key);
  if (!set) index.set(key, (set = new Set()));
  set.add(n);
}

function removeFrom(index: Map<string, Set<number>>, key: string, n: number): void {
  const set = index.get(key);
  if (!set) return;
  set.delete(n);
  if (set.size === 0) index.delete(key);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lowerBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (sorted[middle] < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

function insertSorted(sorted: string[], value: string): void {
  sorted.splice(lowerBound(sorted, value), 0, value);
}

function hasFilter(filter: SearchFilter): boolean {
  return Boolean(
    filter.orgIds ||
    filter.categories ||
    filter.statuses ||
    filter.hostAppId !== undefined ||
    filter.searchableOnly,
  );
}

function copyOf(document: IndexedMiniProgram): IndexedMiniProgram {
  return {
    ...document,
    aliases: [...document.aliases],
    keywords: [...document.keywords],
    pages: document.pages.map((page) => ({ ...page })),
    hostAppIds: [...document.hostAppIds],
  };
}

/** What of the searchable pages is indexed: each page's title and text. */
export function searchableText(pages: readonly IndexedPage[]): string {
  return pages.map((page) => `${page.title}\n${page.text}`).join('\n');
}

export function matchesFilter(document: IndexedMiniProgram, filter: SearchFilter): boolean {
  if (filter.orgIds && !filter.orgIds.includes(document.orgId)) return false;
  if (filter.categories && !(document.category !== null && filter.categories.includes(document.category)))
    return false;
  if (filter.statuses && !filter.statuses.includes(document.status)) return false;
  if (filter.hostAppId !== undefined && !document.hostAppIds.includes(filter.hostAppId)) return false;
  if (filter.searchableOnly && !document.searchable) return false;
  return true;
}

/** One fragment per field that matched, in boost order. */
export function highlightsOf(document: IndexedMiniProgram, queryTerms: readonly string[]): SearchHighlight[] {
  if (queryTerms.length === 0) return [];
  const highlights: SearchHighlight[] = [];
  for (const field of HIGHLIGHT_FIELDS) {
    const value = document[field];
    const text = Array.isArray(value) ? value.join(' ') : (value ?? '');
    const fragment = text ? highlightFragment(text, queryTerms) : null;
    if (fragment) highlights.push({ field, fragment });
  }
  return highlights;
}

/** The first searchable page whose title (else text) holds a query term: where a device's hit opens. */
export function pageMatchOf(document: IndexedMiniProgram, queryTerms: readonly string[]): PageMatch | null {
  if (queryTerms.length === 0) return null;
  for (const page of document.pages) {
    const title = highlightFragment(page.title, queryTerms);
    if (title) return { path: page.path, title: page.title, fragment: title };
  }
  for (const page of document.pages) {
    const text = page.text ? highlightFragment(page.text, queryTerms) : null;
    if (text) return { path: page.path, title: page.title, fragment: text };
  }
  return null;
}
