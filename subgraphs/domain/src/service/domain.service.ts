import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  Permission,
  newId,
  requireUser,
  type Principal,
} from '@grove/platform';
import type { MiniProgramAccess, MiniProgramOwnership } from '../projection';
import type { DomainSettings } from '../config';
import { BusinessDomainStatus, VerificationMethod, type BusinessDomainModel } from '../store/business-domain.model';
import type { DomainStore } from '../store/domain.store';
import {
  DOMAIN_LIST_KINDS,
  MAX_DOMAINS_PER_LIST,
  checkVerification,
  issueVerificationFile,
  validateDomainList,
  type DomainListKind,
} from '../validation';
import type { DomainEvents } from './domain-events';
import {
  toBusinessDomainView,
  toMiniProgramDomainsView,
  type BusinessDomainView,
  type MiniProgramDomainsView,
  type RuntimeDomains,
} from './domain-views';

/** At most this many business domains per mini-program, like each service list. */
export const MAX_BUSINESS_DOMAINS = MAX_DOMAINS_PER_LIST;

export interface DomainServiceOptions {
  settings: DomainSettings;
  fetchImpl: typeof fetch;
}

/**
 * Service domains (four lists, each replaced whole under a version check) and business domains (added pending a
 * verification file, verified by fetching it, or at once when whitelisted) of mini-programs.
 */
export class DomainService {
  constructor(
    private readonly store: DomainStore,
    private readonly access: MiniProgramAccess,
    private readonly events: DomainEvents,
    private readonly options: DomainServiceOptions,
  ) {}

  /** Members of the owning organization (miniprogram:read) and reviewing operators. */
  async get(p: Principal, appId: string): Promise<MiniProgramDomainsView> {
    const { app } = await this.access.app(p, appId, Permission.MINIPROGRAM_READ, Permission.MINIPROGRAM_REVIEW);
    return this.load(app.appId);
  }

  /** Entity reference of MiniProgram: `{ id }` when the caller may read its domains, else null. */
  async reference(p: Principal, appId: string): Promise<{ id: string } | null> {
    try {
      const { app } = await this.access.app(p, appId, Permission.MINIPROGRAM_READ, Permission.MINIPROGRAM_REVIEW);
      return { id: app.appId };
    } catch {
      return null;
    }
  }

  /**
   * Replaces one list. `expectedVersion` (from a previous read) makes it a compare-and-set; without it the version
   * read here is used, so a concurrent writer still makes this call fail with CONFLICT instead of being lost.
   */
  async replaceServiceDomains(p: Principal, appId: string, kind: DomainListKind, domains: unknown, expectedVersion?: number | null): Promise<MiniProgramDomainsView> {
    const { user, app } = await this.access.app(p, appId, Permission.MINIPROGRAM_WRITE);
    this.access.requireActive(app, 'changed');
    if (expectedVersion !== undefined && expectedVersion !== null && (!Number.isInteger(expectedVersion) || expectedVersion < 0)) {
      throw new BadUserInputError('expectedVersion must be a non-negative integer', { fields: ['expectedVersion'] });
    }
    const { normalized } = validateDomainList(kind, domains);
    const current = await this.store.findServiceDomains(app.appId);
    const version = expectedVersion ?? current?.version ?? 0;
    const stale = () => new ConflictError('The domain lists were changed by someone else; reload and try again', { reason: 'STALE_VERSION', expectedVersion: version });

    if (version === 0) {
      try {
        const empty = Object.fromEntries(DOMAIN_LIST_KINDS.map((k) => [k, [] as string[]])) as Record<DomainListKind, string[]>;
        await this.store.insertServiceDomains({ _id: app.appId, orgId: app.orgId, ...empty, [kind]: normalized, version: 1, updatedBy: user.userId });
      } catch (error) {
        if (error instanceof ConflictError) throw stale();
        throw error;
      }
    } else {
      const updated = await this.store.replaceServiceDomains(app.appId, version, { [kind]: normalized, orgId: app.orgId, updatedBy: user.userId });
      if (!updated) throw stale();
    }
    await this.events.changed({ appId: app.appId, orgId: app.orgId, change: 'service-domains-replaced', subject: kind, actorId: user.userId });
    return this.load(app.appId);
  }

