import {
  BadUserInputError,
  encodeCursor,
  listOrder,
  ConflictError,
  NotFoundError,
  Permission,
  newId,
  requireOperatorPermission,
  requireOrgPermission,
  requireUser,
  type ObjectStore,
  type Principal,
  type UserPrincipal,
} from '@grove/platform';
import { z } from 'zod';
import { SdkBuildStatus, type SdkBuildReviewModel } from '../store/sdk-build-review.model';
import type { NewSdkBuildReview, SdkBuildReviewStore } from '../store/sdk-build-review.store';
import { toSdkBuildView, type SdkBuildView } from '../store/views';
import { SdkTopic, type SdkEvents } from './sdk-events';
import {
  idField,
  notesField,
  objectKeyField,
  optional,
  pagingSchema,
  parseInput,
  platformField,
  reasonField,
  semverField,
} from './sdk-input';
import { discardArtifact, listZipFiles, storeZipArtifact, type ArtifactFile } from './zip-artifact';
import { SDK_BUILD_ORDERS, SDK_BUILD_REVIEW_ORDERS } from '../store/list-orders';

const buildFields = {
  orgId: idField,
  platform: platformField,
  version: semverField,
  notes: optional(notesField),
};
const submitSchema = z.object({ ...buildFields, artifactKey: objectKeyField });
const uploadSchema = z.object(buildFields);
const filePagingSchema = z.object({
  skip: optional(z.number().int().min(0).max(100_000)).transform((v) => v ?? 0),
  take: optional(z.number().int().min(1).max(1000)).transform((v) => v ?? 200),
});

/** What a list query passes on: paging, a cursor and an order (validated here). */
export interface ListPaging {
  skip?: unknown;
  take?: unknown;
  after?: unknown;
  orderBy?: unknown;
}

export interface UploadSdkBuildInput {
  orgId: unknown;
  platform: unknown;
  version: unknown;
  notes?: unknown;
  zip: Buffer;
}

/** Where an organization's SDK build artifacts live; a submission may only name keys under its own prefix. */
export function sdkBuildPrefix(orgId: string): string {
  return `sdk-builds/${orgId}/`;
}

export function sdkBuildKey(orgId: string, id: string): string {
  return `${sdkBuildPrefix(orgId)}${id}.zip`;
}

/**
 * Review of SDK builds an organization made for its host apps (sdk-manager):
 *   SUBMITTED → APPROVED | REJECTED (operators holding miniprogram:review: the same people who review
 *   mini-program code review SDK code) | WITHDRAWN (the organization, hostapp:manage).
 * Transitions are conditional updates guarded by the status; anything else is CONFLICT. A rejected or
 * withdrawn build is resubmitted as a new submission (the artifact key can be reused).
 */
export class SdkBuildService {
  constructor(
    private readonly builds: SdkBuildReviewStore,
    private readonly events: SdkEvents,
    private readonly objects: ObjectStore,
    private readonly options: { maxBytes: number },
  ) {}

  /** Submits an artifact the organization uploaded earlier (a key under its own `sdk-builds/<orgId>/`). */
  async submit(p: Principal, input: unknown): Promise<SdkBuildView> {
    requireUser(p);
    const data = parseInput(submitSchema, input);
    const user = requireOrgPermission(p, data.orgId, Permission.HOSTAPP_MANAGE);
    const info = data.artifactKey.startsWith(sdkBuildPrefix(data.orgId))
      ? await this.objects.stat(data.artifactKey)
      : null;
    if (!info) {
      throw new BadUserInputError("No artifact with that key exists in this organization's SDK builds", {
        field: 'artifactKey',
        reason: 'ARTIFACT_NOT_FOUND',
      });
    }
    return this.insert(user, {
      _id: newId(),
      ...data,
      artifactSha256: info.sha256,
      artifactSize: info.size,
      submittedBy: user.userId,
    });
  }

  /** The upload route: stores the ZIP under the organization's prefix and submits it. */
  async upload(p: Principal, input: UploadSdkBuildInput): Promise<SdkBuildView> {
    requireUser(p);
    const data = parseInput(uploadSchema, input);
    const user = requireOrgPermission(p, data.orgId, Permission.HOSTAPP_MANAGE);
    const id = newId();
    const stored = await storeZipArtifact(
      this.objects,
      sdkBuildKey(data.orgId, id),
      input.zip,
      this.options.maxBytes,
      { 'sdk-build-version': data.version },
    );
    try {
      return await this.insert(user, {
        _id: id,
        ...data,
        artifactKey: stored.key,
        artifactSha256: stored.sha256,
        artifactSize: stored.size,
        submittedBy: user.userId,
      });
    } catch (error) {
      await discardArtifact(this.objects, stored.key);
      throw error;
    }
  }

  async withdraw(p: Principal, id: string): Promise<SdkBuildView> {
    const { user, build } = await this.load(p, id, Permission.HOSTAPP_MANAGE);
    return this.move(build._id, SdkBuildStatus.WITHDRAWN, user, {}, 'sdk-build.withdrawn');
  }

  async approve(p: Principal, id: string): Promise<SdkBuildView> {
    const user = requireOperatorPermission(p, Permission.MINIPROGRAM_REVIEW);
    const build = await this.find(id);
    return this.move(
      build._id,
      SdkBuildStatus.APPROVED,
      user,
      { reviewedBy: user.userId, reviewedAt: new Date() },
      'sdk-build.approved',
    );
  }

