import type { DocumentStore } from '@grove/platform';
import { RecomputeRequestModel, RecomputeRequestStatus } from './recompute-request.model';

export interface NewRecomputeRequest {
  from: string;
  to: string;
  days: number;
  requestedBy: string;
  requestedAt: Date;
}

/** Recompute requests on the document port; a request ends once, from REQUESTED. */
export class RecomputeRequestStore {
  constructor(private readonly documents: DocumentStore) {}

  private get collection() {
    return this.documents.collection(RecomputeRequestModel);
  }

  insert(request: NewRecomputeRequest): Promise<RecomputeRequestModel> {
    return this.collection.insertOne({ ...request, status: RecomputeRequestStatus.REQUESTED });
  }

  findById(id: string): Promise<RecomputeRequestModel | null> {
    return this.collection.findById(id);
  }

  /** Records the outcome of a request still REQUESTED; answers false if it had ended already. */
  async finish(
    id: string,
    outcome:
      | { status: typeof RecomputeRequestStatus.DONE; written: number; finishedAt: Date }
      | { status: typeof RecomputeRequestStatus.FAILED; error: string; finishedAt: Date },
  ): Promise<boolean> {
    const result = await this.collection.updateOne(
      { _id: id, status: RecomputeRequestStatus.REQUESTED },
      { $set: outcome },
    );
    return result.modifiedCount > 0;
  }
}
