import {
  ConflictError,
  type DocumentCollection,
  type DocumentStore,
  type DomainEvent,
} from '@grove/platform';
import { RuleEngineVersionModel } from './rule-engine-version.model';

export interface ProjectedVersion {
  versionId: string;
  appId: string;
  orgId: string;
  status: string;
}

const APP_ID = /^mp[0-9a-f]{16}$/;

/**
 * `{ versionId, appId, orgId, status }` of every version, kept from app-manage's `version.*` events (each carries
 * the status the version has after the change). Upserts guarded by the event time: replays change nothing.
 */
export class VersionStatusProjection {
  private readonly versions: DocumentCollection<RuleEngineVersionModel>;

  constructor(documents: DocumentStore) {
    this.versions = documents.collection(RuleEngineVersionModel);
  }

  async get(versionId: string): Promise<ProjectedVersion | null> {
    const doc = await this.versions.findById(versionId);
    return doc ? { versionId: doc._id, appId: doc.appId, orgId: doc.orgId, status: doc.status } : null;
  }

  /** Versions of one mini-program in `status` (e.g. the one currently GRAY). */
  async inStatus(appId: string, status: string): Promise<ProjectedVersion[]> {
    const docs = await this.versions.find({ appId, status }, { limit: 10 });
    return docs.map((doc) => ({
      versionId: doc._id,
      appId: doc.appId,
      orgId: doc.orgId,
      status: doc.status,
    }));
  }

  /** Applies one app-manage event; false when it is not a version event or is older than what is stored. */
  async apply(event: DomainEvent<unknown>): Promise<boolean> {
    if (!event.type.startsWith('version.')) return false;
    const payload = (event.payload ?? {}) as Record<string, unknown>;
    const { versionId, appId, orgId, status } = payload;
    if (typeof versionId !== 'string' || versionId === '' || typeof status !== 'string' || status === '')
      return false;
    if (typeof appId !== 'string' || !APP_ID.test(appId) || typeof orgId !== 'string' || orgId === '')
      return false;
    const at = event.occurredAt;
    try {
      await this.versions.updateOne(
        { _id: versionId, lastEventAt: { $lte: at } },
        { $set: { appId, orgId, status, lastEventAt: at } },
        { upsert: true },
      );
      return true;
    } catch (error) {
      // The upsert's insert collided with a stored document newer than this event: a stale replay.
      if (error instanceof ConflictError) return false;
      throw error;
    }
  }
}
