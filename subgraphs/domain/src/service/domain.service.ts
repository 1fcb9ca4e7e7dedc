import {
  BadUserInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  Permission,
  alignByKey,
  groupByKey,
  newId,
  requireOrgPermission,
  requireUser,
  type Principal,
} from '@grove/platform';
import { MINI_PROGRAM_APP_ID, OwnedMiniProgramStatus } from '@grove/contracts';
import type { MiniProgramAccess, MiniProgramOwnership } from '../projection';
import type { DomainSettings } from '../config';
import {
  BusinessDomainStatus,
  VerificationMethod,
  type BusinessDomainModel,
} from '../store/business-domain.model';
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

/** A mini-program as this subgraph's entity: its app id and, once read, its owning organization. */
export interface MiniProgramRef {
  id: string;
  orgId?: string;
}

/** miniprogram:read in the owning organization, or miniprogram:review for operators (MiniProgramAccess's rule). */
function mayReadDomains(p: Principal, orgId: string): boolean {
  try {
    requireOrgPermission(p, orgId, Permission.MINIPROGRAM_READ, Permission.MINIPROGRAM_REVIEW);
    return true;
  } catch {
    return false;
  }
}

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
    const { app } = await this.access.app(
      p,
      appId,
      Permission.MINIPROGRAM_READ,
      Permission.MINIPROGRAM_REVIEW,
    );
    return this.load(app.appId);
  }

  /** Entity reference of MiniProgram: `{ id }` when the caller may read its domains, else null. */
  async reference(p: Principal, appId: string): Promise<{ id: string } | null> {
    try {
      const { app } = await this.access.app(
        p,
        appId,
        Permission.MINIPROGRAM_READ,
        Permission.MINIPROGRAM_REVIEW,
      );
      return { id: app.appId };
    } catch {
      return null;
    }
  }

  /**
   * Batched `MiniProgram` entity references (issue 8 item 2): one read of the ownership projection for every
   * representation of a request; `{ id, orgId }` where the caller may read the mini-program's domains, else null.
   */
  async referenceMany(p: Principal, appIds: readonly string[]): Promise<Array<MiniProgramRef | null>> {
    if (p.kind !== 'user') return appIds.map(() => null);
    const valid = appIds.filter((id) => MINI_PROGRAM_APP_ID.test(id));
    const owners = alignByKey(appIds, await this.store.ownerships(valid), (row) => row._id);
    return owners.map((owner) =>
      owner && owner.status !== OwnedMiniProgramStatus.DELETED && mayReadDomains(p, owner.orgId)
        ? { id: owner._id, orgId: owner.orgId }
        : null,
    );
  }

  /**
   * `domains` of many mini-programs: one read of the service lists and one of the business domains for all of them.
   * The owner comes with each reference resolved in the same request (else it is read, again in one batch).
   */
  async getMany(
    p: Principal,
    apps: readonly MiniProgramRef[],
  ): Promise<Array<MiniProgramDomainsView | Error>> {
    requireUser(p);
    const unknown = apps.filter((app) => !app.orgId).map((app) => app.id);
    const owners = new Map(apps.flatMap((app) => (app.orgId ? [[app.id, app.orgId] as const] : [])));
    for (const row of await this.store.ownerships(unknown.filter((id) => MINI_PROGRAM_APP_ID.test(id)))) {
      if (row.status !== OwnedMiniProgramStatus.DELETED) owners.set(row._id, row.orgId);
    }
    const readable = apps
      .filter((app) => owners.has(app.id) && mayReadDomains(p, owners.get(app.id)!))
      .map((app) => app.id);
    const [lists, business] = await Promise.all([
      this.store.serviceDomainsOf(readable),
      this.store.businessDomainsOf(readable),
    ]);
    const listsOf = alignByKey(readable, lists, (row) => row._id);
    const businessOf = groupByKey(readable, business, (row) => row.appId);
    const views = new Map(
      readable.map((id, i) => [id, toMiniProgramDomainsView(id, listsOf[i] ?? null, businessOf[i] ?? [])]),
    );
    return apps.map(
      (app) =>
        views.get(app.id) ??
        (owners.has(app.id)
          ? new ForbiddenError('Not allowed to read these domains')
          : new NotFoundError('Mini-program not found')),
    );
  }

  /**
   * Replaces one list. `expectedVersion` (from a previous read) makes it a compare-and-set; without it the version
   * read here is used, so a concurrent writer still makes this call fail with CONFLICT instead of being lost.
   */
  async replaceServiceDomains(
    p: Principal,
    appId: string,
    kind: DomainListKind,
    domains: unknown,
    expectedVersion?: number | null,
  ): Promise<MiniProgramDomainsView> {
    const { user, app } = await this.access.app(p, appId, Permission.MINIPROGRAM_WRITE);
    this.access.requireActive(app, 'changed');
    if (
      expectedVersion !== undefined &&
      expectedVersion !== null &&
      (!Number.isInteger(expectedVersion) || expectedVersion < 0)
    ) {
      throw new BadUserInputError('expectedVersion must be a non-negative integer', {
        fields: ['expectedVersion'],
      });
    }
    const { normalized } = validateDomainList(kind, domains);
    const current = await this.store.findServiceDomains(app.appId);
    const version = expectedVersion ?? current?.version ?? 0;
    const stale = () =>
      new ConflictError('The domain lists were changed by someone else; reload and try again', {
        reason: 'STALE_VERSION',
        expectedVersion: version,
      });

    // The lists and their event commit together.
    await this.events.atomically(async () => {
      if (version === 0) {
        try {
          const empty = Object.fromEntries(DOMAIN_LIST_KINDS.map((k) => [k, [] as string[]])) as Record<
            DomainListKind,
            string[]
          >;
          await this.store.insertServiceDomains({
            _id: app.appId,
            orgId: app.orgId,
            ...empty,
            [kind]: normalized,
            version: 1,
            updatedBy: user.userId,
          });
        } catch (error) {
          if (error instanceof ConflictError) throw stale();
          throw error;
        }
      } else {
        const updated = await this.store.replaceServiceDomains(app.appId, version, {
          [kind]: normalized,
          orgId: app.orgId,
          updatedBy: user.userId,
        });
        if (!updated) throw stale();
      }
      await this.events.changed({
        appId: app.appId,
        orgId: app.orgId,
        change: 'service-domains-replaced',
        subject: kind,
        actorId: user.userId,
      });
    });
    return this.load(app.appId);
  }

  /** Adds a business domain: VERIFIED at once when whitelisted, else PENDING_VERIFICATION with an issued file. */
  async addBusinessDomain(p: Principal, appId: string, domain: unknown): Promise<BusinessDomainView> {
    const { user, app } = await this.access.app(p, appId, Permission.MINIPROGRAM_WRITE);
    this.access.requireActive(app, 'changed');
    const file = issueVerificationFile(typeof domain === 'string' ? domain : '');
    if ((await this.store.countBusinessDomains(app.appId)) >= MAX_BUSINESS_DOMAINS) {
      throw new BadUserInputError(
        `A mini-program may have at most ${MAX_BUSINESS_DOMAINS} business domains`,
        { fields: ['domain'], limit: MAX_BUSINESS_DOMAINS },
      );
    }
    const whitelisted = await this.store.isWhitelisted(file.domain);
    const now = new Date();
    let doc: BusinessDomainModel;
    try {
      doc = await this.events.atomically(async () => {
        const inserted = await this.store.insertBusinessDomain({
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
        await this.events.changed({
          appId: app.appId,
          orgId: app.orgId,
          change: whitelisted ? 'business-domain-verified' : 'business-domain-added',
          subject: inserted.domain,
          actorId: user.userId,
        });
        return inserted;
      });
    } catch (error) {
      if (error instanceof ConflictError)
        throw new ConflictError(`${file.domain} is already a business domain of this mini-program`, {
          domain: file.domain,
        });
      throw error;
    }
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
      $set: {
        status: BusinessDomainStatus.VERIFIED,
        verificationMethod: method,
        verifiedAt: now,
        lastCheckedAt: now,
      },
      $unset: { failureReason: '', failureDetail: '' },
    });

    // The check (a network fetch) runs first; the write and its event then commit together.
    let update: ReturnType<typeof verified> | { $set: Record<string, unknown> };
    if (await this.store.isWhitelisted(doc.domain)) {
      update = verified(VerificationMethod.WHITELIST);
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
      update = result.verified
        ? verified(VerificationMethod.FILE)
        : {
            $set: {
              lastCheckedAt: now,
              failureReason: result.reason,
              failureDetail: result.detail.slice(0, 500),
            },
          };
    }
    const updated = await this.events.atomically(async () => {
      const changed = await this.store.transitionBusinessDomain(doc._id, pending, update);
      if (changed?.status === BusinessDomainStatus.VERIFIED) {
        await this.events.changed({
          appId: app.appId,
          orgId: app.orgId,
          change: 'business-domain-verified',
          subject: changed.domain,
          actorId: userId,
        });
      }
      return changed;
    });
    if (!updated) {
      // Verified or removed by a concurrent request meanwhile.
      const current = await this.store.findBusinessDomain(doc._id);
      if (!current) throw new NotFoundError('Business domain not found');
      return toBusinessDomainView(current);
    }
    return toBusinessDomainView(updated);
  }

  async removeBusinessDomain(p: Principal, id: string): Promise<boolean> {
    const { doc, app, userId } = await this.businessDomain(p, id);
    return this.events.atomically(async () => {
      const removed = (await this.store.deleteBusinessDomain(doc._id)) > 0;
      if (removed)
        await this.events.changed({
          appId: app.appId,
          orgId: app.orgId,
          change: 'business-domain-removed',
          subject: doc.domain,
          actorId: userId,
        });
      return removed;
    });
  }

  /** For in-process callers (the SDK runtime read model): no authorization, only verified business domains. */
  async runtimeDomains(appId: string): Promise<RuntimeDomains> {
    const [lists, business] = await Promise.all([
      this.store.findServiceDomains(appId),
      this.store.listBusinessDomains(appId),
    ]);
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
    const [lists, business] = await Promise.all([
      this.store.findServiceDomains(appId),
      this.store.listBusinessDomains(appId),
    ]);
    return toMiniProgramDomainsView(appId, lists, business);
  }

  private async businessDomain(
    p: Principal,
    id: string,
  ): Promise<{ doc: BusinessDomainModel; app: MiniProgramOwnership; userId: string }> {
    requireUser(p);
    if (typeof id !== 'string' || id.trim() === '' || id.length > 100)
      throw new BadUserInputError('id is required', { fields: ['id'] });
    const doc = await this.store.findBusinessDomain(id.trim());
    if (!doc) throw new NotFoundError('Business domain not found');
    const { user, app } = await this.access.app(p, doc.appId, Permission.MINIPROGRAM_WRITE);
    return { doc, app, userId: user.userId };
  }
}
