import { keysetPage, type DocumentCollection, type DocumentStore, type Filter } from '@grove/platform';
import { OFFSET_LIST_PAGE, type OrderedPage } from './list-orders';
import { VersionModel, VersionStatus } from './version.model';
import { compact, setUnset, stamped } from '@grove/platform';

export type NewVersion = Omit<
  VersionModel,
  | 'status'
  | 'createdAt'
  | 'updatedAt'
  | 'submittedBy'
  | 'submittedAt'
  | 'reviewedBy'
  | 'reviewedAt'
  | 'rejectionReason'
  | 'nameSlot'
  | 'publishedSlot'
  | 'graySlot'
  | 'publishedAt'
  | 'publishedBy'
  | 'previousPublishedVersionId'
  | 'grayPercentage'
  | 'releasePlanId'
  | 'grayRuleId'
  | 'grayStartedAt'
  | 'delistedAt'
  | 'delistedBy'
  | 'delistReason'
  | 'forcedDelist'
>;

export function versionNameSlot(appId: string, versionName: string): string {
  return `${appId}/${versionName}`;
}

export class VersionStore {
  private readonly versions: DocumentCollection<VersionModel>;

  constructor(documents: DocumentStore) {
    this.versions = documents.collection(VersionModel);
  }

  /** The unique `nameSlot` index refuses a second live version of the same name (CONFLICT). */
  insert(data: NewVersion): Promise<VersionModel> {
    const nameSlot = versionNameSlot(data.appId, data.versionName);
    return this.versions.insertOne(
      stamped<VersionModel>(compact({ ...data, nameSlot, status: VersionStatus.DEVELOPMENT })),
    );
  }

  /**
   * A version of that name that is not REJECTED, if any. Versions written before `nameSlot` existed have none, so
   * the upload asks this first; the slot index settles races between new uploads.
   */
  findLiveByName(appId: string, versionName: string): Promise<VersionModel | null> {
    return this.versions.findOne({ appId, versionName, status: { $ne: VersionStatus.REJECTED } });
  }

  findById(id: string): Promise<VersionModel | null> {
    return this.versions.findById(id);
  }

  /** `order` is `listOrder(VERSION_ORDERS, orderBy)`; the page starts after `after` (a cursor of it), then `skip`. */
  listByApp(appId: string, page: OrderedPage): Promise<VersionModel[]> {
    const keyset = keysetPage(page.order, page, OFFSET_LIST_PAGE, { appId });
    return this.versions.find(keyset.filter, { sort: keyset.sort, skip: page.skip, limit: keyset.take });
  }

  findByStatus(appId: string, status: VersionStatus): Promise<VersionModel | null> {
    return this.versions.findOne({ appId, status });
  }

  /** `order` is `listOrder(VERSION_REVIEW_ORDERS, orderBy)`. */
  async pendingReviews(page: OrderedPage): Promise<{ items: VersionModel[]; total: number }> {
    const filter = { status: VersionStatus.SUBMITTED };
    const keyset = keysetPage(page.order, page, OFFSET_LIST_PAGE, filter);
    const [items, total] = await Promise.all([
      this.versions.find(keyset.filter, { sort: keyset.sort, skip: page.skip, limit: keyset.take }),
      this.versions.count(filter),
    ]);
    return { items, total };
  }

  /** Conditional update; the driver refuses a second PUBLISHED/GRAY version through the slot indexes (CONFLICT). */
  transition(
    id: string,
    guard: Filter,
    set: Record<string, unknown>,
    unset: readonly string[] = [],
  ): Promise<VersionModel | null> {
    return this.versions.findOneAndUpdate({ ...guard, _id: id }, setUnset(set, unset));
  }

  async deleteById(id: string): Promise<void> {
    await this.versions.deleteOne({ _id: id });
  }

  /** Deletes the version only while its status is one of `statuses`; false when it is not (or is gone). */
  async deleteInStatus(id: string, statuses: readonly VersionStatus[]): Promise<boolean> {
    return (await this.versions.deleteOne({ _id: id, status: { $in: [...statuses] } })) > 0;
  }

  /** Every version of the app, whatever its status (deletion of the app). */
  listAllByApp(appId: string): Promise<VersionModel[]> {
    return this.versions.find({ appId });
  }

  /** A version of the app that got past review (may have been released), if any. */
  findReviewedBeyond(appId: string): Promise<VersionModel | null> {
    return this.versions.findOne({
      appId,
      status: {
        $in: [VersionStatus.APPROVED, VersionStatus.GRAY, VersionStatus.PUBLISHED, VersionStatus.DELISTED],
      },
    });
  }
}