  /** Adds a business domain: VERIFIED at once when whitelisted, else PENDING_VERIFICATION with an issued file. */
  async addBusinessDomain(p: Principal, appId: string, domain: unknown): Promise<BusinessDomainView> {
    const { user, app } = await this.access.app(p, appId, Permission.MINIPROGRAM_WRITE);
    this.access.requireActive(app, 'changed');
    const file = issueVerificationFile(typeof domain === 'string' ? domain : '');
    if ((await this.store.countBusinessDomains(app.appId)) >= MAX_BUSINESS_DOMAINS) {
      throw new BadUserInputError(`A mini-program may have at most ${MAX_BUSINESS_DOMAINS} business domains`, { fields: ['domain'], limit: MAX_BUSINESS_DOMAINS });
    }
    const whitelisted = await this.store.isWhitelisted(file.domain);
    const now = new Date();
    let doc: BusinessDomainModel;
    try {
      doc = await this.store.insertBusinessDomain({
        _id: newId(),
        appId: app.appId,
        orgId: app.orgId,
        domain: file.domain,
        status: whitelisted ? BusinessDomainStatus.VERIFIED : BusinessDomainStatus.PENDING_VERIFICATION,
        fileName: file.fileName,
        fileContent: file.content,
        ...(whitelisted ? { verificationMethod: VerificationMethod.WHITELIST, verifiedAt: now } : {}),
        addedBy: user.userId,
      });
    } catch (error) {
      if (error instanceof ConflictError) throw new ConflictError(`${file.domain} is already a business domain of this mini-program`, { domain: file.domain });
      throw error;
    }
    await this.events.changed({ appId: app.appId, orgId: app.orgId, change: whitelisted ? 'business-domain-verified' : 'business-domain-added', subject: doc.domain, actorId: user.userId });
    return toBusinessDomainView(doc);
  }

  /**
   * Checks a pending business domain: whitelisted domains pass, others must serve the issued file. A failed check
   * is not an error: the domain stays pending with the reason of the last attempt.
   */
  async verifyBusinessDomain(p: Principal, id: string): Promise<BusinessDomainView> {
    const { doc, app, userId } = await this.businessDomain(p, id);
    if (doc.status === BusinessDomainStatus.VERIFIED) return toBusinessDomainView(doc);
    this.access.requireActive(app, 'changed');
    const pending = { status: BusinessDomainStatus.PENDING_VERIFICATION };
    const now = new Date();
    const verified = (method: VerificationMethod) => ({
      $set: { status: BusinessDomainStatus.VERIFIED, verificationMethod: method, verifiedAt: now, lastCheckedAt: now },
      $unset: { failureReason: '', failureDetail: '' },
    });

    let updated: BusinessDomainModel | null;
    if (await this.store.isWhitelisted(doc.domain)) {
      updated = await this.store.transitionBusinessDomain(doc._id, pending, verified(VerificationMethod.WHITELIST));
    } else {
      const { settings, fetchImpl } = this.options;
      const result = await checkVerification({
        domain: doc.domain,
        fileName: doc.fileName,
        content: doc.fileContent,
        scheme: settings.verifyScheme,
        port: settings.verifyPort,
        timeoutMs: settings.verifyTimeoutMs,
        maxBytes: settings.verifyMaxBytes,
        fetchImpl,
      });
      updated = await this.store.transitionBusinessDomain(
        doc._id,
        pending,
        result.verified
          ? verified(VerificationMethod.FILE)
          : { $set: { lastCheckedAt: now, failureReason: result.reason, failureDetail: result.detail.slice(0, 500) } },
      );
    }
    if (!updated) {
      // Verified or removed by a concurrent request meanwhile.
      const current = await this.store.findBusinessDomain(doc._id);
      if (!current) throw new NotFoundError('Business domain not found');
      return toBusinessDomainView(current);
    }
    if (updated.status === BusinessDomainStatus.VERIFIED) {
      await this.events.changed({ appId: app.appId, orgId: app.orgId, change: 'business-domain-verified', subject: updated.domain, actorId: userId });
    }
    return toBusinessDomainView(updated);
  }

  async removeBusinessDomain(p: Principal, id: string): Promise<boolean> {
    const { doc, app, userId } = await this.businessDomain(p, id);
    const removed = (await this.store.deleteBusinessDomain(doc._id)) > 0;
    if (removed) await this.events.changed({ appId: app.appId, orgId: app.orgId, change: 'business-domain-removed', subject: doc.domain, actorId: userId });
    return removed;
  }

  /** For in-process callers (the SDK runtime read model): no authorization, only verified business domains. */
  async runtimeDomains(appId: string): Promise<RuntimeDomains> {
    const [lists, business] = await Promise.all([this.store.findServiceDomains(appId), this.store.listBusinessDomains(appId)]);
    return {
      appId,
      request: [...(lists?.request ?? [])],
      socket: [...(lists?.socket ?? [])],
      upload: [...(lists?.upload ?? [])],
      download: [...(lists?.download ?? [])],
      business: business.filter((d) => d.status === BusinessDomainStatus.VERIFIED).map((d) => d.domain),
    };
  }

  private async load(appId: string): Promise<MiniProgramDomainsView> {
    const [lists, business] = await Promise.all([this.store.findServiceDomains(appId), this.store.listBusinessDomains(appId)]);
    return toMiniProgramDomainsView(appId, lists, business);
  }

  private async businessDomain(p: Principal, id: string): Promise<{ doc: BusinessDomainModel; app: MiniProgramOwnership; userId: string }> {
    requireUser(p);
    if (typeof id !== 'string' || id.trim() === '' || id.length > 100) throw new BadUserInputError('id is required', { fields: ['id'] });
    const doc = await this.store.findBusinessDomain(id.trim());
    if (!doc) throw new NotFoundError('Business domain not found');
    const { user, app } = await this.access.app(p, doc.appId, Permission.MINIPROGRAM_WRITE);
    return { doc, app, userId: user.userId };
  }
}
