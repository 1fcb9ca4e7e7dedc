import type { DocumentCollection, DocumentStore, Filter } from '@grove/platform';
import { LinkModel, LinkStatus } from './link.model';
import { compact, setUnset, stamped } from '@grove/platform';

export type NewLink = Pick<LinkModel, 'hostAppId' | 'hostOrgId' | 'appId' | 'appOrgId' | 'status' | 'requestedBy' | 'decidedBy' | 'decidedAt'>;

export class LinkStore {
  private readonly links: DocumentCollection<LinkModel>;

  constructor(documents: DocumentStore) {
    this.links = documents.collection(LinkModel);
  }

  insert(data: NewLink): Promise<LinkModel> {
    return this.links.insertOne(stamped<LinkModel>(compact({ ...data })));
  }

  findById(id: string): Promise<LinkModel | null> {
    return this.links.findById(id);
  }

  findPair(hostAppId: string, appId: string): Promise<LinkModel | null> {
    return this.links.findOne({ hostAppId, appId });
  }

  listByApp(appId: string): Promise<LinkModel[]> {
    return this.links.find({ appId });
  }

  listByHostApp(hostAppId: string): Promise<LinkModel[]> {
    return this.links.find({ hostAppId }, { sort: { createdAt: -1 } });
  }

  /** Requests that involve the organization, as owner of the mini-program (incoming) or of the host app (outgoing). */
  listForOrg(orgId: string, direction: 'incoming' | 'outgoing', status?: LinkStatus): Promise<LinkModel[]> {
    const filter: Filter = compact({ [direction === 'incoming' ? 'appOrgId' : 'hostOrgId']: orgId, status });
    return this.links.find(filter, { sort: { createdAt: -1 } });
  }

  async isActive(hostAppId: string, appId: string): Promise<boolean> {
    return (await this.links.count({ hostAppId, appId, status: LinkStatus.ACTIVE })) > 0;
  }

  async activeAppIds(hostAppId: string): Promise<string[]> {
    return (await this.links.find({ hostAppId, status: LinkStatus.ACTIVE })).map((link) => link.appId);
  }

  transition(id: string, guard: Filter, set: Record<string, unknown>, unset: readonly string[] = []): Promise<LinkModel | null> {
    return this.links.findOneAndUpdate({ ...guard, _id: id }, setUnset(set, unset));
  }

  deleteOne(filter: Filter): Promise<number> {
    return this.links.deleteOne(filter);
  }
}
