import { ConflictError, newId, type DocumentCollection, type DocumentStore } from '@grove/platform';
import { SdkConfigHeadModel, SdkConfigVersionModel } from './sdk-config.model';
import { stamped } from '@grove/platform';

export interface ConfigRevisionData {
  configJson: string;
  etag: string;
  actorId: string;
}

export class SdkConfigStore {
  private readonly heads: DocumentCollection<SdkConfigHeadModel>;
  private readonly versions: DocumentCollection<SdkConfigVersionModel>;

  constructor(documents: DocumentStore) {
    this.heads = documents.collection(SdkConfigHeadModel);
    this.versions = documents.collection(SdkConfigVersionModel);
  }

  head(scope: string): Promise<SdkConfigHeadModel | null> {
    return this.heads.findById(scope);
  }

  headsOf(scopes: readonly string[]): Promise<SdkConfigHeadModel[]> {
    return this.heads.find({ _id: { $in: [...scopes] } });
  }

  /**
   * Moves a scope from `expected` (0: no revision yet) to `expected + 1`, atomically: an update guarded by the
   * version read, or an insert whose unique `_id` refuses a second first revision. Null when another writer
   * moved the scope first. The history row follows; only the winner of `expected + 1` ever writes it.
   */
  async advance(
    scope: string,
    expected: number,
    data: ConfigRevisionData,
  ): Promise<SdkConfigHeadModel | null> {
    const next = expected + 1;
    let head: SdkConfigHeadModel | null;
    if (expected === 0) {
      try {
        head = await this.heads.insertOne(
          stamped<SdkConfigHeadModel>({
            _id: scope,
            version: next,
            configJson: data.configJson,
            etag: data.etag,
            updatedBy: data.actorId,
          }),
        );
      } catch (error) {
        if (error instanceof ConflictError) return null;
        throw error;
      }
    } else {
      head = await this.heads.findOneAndUpdate(
        { _id: scope, version: expected },
        { $set: { version: next, configJson: data.configJson, etag: data.etag, updatedBy: data.actorId } },
      );
      if (!head) return null;
    }
    await this.versions.insertOne(
      stamped<SdkConfigVersionModel>({
        _id: newId(),
        scope,
        version: next,
        configJson: data.configJson,
        etag: data.etag,
        createdBy: data.actorId,
      }),
    );
    return head;
  }

  history(scope: string, take: number): Promise<SdkConfigVersionModel[]> {
    return this.versions.find({ scope }, { sort: { version: -1 }, limit: take });
  }
}
