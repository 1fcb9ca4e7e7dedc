import { createHash } from 'node:crypto';
import type { LicenseCapacity } from '@grove/contracts';
import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  Permission,
  requireOperatorPermission,
  requireOrgPermission,
  requireUser,
  type Filter,
  type ObjectStore,
  type Principal,
  alignByKey,
  encodeCursor,
  listOrder,
} from '@grove/platform';
import { MINI_PROGRAM_ORDERS } from '../store/list-orders';
import { MiniProgramStatus, type MiniProgramModel } from '../store/mini-program.model';
import type { MiniProgramStore } from '../store/mini-program.store';
import { toMiniProgramView, type MiniProgramView } from '../store/views';
import type { AppManageAccess } from './app-manage-access';
import { AppManageTopic, type AppManageEvents } from './app-manage-events';
import {
  createMiniProgramSchema,
  miniProgramListSchema,
  miniProgramSearchSettingsSchema,
  parseInput,
  reasonField,
  updateMiniProgramSchema,
} from './app-manage-input';
import { newAppId } from './app-id';
import { detectImageType } from './image-type';

/**
 * The license capacity (@grove/contracts): creating a mini-program or host app claims one unit atomically, deleting
 * it releases the unit.
 */
export type LicenseGuard = Pick<LicenseCapacity, 'claim' | 'release'>;

export interface MiniProgramPage {
  items: MiniProgramView[];
  total: number;
}

const LOGO_URL_TTL_SEC = 3600;

const MINI_PROGRAM_ID = /^mp[0-9a-f]{16}$/;

function mayRead(p: Principal, orgId: string): boolean {
  try {
    requireOrgPermission(p, orgId, Permission.MINIPROGRAM_READ, Permission.MINIPROGRAM_REVIEW);
    return true;
  } catch {
    return false;
  }
}

/** Mini-program records: create/update by the organization, freeze/unfreeze by operators, logo upload. */
export class MiniProgramService {
  constructor(
    private readonly apps: MiniProgramStore,
    private readonly access: AppManageAccess,
    private readonly events: AppManageEvents,
    private readonly objects: ObjectStore,
    private readonly options: { maxLogoBytes: number; license?: LicenseGuard },
  ) {}

  async create(p: Principal, input: unknown): Promise<MiniProgramView> {
    requireUser(p);
    const data = parseInput(createMiniProgramSchema, input);
    const user = requireOrgPermission(p, data.orgId, Permission.MINIPROGRAM_WRITE);
    const appId = newAppId();
    // The record and its event commit together.
    const insert = () =>
      this.events.atomically(async () => {
        const inserted = await this.apps.insert({ ...data, appId, createdBy: user.userId });
        await this.publish('mini-program.created', inserted, user.userId);
        return inserted;
      });
    let app: MiniProgramModel;
    try {
      // The app id holds the license unit; a failed insert gives it back.
      app = this.options.license
        ? await this.options.license.claim('miniPrograms', appId, insert)
        : await insert();
    } catch (error) {
      if (error instanceof ConflictError)
        throw new ConflictError('This organization already has a mini-program with that name', {
          field: 'name',
        });
      throw error;
    }
    return toMiniProgramView(app);
  }

  async update(p: Principal, appId: string, input: unknown): Promise<MiniProgramView> {
    const { user, app } = await this.access.app(p, appId, Permission.MINIPROGRAM_WRITE);
    const data = parseInput(updateMiniProgramSchema, input);
    const set: Record<string, unknown> = { name: data.name, tags: data.tags };
    const unset: string[] = [];
    for (const field of ['description', 'category'] as const) {
      if (data[field] === null) unset.push(field);
      else set[field] = data[field];
    }
    let updated: MiniProgramModel | null;
    try {
      updated = await this.events.atomically(async () => {
        const changed = await this.apps.transition(app._id, {}, set, unset);
        if (changed) await this.publish('mini-program.updated', changed, user.userId);
        return changed;
      });
    } catch (error) {
      if (error instanceof ConflictError)
        throw new ConflictError('This organization already has a mini-program with that name', {
          field: 'name',
        });
      throw error;
    }
    if (!updated) throw new NotFoundError('Mini-program not found');
    return toMiniProgramView(updated);
  }

