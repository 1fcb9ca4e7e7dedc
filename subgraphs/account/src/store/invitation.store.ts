import {
  keysetPage,
  type DocumentCollection,
  type DocumentStore,
  type Filter,
  type KeysetOrder,
  type OrgRole,
  type PageRequest,
} from '@grove/platform';
import { InvitationModel, InvitationStatus } from './invitation.model';
import { compact, stamped } from './views';

/** `invitations(orgId)`: newest first (`_id` breaks ties), at most 100 a page (docs/query-limits.md). */
export const INVITATIONS_ORDER: KeysetOrder = { name: 'invitations', field: 'createdAt', direction: -1 };
export const INVITATIONS_PAGE = { defaultTake: 20, maxTake: 100 };

export interface NewInvitation {
  orgId: string;
  email?: string;
  phone?: string;
  role: OrgRole;
  tokenHash: string;
  invitedBy: string;
  expiresAt: Date;
}

export class InvitationStore {
  private readonly invitations: DocumentCollection<InvitationModel>;

  constructor(documents: DocumentStore) {
    this.invitations = documents.collection(InvitationModel);
  }

  insert(invitation: NewInvitation): Promise<InvitationModel> {
    return this.invitations.insertOne(
      stamped<InvitationModel>(compact({ ...invitation, status: InvitationStatus.PENDING })),
    );
  }

  findById(id: string): Promise<InvitationModel | null> {
    return this.invitations.findById(id);
  }

  /**
   * One page of an organization's invitations, optionally of one reported status: PENDING and EXPIRED are both
   * stored PENDING and told apart by `expiresAt` against `now`.
   */
  pageByOrg(
    orgId: string,
    status: InvitationStatus | undefined,
    now: Date,
    request: PageRequest,
  ): Promise<InvitationModel[]> {
    const filter: Filter = { orgId };
    if (status === InvitationStatus.PENDING) Object.assign(filter, { status, expiresAt: { $gt: now } });
    else if (status === InvitationStatus.EXPIRED)
      Object.assign(filter, { status: InvitationStatus.PENDING, expiresAt: { $lte: now } });
    else if (status) filter.status = status;
    const page = keysetPage(INVITATIONS_ORDER, request, INVITATIONS_PAGE, filter);
    return this.invitations.find(page.filter, { sort: page.sort, limit: page.take });
  }

  /** Only a pending, unexpired invitation of this organization can be revoked, and only once. */
  revoke(id: string, orgId: string, userId: string, now: Date): Promise<InvitationModel | null> {
    return this.invitations.findOneAndUpdate(
      { _id: id, orgId, status: InvitationStatus.PENDING, expiresAt: { $gt: now } },
      { $set: { status: InvitationStatus.REVOKED, revokedBy: userId, revokedAt: now } },
    );
  }

  findByTokenHash(tokenHash: string): Promise<InvitationModel | null> {
    return this.invitations.findOne({ tokenHash });
  }

  /** One-time: only a pending, unexpired invitation can be claimed, and only once. */
  claim(tokenHash: string, userId: string, now: Date): Promise<InvitationModel | null> {
    return this.invitations.findOneAndUpdate(
      { tokenHash, status: InvitationStatus.PENDING, expiresAt: { $gt: now } },
      { $set: { status: InvitationStatus.ACCEPTED, acceptedBy: userId } },
    );
  }

  /** Undo a claim when the membership could not be written (compensation, not a state the user sees). */
  async release(id: string): Promise<void> {
    await this.invitations.updateOne(
      { _id: id, status: InvitationStatus.ACCEPTED },
      { $set: { status: InvitationStatus.PENDING }, $unset: { acceptedBy: '' } },
    );
  }
}
