import {
  keysetPage,
  type DocumentCollection,
  type DocumentStore,
  type Filter,
  type KeysetOrder,
  type NewDocument,
  type PageRequest,
  type Update,
} from '@grove/platform';
import { DomainMiniProgramModel } from '../projection/domain-mini-program.model';
import { BusinessDomainModel } from './business-domain.model';
import { ServiceDomainsModel } from './service-domains.model';
import { WhitelistDomainModel } from './whitelist-domain.model';

export const WHITELIST_PAGE = { defaultTake: 100, maxTake: 100 };

/** Persistence of the domain subgraph over the documents port (shared Mongo/nedb grammar). */
export class DomainStore {
  readonly serviceDomains: DocumentCollection<ServiceDomainsModel>;
  readonly businessDomains: DocumentCollection<BusinessDomainModel>;
  readonly whitelist: DocumentCollection<WhitelistDomainModel>;
  /** The ownership projection (written by its code in @grove/contracts), read here in batches. */
  private readonly miniPrograms: DocumentCollection<DomainMiniProgramModel>;

  constructor(documents: DocumentStore) {
    this.miniPrograms = documents.collection(DomainMiniProgramModel);
    this.serviceDomains = documents.collection(ServiceDomainsModel);
    this.businessDomains = documents.collection(BusinessDomainModel);
    this.whitelist = documents.collection(WhitelistDomainModel);
  }

  findServiceDomains(appId: string): Promise<ServiceDomainsModel | null> {
    return this.serviceDomains.findById(appId);
  }

  /** First write of an app's lists; ConflictError when another writer created them first. */
  insertServiceDomains(
    doc: NewDocument<ServiceDomainsModel> & { _id: string },
  ): Promise<ServiceDomainsModel> {
    return this.serviceDomains.insertOne(doc);
  }

  /** Conditional replacement: only when the stored version is still `version`; null otherwise. */
  replaceServiceDomains(
    appId: string,
    version: number,
    set: Record<string, unknown>,
  ): Promise<ServiceDomainsModel | null> {
    return this.serviceDomains.findOneAndUpdate({ _id: appId, version }, { $set: set, $inc: { version: 1 } });
  }

  /** Ownership rows of many mini-programs in one read (batched entity references). */
  ownerships(appIds: readonly string[]): Promise<DomainMiniProgramModel[]> {
    return appIds.length ? this.miniPrograms.find({ _id: { $in: [...appIds] } }) : Promise.resolve([]);
  }

  /** Service domain lists of many mini-programs in one read. */
  serviceDomainsOf(appIds: readonly string[]): Promise<ServiceDomainsModel[]> {
    return appIds.length ? this.serviceDomains.find({ _id: { $in: [...appIds] } }) : Promise.resolve([]);
  }

  /** Business domains of many mini-programs in one read, by domain (at most MAX_BUSINESS_DOMAINS each). */
  businessDomainsOf(appIds: readonly string[]): Promise<BusinessDomainModel[]> {
    return appIds.length
      ? this.businessDomains.find({ appId: { $in: [...appIds] } }, { sort: { domain: 1, _id: 1 } })
      : Promise.resolve([]);
  }

  listBusinessDomains(appId: string): Promise<BusinessDomainModel[]> {
    return this.businessDomains.find({ appId }, { sort: { domain: 1, _id: 1 } });
  }

  countBusinessDomains(appId: string): Promise<number> {
    return this.businessDomains.count({ appId });
  }

  findBusinessDomain(id: string): Promise<BusinessDomainModel | null> {
    return this.businessDomains.findById(id);
  }

  insertBusinessDomain(doc: NewDocument<BusinessDomainModel>): Promise<BusinessDomainModel> {
    return this.businessDomains.insertOne(doc);
  }

  transitionBusinessDomain(id: string, guard: Filter, update: Update): Promise<BusinessDomainModel | null> {
    return this.businessDomains.findOneAndUpdate({ ...guard, _id: id }, update);
  }

  deleteBusinessDomain(id: string): Promise<number> {
    return this.businessDomains.deleteOne({ _id: id });
  }

  isWhitelisted(domain: string): Promise<boolean> {
    return this.whitelist.findById(domain).then((doc) => doc !== null);
  }

  /** Whitelisted domains in `order` (`listOrder(WHITELIST_ORDERS, …)`), a page at a time. */
  pageWhitelist(order: KeysetOrder, request: PageRequest): Promise<WhitelistDomainModel[]> {
    const page = keysetPage(order, request, WHITELIST_PAGE, {});
    return this.whitelist.find(page.filter, { sort: page.sort, limit: page.take });
  }

  insertWhitelist(doc: NewDocument<WhitelistDomainModel> & { _id: string }): Promise<WhitelistDomainModel> {
    return this.whitelist.insertOne(doc);
  }

  deleteWhitelist(domain: string): Promise<number> {
    return this.whitelist.deleteOne({ _id: domain });
  }
}
