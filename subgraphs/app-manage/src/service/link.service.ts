import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  Permission,
  hasOrgPermission,
  requireOrgPermission,
  requireUser,
  type Principal,
  type UserPrincipal,
  encodeCursor,
  type PageRequest,
} from '@grove/platform';
import { z } from 'zod';
import { LinkStatus, type LinkModel } from '../store/link.model';
import { HOST_APP_LINKS_ORDER, LINK_REQUESTS_ORDER, type LinkStore } from '../store/link.store';
import type { MiniProgramStore } from '../store/mini-program.store';
import { toLinkView, type LinkView } from '../store/views';
import { AppManageTopic, type AppManageEvents } from './app-manage-events';
import { LinkDirection, appIdField, idField, parseInput, reasonField } from './app-manage-input';
import type { HostAppService } from './host-app.service';

const linkListSchema = z.object({
  orgId: idField,
  direction: z.enum([LinkDirection.INCOMING, LinkDirection.OUTGOING]).default(LinkDirection.INCOMING),
  status: z.enum([LinkStatus.PENDING, LinkStatus.ACTIVE, LinkStatus.REJECTED]).nullish(),
});

/**
 * Which mini-programs open in which host app. A host app's organization (hostapp:manage) links; a mini-program
 * of the same organization is linked at once, another organization's becomes a PENDING request that the owner
 * of the mini-program (miniprogram:release) approves or rejects. Either side may unlink.
 */
export class LinkService {
  constructor(
    private readonly links: LinkStore,
    private readonly apps: MiniProgramStore,
    private readonly hostApps: HostAppService,
    private readonly events: AppManageEvents,
  ) {}

  async link(p: Principal, hostAppId: string, appId: string): Promise<LinkView> {
    const { user, hostApp } = await this.hostApps.load(p, hostAppId, Permission.HOSTAPP_MANAGE);
    const app = await this.apps.findById(parseInput(appIdField, appId));
    if (!app || app.deletingAt) throw new NotFoundError('Mini-program not found');
    const sameOrg = app.orgId === hostApp.orgId;
    const status = sameOrg ? LinkStatus.ACTIVE : LinkStatus.PENDING;
    const decided = sameOrg ? { decidedBy: user.userId, decidedAt: new Date() } : {};

    // The link and its event commit together.
    const saved = await this.events.atomically(async () => {
      const existing = await this.links.findPair(hostApp._id, app._id);
      let link: LinkModel | null;
      if (existing) {
        // Only a rejected request may be asked again; the guard keeps a concurrent decision from being overwritten.
        link = await this.links.transition(
          existing._id,
          { status: LinkStatus.REJECTED },
          { status, requestedBy: user.userId, ...decided },
          sameOrg ? ['rejectionReason'] : ['rejectionReason', 'decidedBy', 'decidedAt'],
        );
        if (!link)
          throw new ConflictError(
            `This mini-program is already ${existing.status === LinkStatus.ACTIVE ? 'linked' : 'requested'}`,
            { status: existing.status },
          );
      } else {
        try {
          link = await this.links.insert({
            hostAppId: hostApp._id,
            hostOrgId: hostApp.orgId,
            appId: app._id,
            appOrgId: app.orgId,
            status,
            requestedBy: user.userId,
            ...decided,
          });
        } catch (error) {
          if (error instanceof ConflictError)
            throw new ConflictError('This mini-program is already linked or requested', {
              reason: 'DUPLICATE_LINK',
            });
          throw error;
        }
      }
      if (await this.endpointDeletedMeanwhile(link)) {
        await this.links.deleteOne({ _id: link._id });
        throw new NotFoundError('The host app or the mini-program was deleted meanwhile');
      }
      await this.publish(sameOrg ? 'link.activated' : 'link.requested', link, user.userId);
      return link;
    });
    return toLinkView(saved);
  }

  async approve(p: Principal, linkId: string): Promise<LinkView> {
    const { user, link } = await this.loadForAppOwner(p, linkId);
    const updated = await this.events.atomically(async () => {
      const approved = await this.decide(
        link,
        { status: LinkStatus.ACTIVE, decidedBy: user.userId, decidedAt: new Date() },
        'approved',
      );
      await this.publish('link.approved', approved, user.userId);
      return approved;
    });
    return toLinkView(updated);
  }

  async reject(p: Principal, linkId: string, reason?: string | null): Promise<LinkView> {
    const { user, link } = await this.loadForAppOwner(p, linkId);
    const rejectionReason = reason == null ? undefined : parseInput(reasonField, reason);
    const updated = await this.events.atomically(async () => {
      const rejected = await this.decide(
        link,
        { status: LinkStatus.REJECTED, decidedBy: user.userId, decidedAt: new Date(), rejectionReason },
        'rejected',
      );
      await this.publish('link.rejected', rejected, user.userId);
      return rejected;
    });
    return toLinkView(updated);
  }

  /** Either side removes the link (or withdraws/clears a request). True when something was removed. */
  async unlink(p: Principal, hostAppId: string, appId: string): Promise<boolean> {
    const user = requireUser(p);
    const link = await this.links.findPair(parseInput(idField, hostAppId), parseInput(appIdField, appId));
    if (!link) throw new NotFoundError('No such link');
    this.requireParticipant(user, link, 'write');
    await this.events.atomically(async () => {
      const removed = (await this.links.deleteOne({ _id: link._id, status: link.status })) > 0;
      if (!removed) throw new ConflictError('The link changed meanwhile; reload and try again');
      await this.publish('link.removed', link, user.userId);
    });
    return true;
  }

