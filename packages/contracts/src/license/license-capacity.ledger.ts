import {
  ConflictError,
  type BaseDocument,
  type DocumentCollection,
  type DocumentStore,
  type Filter,
  type ModelClass,
} from '@grove/platform';
import { LicenseCounterModel, LicenseHoldModel } from './license-capacity.model';
import { limitExceeded } from './license.limits';
import type { LicenseLimitName } from './license.schema';

/** Which documents of the owning service hold a unit of a limit, e.g. running release plans. */
export interface OwnedCollection {
  model: ModelClass<BaseDocument>;
  filter?: Filter;
}

export interface ReconcileReport {
  limit: LicenseLimitName;
  /** Holds whose holder is gone (deleted, finished, or a create that crashed) and were given back. */
  released: number;
  /** Owned things that had no hold (created before the ledger existed, or while the limit was untracked). */
  adopted: number;
  /** The counter after the check (`used`). */
  used: number;
}

export interface LicenseCapacityLedgerOptions {
  clock?: () => Date;
  /**
   * How long a counter must be unchanged (and a hold old) before reconciliation may lower `used` or drop a
   * hold whose holder it cannot see: longer than the gap between a claim and the owner's insert.
   */
  quietMs?: number;
}

const DEFAULT_QUIET_MS = 120_000;
const GATE_ATTEMPTS = 3;

/**
 * Reserve / compensate over two collections every driver supports without transactions (nedb, SQLite,
 * PostgreSQL, MongoDB): a per-limit counter moved only by conditional `$inc` (the atomic step), and one
 * hold per holder. Order keeps `used >= holds` at every instant, so a crash leaves capacity unused,
 * never over-granted: claim = gate, then hold; release = touch, delete hold, then decrement.
 */
export class LicenseCapacityLedger {
  private readonly counters: DocumentCollection<LicenseCounterModel>;
  private readonly holds: DocumentCollection<LicenseHoldModel>;
  private readonly clock: () => Date;
  private readonly quietMs: number;

  constructor(
    private readonly documents: DocumentStore,
    options: LicenseCapacityLedgerOptions = {},
  ) {
    this.counters = documents.collection(LicenseCounterModel);
    this.holds = documents.collection(LicenseHoldModel);
    this.clock = options.clock ?? (() => new Date());
    this.quietMs = options.quietMs ?? DEFAULT_QUIET_MS;
  }

  /** Units in use; 0 before anything was claimed or reconciled. */
  async used(limit: LicenseLimitName): Promise<number> {
    return (await this.counters.findById(limit))?.used ?? 0;
  }

  /**
   * Takes one unit of `limit` for `holder` when `used < max` (max null: unlimited, still counted so a later
   * capped license sees the real usage). LicenseLimitExceededError when none is free; ConflictError when
   * `holder` already holds one (e.g. the same organization approved twice at once).
   */
  async take(limit: LicenseLimitName, holder: string, max: number | null): Promise<void> {
    // Already held: say so before the gate, which would refuse a full limit for something already counted.
    if (await this.holds.findById(holdId(limit, holder))) throw new LicenseHoldExistsError(limit);
    await this.gate(limit, max);
    try {
      await this.holds.insertOne({ _id: holdId(limit, holder), limit, holder });
    } catch (error) {
      await this.decrement(limit);
      if (error instanceof ConflictError) throw new LicenseHoldExistsError(limit);
      throw error;
    }
  }

  /** Gives back `holder`'s unit; false when it held none (already released). Safe to repeat and to race. */
  async release(limit: LicenseLimitName, holder: string): Promise<boolean> {
    // Touch first: reconciliation must not recount between the hold's removal and the decrement.
    await this.counters.updateOne(
      { _id: limit },
      { $inc: { version: 1 }, $set: { changedAt: this.clock() } },
    );
    const removed = await this.holds.deleteOne({ _id: holdId(limit, holder) });
    if (removed === 0) return false;
    await this.decrement(limit);
    return true;
  }

  /**
   * Brings the ledger in line with the owning data: the counter to the number of holds (only when it has been
   * quiet, so no claim or release is half done), holds of vanished holders released (only once older than
   * the quiet period, so a claim whose insert is still running keeps its unit), owned things without a hold adopted.
   */
  async reconcile(limit: LicenseLimitName, owned: OwnedCollection): Promise<ReconcileReport> {
    await this.correctCounter(limit);
    const now = this.clock().getTime();
    const [holds, ownedDocs] = await Promise.all([
      this.holds.find({ limit }),
      this.documents.collection(owned.model).find(owned.filter ?? {}),
    ]);
    const ownedIds = new Set(ownedDocs.map((doc) => doc._id));
    const held = new Set(holds.map((hold) => hold.holder));
    let released = 0;
    for (const hold of holds) {
      if (ownedIds.has(hold.holder) || now - hold.createdAt.getTime() < this.quietMs) continue;
      if (await this.release(limit, hold.holder)) released++;
    }
    let adopted = 0;
    for (const id of ownedIds) {
      if (held.has(id)) continue;
      try {
        await this.take(limit, id, null);
        adopted++;
      } catch (error) {
        if (!(error instanceof LicenseHoldExistsError)) throw error; // claimed meanwhile
      }
    }
    return { limit, released, adopted, used: await this.used(limit) };
  }

  private async gate(limit: LicenseLimitName, max: number | null): Promise<void> {
    for (let attempt = 0; attempt < GATE_ATTEMPTS; attempt++) {
      const filter: Filter = max === null ? { _id: limit } : { _id: limit, used: { $lt: max } };
      const taken = await this.counters.findOneAndUpdate(filter, {
        $inc: { used: 1, version: 1 },
        $set: { changedAt: this.clock() },
      });
      if (taken) return;
      const counter = await this.counters.findById(limit);
      if (counter) {
        if (max !== null && counter.used >= max) throw limitExceeded(limit, max, counter.used);
        continue; // raced with a release or a correction; try again
      }
      await this.seed(limit);
    }
    throw new ConflictError('License usage is changing concurrently; try again', {
      reason: 'CONCURRENT_CHANGE',
      limit,
    });
  }

  /** First use: a counter starting from the holds already there (one insert wins; the rest see it). */
  private async seed(limit: LicenseLimitName): Promise<void> {
    const used = await this.holds.count({ limit });
    try {
      await this.counters.insertOne({ _id: limit, used, version: 0, changedAt: this.clock() });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }

  private async decrement(limit: LicenseLimitName): Promise<void> {
    await this.counters.findOneAndUpdate(
      { _id: limit, used: { $gt: 0 } },
      { $inc: { used: -1, version: 1 }, $set: { changedAt: this.clock() } },
    );
  }

  /** Counter := number of holds, by compare-and-set on `version`, when quiet (a crash between two steps). */
  private async correctCounter(limit: LicenseLimitName): Promise<void> {
    const counter = await this.counters.findById(limit);
    if (!counter) return this.seed(limit);
    if (this.clock().getTime() - counter.changedAt.getTime() < this.quietMs) return;
    const holds = await this.holds.count({ limit });
    if (holds === counter.used) return;
    await this.counters.findOneAndUpdate(
      { _id: limit, version: counter.version },
      { $set: { used: holds }, $inc: { version: 1 } },
    );
  }
}

/** `holder` already holds a unit of `limit` (approved before, or being approved by another request). */
export class LicenseHoldExistsError extends ConflictError {
  constructor(limit: LicenseLimitName) {
    super('This already holds a license unit', { reason: 'LICENSE_HOLD_EXISTS', limit });
  }
}

function holdId(limit: LicenseLimitName, holder: string): string {
  return `${limit}:${holder}`;
}
