import type { DocumentCollection, DocumentStore, OrgRole } from '@grove/platform';
import { InvitationModel, InvitationStatus } from './invitation.model';
import { compact, stamped } from './views';

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