  async reject(p: Principal, id: string, reason: unknown): Promise<SdkBuildView> {
    const user = requireOperatorPermission(p, Permission.MINIPROGRAM_REVIEW);
    const rejectionReason = parseInput(reasonField, reason);
    const build = await this.find(id);
    return this.move(
      build._id,
      SdkBuildStatus.REJECTED,
      user,
      { reviewedBy: user.userId, reviewedAt: new Date(), rejectionReason },
      'sdk-build.rejected',
      { reason: rejectionReason },
    );
  }

  async get(p: Principal, id: string): Promise<SdkBuildView> {
    return toSdkBuildView((await this.load(p, id, Permission.ORG_READ, Permission.ORG_READ_ANY)).build);
  }

  async listByOrg(p: Principal, orgId: string, paging: ListPaging = {}): Promise<SdkBuildView[]> {
    requireUser(p);
    const id = parseInput(idField, orgId);
    requireOrgPermission(p, id, Permission.ORG_READ, Permission.ORG_READ_ANY);
    const page = parseInput(pagingSchema, paging);
    const order = listOrder(SDK_BUILD_ORDERS, page.orderBy);
    return (await this.builds.listByOrg(id, { ...page, order })).map((b) => ({
      ...toSdkBuildView(b),
      cursor: encodeCursor(order, b),
    }));
  }

  /** Review queue, oldest first unless `orderBy` says otherwise. */
  async pending(p: Principal, paging: ListPaging = {}): Promise<{ items: SdkBuildView[]; total: number }> {
    requireOperatorPermission(p, Permission.MINIPROGRAM_REVIEW);
    const page = parseInput(pagingSchema, paging);
    const order = listOrder(SDK_BUILD_REVIEW_ORDERS, page.orderBy);
    const { items, total } = await this.builds.pending({ ...page, order });
    return { items: items.map((b) => ({ ...toSdkBuildView(b), cursor: encodeCursor(order, b) })), total };
  }

  /**
   * The files of a build's ZIP for its reviewers (the submitting organization and operators), in archive order, a
   * page at a time: read from the stored artifact's central directory (nothing is inflated).
   */
  async files(
    p: Principal,
    id: string,
    paging: { skip?: unknown; take?: unknown } = {},
  ): Promise<{ items: ArtifactFile[]; total: number }> {
    const { build } = await this.load(p, id, Permission.ORG_READ, Permission.ORG_READ_ANY);
    const { skip, take } = parseInput(filePagingSchema, paging);
    const { body } = await this.objects.get(build.artifactKey);
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
    const files = await listZipFiles(Buffer.concat(chunks));
    return { items: files.slice(skip, skip + take), total: files.length };
  }

  async downloadUrl(build: SdkBuildView, expiresInSec: number): Promise<string> {
    return this.objects.presignedGetUrl(build.artifactKey, expiresInSec);
  }

  private async insert(user: UserPrincipal, data: NewSdkBuildReview): Promise<SdkBuildView> {
    const build = await this.events.atomically(async () => {
      const inserted = await this.builds.insert(data);
      await this.emit('sdk-build.submitted', inserted, user.userId);
      return inserted;
    });
    return toSdkBuildView(build);
  }

  /** SUBMITTED → `to`, guarded by the status so two reviewers cannot both decide. */
  private async move(
    id: string,
    to: SdkBuildStatus,
    user: UserPrincipal,
    extra: Record<string, unknown>,
    type: string,
    payload: Record<string, string> = {},
  ): Promise<SdkBuildView> {
    const updated = await this.events.atomically(async () => {
      const moved = await this.builds.transition(
        id,
        { status: SdkBuildStatus.SUBMITTED },
        { status: to, ...extra },
      );
      if (moved) await this.emit(type, moved, user.userId, payload);
      return moved;
    });
    if (!updated) {
      const current = await this.builds.findById(id);
      if (!current) throw new NotFoundError('SDK build not found');
      throw new ConflictError(`An SDK build that is ${current.status} cannot become ${to}`, {
        status: current.status,
      });
    }
    return toSdkBuildView(updated);
  }

  private async find(id: unknown): Promise<SdkBuildReviewModel> {
    const build = await this.builds.findById(parseInput(idField, id));
    if (!build) throw new NotFoundError('SDK build not found');
    return build;
  }

  private async load(
    p: Principal,
    id: unknown,
    permission: Permission,
    operatorPermission?: Permission,
  ): Promise<{ user: UserPrincipal; build: SdkBuildReviewModel }> {
    requireUser(p);
    const build = await this.find(id);
    const user = requireOrgPermission(p, build.orgId, permission, operatorPermission);
    return { user, build };
  }

  private async emit(
    type: string,
    build: SdkBuildReviewModel,
    actorId: string,
    extra: Record<string, string> = {},
  ): Promise<void> {
    await this.events.publish(SdkTopic.BUILD_REVIEW, type, build._id, {
      buildId: build._id,
      orgId: build.orgId,
      platform: build.platform,
      version: build.version,
      status: build.status,
      actorId,
      ...extra,
    });
  }
}