  /**
   * The owner-set search fields (issue 10): aliases, searchable pages, the "can be found by search" switch. Members
   * of the owning organization with miniprogram:write only; the search index re-reads them on the event.
   */
  async updateSearchSettings(p: Principal, appId: string, input: unknown): Promise<MiniProgramView> {
    const { user, app } = await this.access.app(p, appId, Permission.MINIPROGRAM_WRITE);
    const data = parseInput(miniProgramSearchSettingsSchema, input);
    const set: Record<string, unknown> = {};
    if (data.aliases !== undefined) set.searchAliases = data.aliases;
    if (data.pages !== undefined) set.searchablePages = data.pages;
    if (data.searchable !== undefined) set.searchable = data.searchable;
    const updated = await this.events.atomically(async () => {
      // Not while its deletion runs: the index must not take it back.
      const changed = await this.apps.transition(app._id, { deletingAt: { $exists: false } }, set);
      if (changed) await this.publish('mini-program.search-settings-updated', changed, user.userId);
      return changed;
    });
    if (!updated) throw new NotFoundError('Mini-program not found');
    return toMiniProgramView(updated);
  }

  async freeze(p: Principal, appId: string, reason: string): Promise<MiniProgramView> {
    const user = requireOperatorPermission(p, Permission.MINIPROGRAM_GOVERN);
    const frozenReason = parseInput(reasonField, reason);
    const app = await this.events.atomically(async () => {
      const frozen = await this.guarded(
        appId,
        { status: MiniProgramStatus.ACTIVE },
        { status: MiniProgramStatus.FROZEN, frozenReason },
        [],
        'frozen',
      );
      await this.publish('mini-program.frozen', frozen, user.userId, { reason: frozenReason });
      return frozen;
    });
    return toMiniProgramView(app);
  }

  async unfreeze(p: Principal, appId: string): Promise<MiniProgramView> {
    const user = requireOperatorPermission(p, Permission.MINIPROGRAM_GOVERN);
    const app = await this.events.atomically(async () => {
      const unfrozen = await this.guarded(
        appId,
        { status: MiniProgramStatus.FROZEN },
        { status: MiniProgramStatus.ACTIVE },
        ['frozenReason'],
        'unfrozen',
      );
      await this.publish('mini-program.unfrozen', unfrozen, user.userId);
      return unfrozen;
    });
    return toMiniProgramView(app);
  }

  /** Members of the owning organization, and operators who review or govern mini-programs. */
  async get(p: Principal, appId: string): Promise<MiniProgramView> {
    const { app } = await this.access.app(
      p,
      appId,
      Permission.MINIPROGRAM_READ,
      Permission.MINIPROGRAM_REVIEW,
    );
    return toMiniProgramView(app);
  }

  /**
   * One organization's mini-programs (its members, or operators), or without `orgId` every organization's — for
   * operators who review or govern mini-programs only.
   */
  async list(p: Principal, input: unknown): Promise<MiniProgramPage> {
    requireUser(p);
    const query = parseInput(miniProgramListSchema, input);
    if (query.orgId)
      requireOrgPermission(p, query.orgId, Permission.MINIPROGRAM_READ, Permission.MINIPROGRAM_REVIEW);
    else requireOperatorPermission(p, Permission.MINIPROGRAM_REVIEW);
    const order = listOrder(MINI_PROGRAM_ORDERS, query.orderBy);
    const { items, total } = await this.apps.list({ ...query, order });
    return {
      items: items.map((app) => ({ ...toMiniProgramView(app), cursor: encodeCursor(order, app) })),
      total,
    };
  }

