import { keysetPage, type DocumentCollection, type DocumentStore, type Filter } from '@grove/platform';
import { OFFSET_LIST_PAGE, type OrderedPage } from './list-orders';
import { SdkBuildReviewModel, SdkBuildStatus } from './sdk-build-review.model';
import { compact, setUnset, stamped } from '@grove/platform';

export type NewSdkBuildReview = Omit<
  SdkBuildReviewModel,
  'createdAt' | 'updatedAt' | 'status' | 'reviewedBy' | 'reviewedAt' | 'rejectionReason'
>;

export class SdkBuildReviewStore {
  private readonly reviews: DocumentCollection<SdkBuildReviewModel>;

  constructor(documents: DocumentStore) {
    this.reviews = documents.collection(SdkBuildReviewModel);
  }

  insert(data: NewSdkBuildReview): Promise<SdkBuildReviewModel> {
    return this.reviews.insertOne(
      stamped<SdkBuildReviewModel>(compact({ ...data, status: SdkBuildStatus.SUBMITTED })),
    );
  }

  findById(id: string): Promise<SdkBuildReviewModel | null> {
    return this.reviews.findById(id);
  }

  /** `page.order` is `listOrder(SDK_BUILD_ORDERS, orderBy)`. */
  listByOrg(orgId: string, page: OrderedPage): Promise<SdkBuildReviewModel[]> {
    const keyset = keysetPage(page.order, page, OFFSET_LIST_PAGE, { orgId });
    return this.reviews.find(keyset.filter, { sort: keyset.sort, skip: page.skip, limit: keyset.take });
  }

  /** `page.order` is `listOrder(SDK_BUILD_REVIEW_ORDERS, orderBy)`. */
  async pending(page: OrderedPage): Promise<{ items: SdkBuildReviewModel[]; total: number }> {
    const filter = { status: SdkBuildStatus.SUBMITTED };
    const keyset = keysetPage(page.order, page, OFFSET_LIST_PAGE, filter);
    const [items, total] = await Promise.all([
      this.reviews.find(keyset.filter, { sort: keyset.sort, skip: page.skip, limit: keyset.take }),
      this.reviews.count(filter),
    ]);
    return { items, total };
  }

  transition(
    id: string,
    guard: Filter,
    set: Record<string, unknown>,
    unset: readonly string[] = [],
  ): Promise<SdkBuildReviewModel | null> {
    return this.reviews.findOneAndUpdate({ ...guard, _id: id }, setUnset(set, unset));
  }
}
