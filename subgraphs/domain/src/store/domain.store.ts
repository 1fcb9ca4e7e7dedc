import type { DocumentCollection, DocumentStore, Filter, NewDocument, Update } from '@grove/platform';
import { BusinessDomainModel } from './business-domain.model';
import { ServiceDomainsModel } from './service-domains.model';
import { WhitelistDomainModel } from './whitelist-domain.model';

/** Persistence of the domain subgraph over the documents port (shared Mongo/nedb grammar). */
export class DomainStore {
  readonly serviceDomains: DocumentCollection<ServiceDomainsModel>;
  readonly businessDomains: DocumentCollection<BusinessDomainModel>;
  readonly whitelist: DocumentCollection<WhitelistDomainModel>;

  constructor(documents: DocumentStore) {
    this.serviceDomains = documents.collection(ServiceDomainsModel);
    this.businessDomains = documents.collection(BusinessDomainModel);
    this.whitelist = documents.collection(WhitelistDomainModel);
  }

  findServiceDomains(appId: string): Promise<ServiceDomainsModel | null> {
    return this.serviceDomains.findById(appId);
  }

  /** First write of an app's lists; ConflictError when another writer created them first. */
  insertServiceDomains(doc: NewDocument<ServiceDomainsModel> & { _id: string }): Promise<ServiceDomainsModel> {
    return this.serviceDomains.insertOne(doc);
  }

  /** Conditional replacement: only when the stored version is still `version`; null otherwise. */
  replaceServiceDomains(appId: string, version: number, set: Record<string, unknown>): Promise<ServiceDomainsModel | null> {
    return this.serviceDomains.findOneAndUpdate({ _id: appId, version }, { $set: set, $inc: { version: 1 } });
  }

  listBusinessDomains(appId: string): Promise<BusinessDomainModel[]> {
    return this.businessDomains.find({ appId }, { sort: { domain: 1 } });
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

  listWhitelist(): Promise<WhitelistDomainModel[]> {
    return this.whitelist.find({}, { sort: { _id: 1 } });
  }

  insertWhitelist(doc: NewDocument<WhitelistDomainModel> & { _id: string }): Promise<WhitelistDomainModel> {
    return this.whitelist.insertOne(doc);
  }

  deleteWhitelist(domain: string): Promise<number> {
    return this.whitelist.deleteOne({ _id: domain });
  }
}
