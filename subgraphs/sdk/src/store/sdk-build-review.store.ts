import type { DocumentCollection, DocumentStore, Filter } from '@grove/platform';
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

  listByOrg(orgId: string, skip: number, take: number): Promise<SdkBuildReviewModel[]> {
    return this.reviews.find({ orgId }, { sort: { createdAt: -1, _id: -1 }, skip, limit: take });
  }

  async pending(skip: number, take: number): Promise<{ items: SdkBuildReviewModel[]; total: number }> {
    const filter = { status: SdkBuildStatus.SUBMITTED };
    const [items, total] = await Promise.all([
      this.reviews.find(filter, { sort: { createdAt: 1, _id: 1 }, skip, limit: take }),
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
