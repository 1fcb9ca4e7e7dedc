import {
  keysetPage,
  type DocumentCollection,
  type DocumentStore,
  type Filter,
  type KeysetOrder,
} from '@grove/platform';
import { OFFSET_LIST_PAGE } from './list-orders';
import { MiniProgramModel, MiniProgramStatus } from './mini-program.model';
import { compact, escapeRegex, setUnset, stamped } from '@grove/platform';

export interface MiniProgramQuery {
  /** Absent: every organization's. */
  orgId?: string;
  status?: MiniProgramStatus;
  category?: string;
  search?: string;
  skip: number;
  take: number;
  /** `listOrder(MINI_PROGRAM_ORDERS, orderBy)`. */
  order: KeysetOrder;
  /** A cursor of `order`: the page starts after it (then `skip`). */
  after?: string;
}

export interface NewMiniProgram {
  appId: string;
  orgId: string;
  name: string;
  description?: string;
  category?: string;
  tags: string[];
  createdBy: string;
}

export function packageAppIdSlot(orgId: string, packageAppId: string): string {
  return `${orgId}/${packageAppId}`;
}

export class MiniProgramStore {
  private readonly apps: DocumentCollection<MiniProgramModel>;

  constructor(documents: DocumentStore) {
    this.apps = documents.collection(MiniProgramModel);
  }

  insert(data: NewMiniProgram): Promise<MiniProgramModel> {
    const { appId, ...rest } = data;
    return this.apps.insertOne(
      stamped<MiniProgramModel>(
        compact({
          _id: appId,
          ...rest,
          searchAliases: [],
          searchablePages: [],
          status: MiniProgramStatus.ACTIVE,
        }),
      ),
    );
  }

  findById(appId: string): Promise<MiniProgramModel | null> {
    return this.apps.findById(appId);
  }

  /** The mini-program of `orgId` whose packages carry this W3C `app_id`, if one is bound to it. */
  findByPackageAppId(orgId: string, packageAppId: string): Promise<MiniProgramModel | null> {
    return this.apps.findOne({ packageAppIdSlot: packageAppIdSlot(orgId, packageAppId) });
  }

  findByIds(ids: string[]): Promise<MiniProgramModel[]> {
    return ids.length === 0 ? Promise.resolve([]) : this.apps.find({ _id: { $in: ids } });
  }

  async idsAfter(after: string | undefined, take: number): Promise<string[]> {
    const apps = await this.apps.find(after ? { _id: { $gt: after } } : {}, {
      sort: { _id: 1 },
      limit: take,
    });
    return apps.map((app) => app._id);
  }

  async list(query: MiniProgramQuery): Promise<{ items: MiniProgramModel[]; total: number }> {
    const filter: Filter = compact({
      orgId: query.orgId,
      status: query.status,
      category: query.category,
      name: query.search ? { $regex: escapeRegex(query.search), $options: 'i' } : undefined,
    });
    const page = keysetPage(query.order, { take: query.take, after: query.after }, OFFSET_LIST_PAGE, filter);
    const [items, total] = await Promise.all([
      this.apps.find(page.filter, { sort: page.sort, skip: query.skip, limit: page.take }),
      this.apps.count(filter),
    ]);
    return { items, total };
  }

  /**
   * Records that a version is being approved, unless the app is being deleted; false when the app is gone or
   * deleting. One conditional write on the app document, so it and the deletion's guard exclude each other.
   */
  async markApproved(appId: string, at: Date): Promise<boolean> {
    await this.apps.updateOne(
      { _id: appId, firstApprovedAt: { $exists: false }, deletingAt: { $exists: false } },
      { $set: { firstApprovedAt: at } },
    );
    return (await this.apps.count({ _id: appId, deletingAt: { $exists: false } })) > 0;
  }

  /** Only a deletion that marked the app removes it. */
  async deleteMarked(appId: string): Promise<boolean> {
    return (await this.apps.deleteOne({ _id: appId, deletingAt: { $exists: true } })) > 0;
  }

  /** Conditional update: `guard` must still hold when the write happens, else null and nothing written. */
  transition(
    appId: string,
    guard: Filter,
    set: Record<string, unknown>,
    unset: readonly string[] = [],
  ): Promise<MiniProgramModel | null> {
    return this.apps.findOneAndUpdate({ ...guard, _id: appId }, setUnset(set, unset));
  }
}
