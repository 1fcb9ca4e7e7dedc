import {
  ConflictError,
  keysetPage,
  newId,
  type DocumentCollection,
  type DocumentStore,
  type KeysetOrder,
  type PageRequest,
} from '@grove/platform';
import { SdkConfigHeadModel, SdkConfigVersionModel } from './sdk-config.model';
import { stamped } from '@grove/platform';

export interface ConfigRevisionData {
  configJson: string;
  etag: string;
  actorId: string;
}

/** `sdkConfigHistory`: newest version first, 20 a page by default, at most 100 (docs/query-limits.md). */
export const CONFIG_HISTORY_ORDER: KeysetOrder = {
  name: 'sdkConfigHistory',
  field: 'version',
  direction: -1,
};
export const CONFIG_HISTORY_PAGE = { defaultTake: 20, maxTake: 100 };

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

  /** One page of a scope's history; `after` goes past the 100 newest versions. */
  history(scope: string, request: PageRequest = {}): Promise<SdkConfigVersionModel[]> {
    const page = keysetPage(CONFIG_HISTORY_ORDER, request, CONFIG_HISTORY_PAGE, { scope });
    return this.versions.find(page.filter, { sort: page.sort, limit: page.take });
  }
}
