import type { NewDocument, OperatorRole, OrgRole } from '@grove/platform';
import type { InvitationModel, InvitationStatus } from './invitation.model';
import type { MembershipModel } from './membership.model';
import type { AmendmentStatus, OrganizationModel, OrganizationStatus } from './organization.model';
import type { SessionModel } from './session.model';
import type { UserModel } from './user.model';

/**
 * What the store hands to services and resolvers: ids as `id`, and never a password or token hash.
 * Sensitive-but-exposable fields stay on the view; the schema guards them field by field.
 */
export interface UserView {
  id: string;
  email?: string;
  phone?: string;
  displayName: string;
  operatorRoles: OperatorRole[];
  disabled: boolean;
  lastLoginAt?: Date;
  createdAt: Date;
}

/**
 * Marks a user view handed to the person who just proved to be that user (login, refresh, sign-up): its
 * private fields are readable even though the request itself was anonymous.
 */
const PROVEN_SELF = Symbol('provenSelf');

export function asProvenSelf(view: UserView): UserView {
  Object.defineProperty(view, PROVEN_SELF, { value: true, enumerable: false });
  return view;
}

export function isProvenSelf(view: UserView): boolean {
  return (view as unknown as Record<symbol, unknown>)[PROVEN_SELF] === true;
}

export interface OrganizationView {
  id: string;
  name: string;
  status: OrganizationStatus;
  frozen: boolean;
  creditCode: string;
  contactName: string;
  contactPhone: string;
  contactEmail?: string;
  licenceDocumentRef: string;
  rejectionReason?: string;
  frozenReason?: string;
  reviewedAt?: Date;
  applicantId: string;
  submittedAt: Date;
  /** The change of name, credit code or licence waiting for review (or last rejected), if any. */
  amendment?: OrganizationAmendmentView;
  createdAt: Date;
  updatedAt: Date;
}

export interface OrganizationAmendmentView {
  id: string;
  status: AmendmentStatus;
  name: string;
  creditCode: string;
  licenceDocumentRef: string;
  submittedBy: string;
  submittedAt: Date;
  rejectionReason?: string;
  reviewedAt?: Date;
}

export interface MemberView {
  orgId: string;
  userId: string;
  role: OrgRole;
  joinedAt: Date;
  /** Set by paginated lists. */
  cursor?: string;
}

export interface InvitationView {
  id: string;
  orgId: string;
  email?: string;
  phone?: string;
  role: OrgRole;
  status: InvitationStatus;
  invitedBy: string;
  expiresAt: Date;
  createdAt: Date;
  revokedBy?: string;
  revokedAt?: Date;
  /** Set by paginated lists. */
  cursor?: string;
}

export interface SessionView {
  id: string;
  userId: string;
  deviceId?: string;
  deviceName?: string;
  userAgent?: string;
  clientIp?: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  revoked: boolean;
}

export function toUserView(doc: UserModel): UserView {
  return {
    id: doc._id,
    email: doc.email,
    phone: doc.phone,
    displayName: doc.displayName,
    operatorRoles: [...(doc.operatorRoles ?? [])],
    disabled: doc.disabled,
    lastLoginAt: doc.lastLoginAt,
    createdAt: doc.createdAt,
  };
}

export function toOrganizationView(doc: OrganizationModel): OrganizationView {
  return {
    id: doc._id,
    name: doc.name,
    status: doc.status,
    frozen: doc.frozen,
    creditCode: doc.creditCode,
    contactName: doc.contactName,
    contactPhone: doc.contactPhone,
    contactEmail: doc.contactEmail,
    licenceDocumentRef: doc.licenceDocumentRef,
    rejectionReason: doc.rejectionReason,
    frozenReason: doc.frozenReason,
    reviewedAt: doc.reviewedAt,
    applicantId: doc.applicantId,
    submittedAt: doc.submittedAt,
    amendment: toAmendmentView(doc),
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

function toAmendmentView(doc: OrganizationModel): OrganizationAmendmentView | undefined {
  if (!doc.amendmentId || !doc.amendmentStatus) return undefined;
  return {
    id: doc.amendmentId,
    status: doc.amendmentStatus,
    name: doc.amendmentName ?? doc.name,
    creditCode: doc.amendmentCreditCode ?? doc.creditCode,
    licenceDocumentRef: doc.amendmentLicenceDocumentRef ?? doc.licenceDocumentRef,
    submittedBy: doc.amendmentSubmittedBy ?? '',
    submittedAt: doc.amendmentSubmittedAt ?? doc.updatedAt,
    rejectionReason: doc.amendmentRejectionReason,
    reviewedAt: doc.amendmentReviewedAt,
  };
}

export function toMemberView(doc: MembershipModel): MemberView {
  return { orgId: doc.orgId, userId: doc.userId, role: doc.role, joinedAt: doc.createdAt };
}

/** `now` is the reader's clock: a pending invitation past its expiry is reported EXPIRED. */
export function toInvitationView(doc: InvitationModel, now: Date): InvitationView {
  const expired = doc.status === 'PENDING' && doc.expiresAt <= now;
  return {
    id: doc._id,
    orgId: doc.orgId,
    email: doc.email,
    phone: doc.phone,
    role: doc.role,
    status: expired ? 'EXPIRED' : doc.status,
    invitedBy: doc.invitedBy,
    expiresAt: doc.expiresAt,
    createdAt: doc.createdAt,
    revokedBy: doc.revokedBy,
    revokedAt: doc.revokedAt,
  };
}

export function toSessionView(doc: SessionModel): SessionView {
  return {
    id: doc._id,
    userId: doc.userId,
    deviceId: doc.deviceId,
    deviceName: doc.deviceName,
    userAgent: doc.userAgent,
    clientIp: doc.clientIp,
    createdAt: doc.createdAt,
    lastUsedAt: doc.lastUsedAt,
    expiresAt: doc.expiresAt,
    revoked: doc.revoked,
  };
}

/** Drops undefined members so sparse unique indexes see an absent field, not `undefined`. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Insert shape of a model whose createdAt/updatedAt the documents driver stamps (`timestamps: true`). */
export function stamped<T extends { _id: string; createdAt: Date; updatedAt: Date }>(
  doc: Omit<NewDocument<T>, 'createdAt' | 'updatedAt'>,
): NewDocument<T> {
  return doc as NewDocument<T>;
}
