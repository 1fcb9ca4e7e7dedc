import type { DomainListKind } from '../validation';
import type {
  BusinessDomainModel,
  BusinessDomainStatus,
  VerificationMethod,
} from '../store/business-domain.model';
import type { ServiceDomainsModel } from '../store/service-domains.model';
import type { WhitelistDomainModel } from '../store/whitelist-domain.model';

export interface BusinessDomainView {
  id: string;
  appId: string;
  domain: string;
  status: BusinessDomainStatus;
  verificationFile: { fileName: string; content: string };
  verificationMethod?: VerificationMethod;
  verifiedAt?: Date;
  lastCheckedAt?: Date;
  failureReason?: string;
  failureDetail?: string;
  createdAt: Date;
}

export interface MiniProgramDomainsView extends Record<DomainListKind, string[]> {
  appId: string;
  /** 0 until the lists are first written; pass it back as expectedVersion. */
  version: number;
  updatedAt?: Date;
  businessDomains: BusinessDomainView[];
}

export interface WhitelistDomainView {
  domain: string;
  note?: string;
  addedBy: string;
  createdAt: Date;
}

/** What the SDK runtime needs: the four lists and the verified business domains. */
export interface RuntimeDomains extends Record<DomainListKind, string[]> {
  appId: string;
  business: string[];
}

export function toBusinessDomainView(doc: BusinessDomainModel): BusinessDomainView {
  return {
    id: doc._id,
    appId: doc.appId,
    domain: doc.domain,
    status: doc.status,
    verificationFile: { fileName: doc.fileName, content: doc.fileContent },
    verificationMethod: doc.verificationMethod,
    verifiedAt: doc.verifiedAt,
    lastCheckedAt: doc.lastCheckedAt,
    failureReason: doc.failureReason,
    failureDetail: doc.failureDetail,
    createdAt: doc.createdAt,
  };
}

export function toMiniProgramDomainsView(
  appId: string,
  lists: ServiceDomainsModel | null,
  business: BusinessDomainModel[],
): MiniProgramDomainsView {
  return {
    appId,
    request: [...(lists?.request ?? [])],
    socket: [...(lists?.socket ?? [])],
    upload: [...(lists?.upload ?? [])],
    download: [...(lists?.download ?? [])],
    version: lists?.version ?? 0,
    updatedAt: lists?.updatedAt,
    businessDomains: business.map(toBusinessDomainView),
  };
}

export function toWhitelistDomainView(doc: WhitelistDomainModel): WhitelistDomainView {
  return { domain: doc._id, note: doc.note, addedBy: doc.addedBy, createdAt: doc.createdAt };
}
