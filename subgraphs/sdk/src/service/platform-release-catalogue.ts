import {
  ConflictError,
  NotFoundError,
  Permission,
  hasOperatorPermission,
  cursorAt,
  keysetSlice,
  listOrder,
  type ListOrders,
  requireOperatorPermission,
  requireUser,
  type Principal,
} from '@grove/platform';
import { z } from 'zod';
import type { SdkEvents } from './sdk-events';
import { idField, optional, parseInput, platformField } from './sdk-input';
import { compare as compareSemver } from 'semver';
import type { PlatformReleaseOrderField } from '../store/list-orders';

/** The store side both kinds of platform release have: a conditional update, a read by id and a filtered list. */
export interface PlatformReleaseStore<M> {
  findById(id: string): Promise<M | null>;
  list(filter: { platform?: string; enabled?: boolean }): Promise<M[]>;
  transition(id: string, guard: Record<string, unknown>, set: Record<string, unknown>): Promise<M | null>;
}

export interface PlatformReleaseCatalogueOptions<M, V> {
  store: PlatformReleaseStore<M>;
  events: SdkEvents;
  /** For error messages, as inside a sentence: 'base library', 'SDK version'. */
  noun: string;
  page: { defaultTake: number; maxTake: number };
  /** The orders of the list (`platformReleaseOrders(<list name>)`). */
  orders: ListOrders<PlatformReleaseOrderField>;
  toView(model: M): V;
  /** Publishes `<kind>.enabled` / `<kind>.disabled` inside the change's transaction. */
  emitToggled(enabled: boolean, model: M, actorId: string): Promise<void>;
}

export interface ReleaseListFilter {
  platform?: unknown;
  enabled?: unknown;
  take?: unknown;
  skip?: unknown;
  after?: unknown;
  orderBy?: unknown;
}

const listSchema = z.object({ platform: optional(platformField), enabled: optional(z.boolean()) });

/**
 * What base libraries and SDK versions share: operators (platform:configure) enable and disable a release with a
 * conditional update and its event in one transaction; signed-in users see enabled releases only, newest first.
 */
export class PlatformReleaseCatalogue<
  M extends { enabled: boolean },
  V extends { id: string; version: string; createdAt: Date; cursor?: string },
> {
  constructor(private readonly o: PlatformReleaseCatalogueOptions<M, V>) {}

  async setEnabled(p: Principal, id: string, enabled: boolean): Promise<V> {
    const user = requireOperatorPermission(p, Permission.PLATFORM_CONFIGURE);
    const releaseId = parseInput(idField, id);
    const updated = await this.o.events.atomically(async () => {
      const changed = await this.o.store.transition(releaseId, { enabled: !enabled }, { enabled });
      if (changed) await this.o.emitToggled(enabled, changed, user.userId);
      return changed;
    });
    if (!updated) {
      if (!(await this.o.store.findById(releaseId))) throw this.notFound();
      throw new ConflictError(`The ${this.o.noun} is already ${enabled ? 'enabled' : 'disabled'}`, {
        enabled: !enabled,
      });
    }
    return this.o.toView(updated);
  }

  /**
   * Newest (semantic) version first unless `orderBy` says otherwise, ties by id; `after` (a cursor of that order),
   * then `skip`. Disabled ones only for operators who manage them. Read whole and ordered in memory (short lists).
   */
  async list(p: Principal, filter: ReleaseListFilter = {}): Promise<V[]> {
    const order = listOrder(this.o.orders, filter.orderBy as { field?: unknown; direction?: unknown } | null);
    const value = (v: V): unknown => (order.field === 'version' ? v.version : v.createdAt);
    const compare =
      order.field === 'version'
        ? (a: unknown, b: unknown) => compareSemver(a as string, b as string)
        : (a: unknown, b: unknown) => (a as Date).getTime() - (b as Date).getTime();
    return keysetSlice(await this.visible(p, filter), order, filter, this.o.page, value, compare).map(
      (v) => ({
        ...v,
        cursor: cursorAt(order, value(v), v.id),
      }),
    );
  }

  /** How many `list` holds for this caller and filter (what a paged table shows as its total). */
  async total(p: Principal, filter: Pick<ReleaseListFilter, 'platform' | 'enabled'> = {}): Promise<number> {
    return (await this.visible(p, filter)).length;
  }

  private async visible(p: Principal, filter: ReleaseListFilter): Promise<V[]> {
    requireUser(p);
    const data = parseInput(listSchema, { platform: filter.platform, enabled: filter.enabled });
    const enabled = this.seesDisabled(p) ? data.enabled : true;
    if (data.enabled === false && enabled === true) return [];
    return (await this.o.store.list({ platform: data.platform, enabled })).map(this.o.toView);
  }

  async get(p: Principal, id: string): Promise<V> {
    requireUser(p);
    const release = await this.o.store.findById(parseInput(idField, id));
    if (!release || (!release.enabled && !this.seesDisabled(p))) throw this.notFound();
    return this.o.toView(release);
  }

  async reference(p: Principal, id: string): Promise<V | null> {
    return this.get(p, id).catch(() => null);
  }

  seesDisabled(p: Principal): boolean {
    return hasOperatorPermission(p, Permission.PLATFORM_CONFIGURE);
  }

  private notFound(): NotFoundError {
    return new NotFoundError(`${this.o.noun[0]!.toUpperCase()}${this.o.noun.slice(1)} not found`);
  }
}