  /**
   * Stores the logo bytes (PNG, JPEG or WebP, sniffed from the content) under `logos/<appId>/<sha256>.<ext>` and
   * points the mini-program at it. The old object is removed once the record no longer refers to it.
   */
  async uploadLogo(p: Principal, appId: string, body: Buffer): Promise<MiniProgramView> {
    const { user, app } = await this.access.app(p, appId, Permission.MINIPROGRAM_WRITE);
    if (!Buffer.isBuffer(body) || body.length === 0) throw new BadUserInputError('The logo image is empty');
    if (body.length > this.options.maxLogoBytes) {
      throw new BadUserInputError(`The logo must be at most ${this.options.maxLogoBytes} bytes`, {
        maxBytes: this.options.maxLogoBytes,
      });
    }
    const type = detectImageType(body);
    if (!type) throw new BadUserInputError('The logo must be a PNG, JPEG or WebP image');
    const key = `logos/${app._id}/${createHash('sha256').update(body).digest('hex')}.${type.extension}`;
    await this.objects.put(key, body, { contentType: type.contentType });
    const before = app.logoKey;
    const updated = await this.events.atomically(async () => {
      const changed = await this.apps.transition(app._id, {}, { logoKey: key });
      if (changed) await this.publish('mini-program.logo-updated', changed, user.userId);
      return changed;
    });
    if (!updated) throw new NotFoundError('Mini-program not found');
    if (before && before !== key) await this.objects.delete(before);
    return toMiniProgramView(updated);
  }

  /** Short-lived download link of the logo, or null when none was uploaded. */
  async logoUrl(view: MiniProgramView): Promise<string | null> {
    return view.logoKey ? this.objects.presignedGetUrl(view.logoKey, LOGO_URL_TTL_SEC) : null;
  }

  /** Entity reference: the same visibility as `miniProgram(appId)`; callers who may not read it get null. */
  async reference(p: Principal, appId: string): Promise<MiniProgramView | null> {
    return this.get(p, appId).catch(() => null);
  }

  /**
   * Batched `reference`: every mini-program a request names (entity representations, versions' `miniProgram`) in
   * one read, each null unless the caller may read it (the rule of AppManageAccess.app).
   */
  async referenceMany(p: Principal, appIds: readonly string[]): Promise<Array<MiniProgramView | null>> {
    if (p.kind !== 'user') return appIds.map(() => null);
    const valid = [...new Set(appIds.filter((id) => MINI_PROGRAM_ID.test(id)))];
    const apps = alignByKey(appIds, await this.apps.findByIds(valid), (app) => app._id);
    return apps.map((app) =>
      app && !app.deletingAt && mayRead(p, app.orgId) ? toMiniProgramView(app) : null,
    );
  }

  /** Without authorization, for in-process callers (the runtime read model, link views). */
  async byId(appId: string): Promise<MiniProgramView | null> {
    const app = await this.apps.findById(appId);
    return app ? toMiniProgramView(app) : null;
  }

  /** Every mini-program id in id order after `after`, for the search index's rebuild (no authorization: internal). */
  idsAfter(after: string | undefined, take: number): Promise<string[]> {
    return this.apps.idsAfter(after, take);
  }

  private async guarded(
    appId: string,
    guard: Filter,
    set: Record<string, unknown>,
    unset: string[],
    verb: string,
  ): Promise<MiniProgramModel> {
    const updated = await this.apps.transition(appId, guard, set, unset);
    if (updated) return updated;
    const current = await this.apps.findById(appId);
    if (!current) throw new NotFoundError('Mini-program not found');
    throw new ConflictError(`A mini-program that is ${current.status} cannot be ${verb}`, {
      status: current.status,
    });
  }

  private async publish(
    type: string,
    app: MiniProgramModel,
    actorId: string,
    extra: Record<string, string> = {},
  ): Promise<void> {
    await this.events.publish(AppManageTopic.MINI_PROGRAM, type, app._id, {
      appId: app._id,
      orgId: app.orgId,
      actorId,
      ...extra,
    });
  }
}
