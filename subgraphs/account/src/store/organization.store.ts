import {
  escapeRegex,
  keysetPage,
  type DocumentCollection,
  type DocumentStore,
  type Filter,
  type KeysetOrder,
} from '@grove/platform';
import { ORGANIZATIONS_PAGE } from './list-orders';
import { AmendmentStatus, OrganizationModel, OrganizationStatus } from './organization.model';
import { compact, stamped } from './views';

export interface OrganizationApplication {
  name: string;
  creditCode: string;
  contactName: string;
  contactPhone: string;
  contactEmail?: string;
  licenceDocumentRef: string;
}

export interface OrganizationQuery {
  status?: OrganizationStatus;
  frozen?: boolean;
  /** true: only those with an amendment waiting for review; false: only those without. */
  amendmentPending?: boolean;
  /** Part of the name (case-insensitive) or the whole credit code. */
  search?: string;
  skip: number;
  take: number;
  /** `listOrder(ORGANIZATION_ORDERS, orderBy)`; the page starts after `after` (a cursor of it), then `skip`. */
  order: KeysetOrder;
  after?: string;
}

/** Organizations. Every state change is one conditional findOneAndUpdate guarded by the expected state. */
export class OrganizationStore {
  private readonly orgs: DocumentCollection<OrganizationModel>;

  constructor(documents: DocumentStore) {
    this.orgs = documents.collection(OrganizationModel);
  }

  insertApplication(
    application: OrganizationApplication,
    applicantId: string,
    at: Date,
  ): Promise<OrganizationModel> {
    return this.orgs.insertOne(
      stamped<OrganizationModel>(
        compact({
          ...application,
          applicantId,
          status: OrganizationStatus.PENDING,
          frozen: false,
          submittedAt: at,
          ownerCount: 1,
        }),
      ),
    );
  }

  async deleteById(id: string): Promise<void> {
    await this.orgs.deleteOne({ _id: id });
  }

  findById(id: string): Promise<OrganizationModel | null> {
    return this.orgs.findById(id);
  }

  findByCreditCode(creditCode: string): Promise<OrganizationModel | null> {
    return this.orgs.findOne({ creditCode });
  }

  findByIds(ids: string[]): Promise<OrganizationModel[]> {
    return ids.length === 0
      ? Promise.resolve([])
      : this.orgs.find({ _id: { $in: ids } }, { sort: { createdAt: 1, _id: 1 } });
  }

  /** Orgs whose members may act for them: approved and not frozen. */
  findActiveByIds(ids: string[]): Promise<OrganizationModel[]> {
    return ids.length === 0
      ? Promise.resolve([])
      : this.orgs.find({ _id: { $in: ids }, status: OrganizationStatus.APPROVED, frozen: false });
  }

  async list(query: OrganizationQuery): Promise<{ items: OrganizationModel[]; total: number }> {
    const amendmentStatus =
      query.amendmentPending === undefined
        ? undefined
        : query.amendmentPending
          ? AmendmentStatus.PENDING
          : { $ne: AmendmentStatus.PENDING };
    const search: Filter | undefined = query.search
      ? {
          $or: [
            { name: { $regex: escapeRegex(query.search), $options: 'i' } },
            { creditCode: query.search.toUpperCase() },
          ],
        }
      : undefined;
    const listed: Filter = compact({ status: query.status, frozen: query.frozen, amendmentStatus });
    const filter: Filter = search
      ? Object.keys(listed).length
        ? { $and: [listed, search] }
        : search
      : listed;
    const page = keysetPage(
      query.order,
      { take: query.take, after: query.after },
      ORGANIZATIONS_PAGE,
      filter,
    );
    const [items, total] = await Promise.all([
      this.orgs.find(page.filter, { sort: page.sort, skip: query.skip, limit: page.take }),
      this.orgs.count(filter),
    ]);
    return { items, total };
  }

  /** The state transition primitive: `guard` must still hold when the write happens, else null. */
  transition(
    id: string,
    guard: Filter,
    set: Record<string, unknown>,
    unset?: string[],
  ): Promise<OrganizationModel | null> {
    const update = unset?.length
      ? { $set: set, $unset: Object.fromEntries(unset.map((field) => [field, ''])) }
      : { $set: set };
    return this.orgs.findOneAndUpdate({ ...guard, _id: id }, update);
  }

  /** Takes one owner slot away only while another owner remains. */
  async releaseOwnerSlot(id: string): Promise<boolean> {
    return !!(await this.orgs.findOneAndUpdate(
      { _id: id, ownerCount: { $gt: 1 } },
      { $inc: { ownerCount: -1 } },
    ));
  }

  async addOwnerSlot(id: string): Promise<void> {
    await this.orgs.updateOne({ _id: id }, { $inc: { ownerCount: 1 } });
  }
}
