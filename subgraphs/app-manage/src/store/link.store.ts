import {
  keysetPage,
  type DocumentCollection,
  type DocumentStore,
  type Filter,
  type KeysetOrder,
  type PageRequest,
} from '@grove/platform';
import { LinkModel, LinkStatus } from './link.model';
import { compact, setUnset, stamped } from '@grove/platform';

export type NewLink = Pick<
  LinkModel,
  'hostAppId' | 'hostOrgId' | 'appId' | 'appOrgId' | 'status' | 'requestedBy' | 'decidedBy' | 'decidedAt'
>;

/** `linkRequests(orgId)`: newest first, at most 100 a page (docs/query-limits.md). */
export const LINK_REQUESTS_ORDER: KeysetOrder = { name: 'linkRequests', field: 'createdAt', direction: -1 };
export const LINK_REQUESTS_PAGE = { defaultTake: 100, maxTake: 100 };
export const HOST_APP_LINKS_ORDER: KeysetOrder = { name: 'hostAppLinks', field: 'createdAt', direction: -1 };
export const HOST_APP_LINKS_PAGE = { defaultTake: 100, maxTake: 100 };

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

  /** Every link of a host app (deleting it removes them all). */
  listByHostApp(hostAppId: string): Promise<LinkModel[]> {
    return this.links.find({ hostAppId }, { sort: { createdAt: -1, _id: -1 } });
  }

  /** One host app's links and link requests, newest first, a page at a time. */
  pageByHostApp(hostAppId: string, request: PageRequest): Promise<LinkModel[]> {
    const page = keysetPage(HOST_APP_LINKS_ORDER, request, HOST_APP_LINKS_PAGE, { hostAppId });
    return this.links.find(page.filter, { sort: page.sort, limit: page.take });
  }

  /** Requests that involve the organization, as owner of the mini-program (incoming) or of the host app (outgoing). */
  listForOrg(
    orgId: string,
    direction: 'incoming' | 'outgoing',
    status?: LinkStatus,
    request: PageRequest = {},
  ): Promise<LinkModel[]> {
    const filter: Filter = compact({ [direction === 'incoming' ? 'appOrgId' : 'hostOrgId']: orgId, status });
    const page = keysetPage(LINK_REQUESTS_ORDER, request, LINK_REQUESTS_PAGE, filter);
    return this.links.find(page.filter, { sort: page.sort, limit: page.take });
  }

  async isActive(hostAppId: string, appId: string): Promise<boolean> {
    return (await this.links.count({ hostAppId, appId, status: LinkStatus.ACTIVE })) > 0;
  }

  async activeAppIds(hostAppId: string): Promise<string[]> {
    return (await this.links.find({ hostAppId, status: LinkStatus.ACTIVE })).map((link) => link.appId);
  }

  async activeHostAppIds(appId: string): Promise<string[]> {
    return (await this.links.find({ appId, status: LinkStatus.ACTIVE })).map((link) => link.hostAppId);
  }

  transition(
    id: string,
    guard: Filter,
    set: Record<string, unknown>,
    unset: readonly string[] = [],
  ): Promise<LinkModel | null> {
    return this.links.findOneAndUpdate({ ...guard, _id: id }, setUnset(set, unset));
  }

  deleteOne(filter: Filter): Promise<number> {
    return this.links.deleteOne(filter);
  }
}