  /** Requests to (INCOMING: the org owns the mini-program) or from (OUTGOING: the org owns the host app) an org. */
  /** Newest first, a page at a time (`take` up to 100, `after` a link's cursor). */
  async list(p: Principal, input: unknown, page: PageRequest = {}): Promise<LinkView[]> {
    requireUser(p);
    const query = parseInput(linkListSchema, input);
    const incoming = query.direction === LinkDirection.INCOMING;
    requireOrgPermission(
      p,
      query.orgId,
      incoming ? Permission.MINIPROGRAM_READ : Permission.ORG_READ,
      Permission.ORG_READ_ANY,
    );
    const status = query.status === undefined ? LinkStatus.PENDING : (query.status ?? undefined);
    const links = await this.links.listForOrg(query.orgId, incoming ? 'incoming' : 'outgoing', status, page);
    return links.map((link) => ({ ...toLinkView(link), cursor: encodeCursor(LINK_REQUESTS_ORDER, link) }));
  }

  /** Links of a host app, for its `links` field (the host app was already authorized by the caller's resolver). */
  async ofHostApp(hostAppId: string, page: PageRequest = {}): Promise<LinkView[]> {
    return (await this.links.pageByHostApp(hostAppId, page)).map((l) => ({
      ...toLinkView(l),
      cursor: encodeCursor(HOST_APP_LINKS_ORDER, l),
    }));
  }

  /** For the SDK runtime: does this mini-program open in this host app? */
  isLinked(hostAppId: string, appId: string): Promise<boolean> {
    return this.links.isActive(hostAppId, appId);
  }

  /** Host apps a mini-program opens in (ACTIVE links), for the search index. */
  linkedHostAppIds(appId: string): Promise<string[]> {
    return this.links.activeHostAppIds(appId);
  }

  linkedAppIds(hostAppId: string): Promise<string[]> {
    return this.links.activeAppIds(hostAppId);
  }

  /** Field-level: readers of a link see the mini-program's name and logo even when it belongs to the other side. */
  canRead(p: Principal, link: LinkView): boolean {
    if (p.kind !== 'user') return false;
    try {
      this.requireParticipant(p, link, 'read');
      return true;
    } catch {
      return false;
    }
  }

  /**
   * The linked mini-program itself: its own organization always; the host side only once the link is ACTIVE — a
   * PENDING or REJECTED request must not show another organization's name, description, status or logo.
   */
  canReadMiniProgram(p: Principal, link: LinkView): boolean {
    if (p.kind !== 'user') return false;
    if (hasOrgPermission(p, link.appOrgId, Permission.MINIPROGRAM_READ)) return true;
    return link.status === LinkStatus.ACTIVE && hasOrgPermission(p, link.hostOrgId, Permission.ORG_READ);
  }

  /** A deletion of either side that ran between the checks above and the write: the link must not outlive it. */
  private async endpointDeletedMeanwhile(link: LinkModel): Promise<boolean> {
    const [app, hostApp] = await Promise.all([
      this.apps.findById(link.appId),
      this.hostApps.exists(link.hostAppId),
    ]);
    return !app || !!app.deletingAt || !hostApp;
  }

  private requireParticipant(
    user: UserPrincipal,
    link: Pick<LinkModel, 'hostOrgId' | 'appOrgId'>,
    mode: 'read' | 'write',
  ): void {
    const hostSide = hasOrgPermission(
      user,
      link.hostOrgId,
      mode === 'write' ? Permission.HOSTAPP_MANAGE : Permission.ORG_READ,
    );
    const appSide = hasOrgPermission(
      user,
      link.appOrgId,
      mode === 'write' ? Permission.MINIPROGRAM_RELEASE : Permission.MINIPROGRAM_READ,
    );
    if (!hostSide && !appSide)
      throw new ForbiddenError('Only the organizations on either side of the link may do this');
  }

  private async loadForAppOwner(
    p: Principal,
    linkId: string,
  ): Promise<{ user: UserPrincipal; link: LinkModel }> {
    requireUser(p);
    const link = await this.links.findById(parseInput(idField, linkId));
    if (!link) throw new NotFoundError('Link request not found');
    const user = requireOrgPermission(p, link.appOrgId, Permission.MINIPROGRAM_RELEASE);
    return { user, link };
  }

  private async decide(link: LinkModel, set: Record<string, unknown>, verb: string): Promise<LinkModel> {
    const updated = await this.links.transition(link._id, { status: LinkStatus.PENDING }, set);
    if (updated) return updated;
    const current = await this.links.findById(link._id);
    if (!current) throw new NotFoundError('Link request not found');
    throw new ConflictError(`A link that is ${current.status} cannot be ${verb}`, { status: current.status });
  }

  private async publish(type: string, link: LinkModel, actorId: string): Promise<void> {
    await this.events.publish(AppManageTopic.HOST_APP, type, link.hostAppId, {
      linkId: link._id,
      hostAppId: link.hostAppId,
      hostOrgId: link.hostOrgId,
      appId: link.appId,
      appOrgId: link.appOrgId,
      status: link.status,
      actorId,
    });
  }
}
