import {
  BadUserInputError,
  ConflictError,
  NotFoundError,
  Permission,
  requireOperatorPermission,
  requireUser,
  type Filter,
  type ObjectStore,
  type Principal,
  type UserPrincipal,
  newId,
  encodeCursor,
  listOrder,
} from '@grove/platform';
import { VERSION_ORDERS, VERSION_REVIEW_ORDERS } from '../store/list-orders';
import { validateMiniProgramPackage } from '../package';
import { bindPackageAppId } from './package-app-id';
import { MiniProgramStatus, type MiniProgramModel } from '../store/mini-program.model';
import type { MiniProgramStore } from '../store/mini-program.store';
import { VersionStatus, type VersionModel } from '../store/version.model';
import type { VersionStore } from '../store/version.store';
import type {
  PackageFileView,
  VersionContentsStore,
  VersionContentsView,
} from '../store/version-contents.store';
import type { PackageUploadStore } from '../store/package-upload.store';
import { toVersionView, type VersionView } from '../store/views';
import type { AppManageAccess } from './app-manage-access';
import { AppManageTopic, type AppManageEvents, type EventPayload } from './app-manage-events';
import { z } from 'zod';
import {
  grayReleaseSchema,
  idField,
  pagingSchema,
  parseInput,
  reasonField,
  uploadVersionSchema,
  versionNameField,
} from './app-manage-input';

export interface UploadVersionInput {
  appId: string;
  versionName?: string | null;
  releaseNotes?: string | null;
  zip: Buffer;
}

/** What a release plan event names; `versionId` is the plan's gray version. */
export interface ReleasePlanRef {
  planId: string;
  appId: string;
  orgId: string;
  versionId: string;
  actorId: string;
  percentage?: number;
  ruleId?: string;
}

/** How app-manage answered a release plan event. */
export type ReleasePlanOutcome = 'applied' | 'unchanged' | 'refused';

/** app-manage's refusal of a release plan; the rule-engine ends the plan FAILED. */
export const VERSION_RELEASE_PLAN_REFUSED = 'version.release-plan-refused';

export interface VersionPage {
  items: VersionView[];
  total: number;
}

export interface PackageFilePage {
  items: PackageFileView[];
  total: number;
}

/** Lifetime of the reviewers' package download link. */
export const PACKAGE_DOWNLOAD_URL_TTL_SEC = 300;
const FILE_PAGE_MAX = 1000;
const filePagingSchema = z.object({
  skip: z.number().int().min(0).max(100_000).default(0),
  take: z.number().int().min(1).max(FILE_PAGE_MAX).default(200),
});

/** Object-store key of a version's package. */
export function packageKey(appId: string, versionId: string): string {
  return `packages/${appId}/${versionId}.zip`;
}

const S = VersionStatus;
const RELEASE_SLOTS = ['publishedSlot', 'graySlot'] as const;

/**
 * Version lifecycle (the arrows are the only writes; each is one conditional update guarded by the expected
 * status, and an illegal one is CONFLICT with nothing written):
 *
 *   DEVELOPMENT → SUBMITTED (submit) → APPROVED | REJECTED (review)      SUBMITTED → DEVELOPMENT (withdraw)
 *   (REJECTED is final and stays listed with its reason; it frees its version name for the fixed build's upload)
 *   APPROVED → GRAY (start gray) → APPROVED (stop gray)
 *   APPROVED | GRAY → PUBLISHED (publish; the published one it replaces goes back to APPROVED)
 *   PUBLISHED → APPROVED and its predecessor APPROVED → PUBLISHED (rollback)
 *   PUBLISHED | GRAY → DELISTED (owner delists, or an operator force-delists)
 *
 * At most one PUBLISHED and one GRAY version per mini-program: the database refuses a second through the
 * unique slot indexes, so two racing publishers cannot both win.
 */
export class VersionService {
  constructor(
    private readonly versions: VersionStore,
    private readonly apps: MiniProgramStore,
    private readonly access: AppManageAccess,
    private readonly events: AppManageEvents,
    private readonly objects: ObjectStore,
    private readonly options: { maxPackageBytes: number },
    private readonly contents: VersionContentsStore,
    /** Packages stored but not yet committed as a version; the orphan sweeper deletes those a crash left behind. */
    private readonly uploads: PackageUploadStore,
  ) {}

  get maxPackageBytes(): number {
    return this.options.maxPackageBytes;
  }

  /**
   * Validates the ZIP, stores it under `packages/<appId>/<versionId>.zip` and records a DEVELOPMENT version.
   * Authorization runs before the package is parsed, so strangers cannot make the server inflate archives.
   */
  async upload(p: Principal, input: UploadVersionInput): Promise<VersionView> {
    const { zip, ...rest } = input;
    const meta = parseInput(uploadVersionSchema, rest);
    const { user, app } = await this.access.app(p, meta.appId, Permission.MINIPROGRAM_WRITE);
    if (!Buffer.isBuffer(zip)) throw new BadUserInputError('The package body must be the ZIP bytes');
    const manifest = await validateMiniProgramPackage(zip, { maxBytes: this.options.maxPackageBytes });
    const versionName = meta.versionName ?? manifest.versionName;
    if (!versionName) {
      throw new BadUserInputError('Give a versionName, or set version.name in the package manifest', {
        fields: ['versionName'],
      });
    }
    parseInput(z.object({ versionName: versionNameField }), { versionName });
    // Versions stored before the name slot existed have none: ask first (the slot index settles new races).
    if (await this.versions.findLiveByName(app._id, versionName)) throw versionNameTaken(versionName);
    // Last check before anything is stored: binds the W3C app_id at the first upload that carries one.
    await bindPackageAppId(this.apps, app, manifest.appId);

    const versionId = newId();
    const key = packageKey(app._id, versionId);
    // Recorded before the object exists: if the process dies before the version commits, the sweeper finds it.
    await this.uploads.begin({ key, appId: app._id, versionId }, new Date());
    const stored = await this.objects.put(key, zip, {
      contentType: 'application/zip',
      metadata: { 'app-id': app._id, 'version-id': versionId },
    });
    if (stored.sha256 !== manifest.sha256 || stored.size !== manifest.size) {
      await this.objects.delete(key);
      await this.uploads.settle(key);
      throw new ConflictError('The stored package does not match the uploaded bytes; upload again');
    }
    let version: VersionModel;
    try {
      // The version, its contents and version.uploaded commit together.
      version = await this.events.atomically(async () => {
        const inserted = await this.versions.insert({
          _id: versionId,
          appId: app._id,
          orgId: app.orgId,
          versionName,
          versionCode: manifest.versionCode,
          releaseNotes: meta.releaseNotes,
          packageKey: key,
          packageSha256: manifest.sha256,
          packageSize: manifest.size,
          packageFormat: manifest.format,
          packageFiles: manifest.files,
          packageUncompressedBytes: manifest.uncompressedBytes,
          pages: manifest.pages,
          minPlatformCode: manifest.minPlatformCode,
          uploadedBy: user.userId,
        });
        await this.contents.record(inserted._id, inserted.appId, manifest);
        if (await this.deletedMeanwhile(app._id)) {
          // The mini-program's deletion ran while this package was validated: take the version back out.
          await this.versions.deleteById(inserted._id);
          await this.contents.delete(inserted._id);
          throw new NotFoundError('Mini-program not found');
        }
        await this.emit('version.uploaded', inserted, user.userId, { sha256: inserted.packageSha256 });
        // Settled in the version's own unit of work: committed version and upload record never disagree.
        await this.uploads.settle(key);
        return inserted;
      });
    } catch (error) {
      await this.objects.delete(key);
      await this.uploads.settle(key);
      if (error instanceof ConflictError) throw versionNameTaken(versionName);
      throw error;
    }
    return toVersionView(version);
  }

  async submit(p: Principal, versionId: string): Promise<VersionView> {
    const { user, version, app } = await this.load(p, versionId, Permission.MINIPROGRAM_WRITE);
    this.requireActive(app, 'submitted for review');
    const updated = await this.events.atomically(async () => {
      const submitted = await this.guarded(
        version,
        { status: S.DEVELOPMENT },
        { status: S.SUBMITTED, submittedBy: user.userId, submittedAt: new Date() },
        ['rejectionReason', 'reviewedBy', 'reviewedAt'],
        'submitted for review',
      );
      await this.emit('version.submitted', submitted, user.userId);
      return submitted;
    });
    return toVersionView(updated);
  }

  /** Only the member who submitted it takes a version back out of review. */
  async withdraw(p: Principal, versionId: string): Promise<VersionView> {
    const { user, version } = await this.load(p, versionId, Permission.MINIPROGRAM_WRITE);
    const updated = await this.events.atomically(async () => {
      const withdrawn = await this.guarded(
        version,
        { status: S.SUBMITTED, submittedBy: user.userId },
        { status: S.DEVELOPMENT },
        ['submittedBy', 'submittedAt'],
        'withdrawn by you',
      );
      await this.emit('version.withdrawn', withdrawn, user.userId);
      return withdrawn;
    });
    return toVersionView(updated);
  }

  async approve(p: Principal, versionId: string): Promise<VersionView> {
    const reviewer = requireOperatorPermission(p, Permission.MINIPROGRAM_REVIEW);
    const version = await this.find(versionId);
    // Marked first: from now on the mini-program may be released and cannot be deleted (refused while it is deleted).
    if (version.status === S.SUBMITTED && !(await this.apps.markApproved(version.appId, new Date())))
      throw new NotFoundError('Mini-program not found');
    const updated = await this.events.atomically(async () => {
      const approved = await this.guarded(
        version,
        { status: S.SUBMITTED },
        { status: S.APPROVED, reviewedBy: reviewer.userId, reviewedAt: new Date() },
        [],
        'approved',
      );
      await this.emit('version.approved', approved, reviewer.userId);
      return approved;
    });
    return toVersionView(updated);
  }

  async reject(p: Principal, versionId: string, reason: string): Promise<VersionView> {
    const reviewer = requireOperatorPermission(p, Permission.MINIPROGRAM_REVIEW);
    const rejectionReason = parseInput(reasonField, reason);
    const version = await this.find(versionId);
    const updated = await this.events.atomically(async () => {
      const rejected = await this.guarded(
        version,
        { status: S.SUBMITTED },
        { status: S.REJECTED, rejectionReason, reviewedBy: reviewer.userId, reviewedAt: new Date() },
        // The name goes back to the mini-program: the fixed build is uploaded under it as a new version.
        ['nameSlot'],
        'rejected',
      );
      await this.emit('version.rejected', rejected, reviewer.userId, { reason: rejectionReason });
      return rejected;
    });
    return toVersionView(updated);
  }

  async startGrayRelease(p: Principal, versionId: string, input: unknown = {}): Promise<VersionView> {
    const { user, version, app } = await this.load(p, versionId, Permission.MINIPROGRAM_RELEASE);
    this.requireActive(app, 'gray-released');
    const gray = parseInput(grayReleaseSchema, input ?? {});
    const updated = await this.events.atomically(async () => {
      const started = await this.guarded(
        version,
        { status: S.APPROVED },
        {
          status: S.GRAY,
          graySlot: version.appId,
          grayPercentage: gray.grayPercentage,
          grayRuleId: gray.grayRuleId,
          grayStartedAt: new Date(),
        },
        [],
        'gray-released (another gray release may be running)',
      );
      await this.emit('version.gray-started', started, user.userId, {
        grayPercentage: gray.grayPercentage,
        grayRuleId: gray.grayRuleId,
      });
      return started;
    });
    return toVersionView(updated);
  }

  /** Ends a gray release without publishing: gray users go back to the published version. */
  async stopGrayRelease(p: Principal, versionId: string): Promise<VersionView> {
    const { user, version } = await this.load(p, versionId, Permission.MINIPROGRAM_RELEASE);
    if (version.releasePlanId && version.status === S.GRAY) {
      throw new ConflictError('A release plan gray-releases this version: revert the plan instead', {
        reason: 'RELEASE_PLAN_RUNNING',
        releasePlanId: version.releasePlanId,
      });
    }
    const updated = await this.events.atomically(async () => {
      const stopped = await this.guarded(
        version,
        { status: S.GRAY, releasePlanId: { $exists: false } },
        { status: S.APPROVED },
        ['graySlot', 'grayPercentage', 'grayRuleId', 'grayStartedAt'],
        'taken out of gray release',
      );
      await this.emit('version.gray-stopped', stopped, user.userId);
      return stopped;
    });
    return toVersionView(updated);
  }

  /**
   * Release plans (rule-engine) drive the gray state of their version; the rule-engine authorized the member, and
   * these checks make sure a plan can only touch a version of its own mini-program and organization, in a state
   * that allows it. What cannot be applied is answered with version.release-plan-refused (the plan ends FAILED),
   * never applied to another app's version and never left silent.
   */
  startGrayForPlan(ref: ReleasePlanRef): Promise<ReleasePlanOutcome> {
    // Whatever it answers (applied, said again, refused) commits with its event.
    return this.events.atomically(() => this.startGrayForPlanNow(ref));
  }

  private async startGrayForPlanNow(ref: ReleasePlanRef): Promise<ReleasePlanOutcome> {
    const target = await this.planVersion(ref);
    if (typeof target === 'string') return this.refusePlan(ref, target);
    const { version } = target;
    const gray = {
      graySlot: version.appId,
      grayPercentage: ref.percentage,
      grayRuleId: ref.ruleId,
      releasePlanId: ref.planId,
    };
    if (version.status === S.GRAY && version.releasePlanId === ref.planId) {
      // A redelivery after a crash between the write and its event: say it again (consumers apply it once).
      await this.emit('version.gray-started', version, ref.actorId, {
        releasePlanId: ref.planId,
        grayPercentage: version.grayPercentage,
      });
      return 'unchanged';
    }
    // An APPROVED version, or one gray-released by hand before plans existed, becomes the plan's.
    const adoptable = { status: { $in: [S.APPROVED, S.GRAY] }, releasePlanId: { $exists: false } };
    let updated: VersionModel | null = null;
    try {
      updated = await this.versions.transition(version._id, adoptable, {
        ...gray,
        status: S.GRAY,
        grayStartedAt: version.grayStartedAt ?? new Date(),
      });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return this.refusePlan(ref, 'another version of this mini-program is in gray release', version);
    }
    if (!updated) {
      const latest = await this.versions.findById(version._id);
      return this.refusePlan(
        ref,
        `the version is ${latest?.status ?? 'gone'}${latest?.releasePlanId ? ' under another release plan' : ''}`,
        latest,
      );
    }
    await this.emit('version.gray-started', updated, ref.actorId, {
      releasePlanId: ref.planId,
      grayPercentage: ref.percentage,
    });
    return 'applied';
  }

  /** The plan's percentage went up: mirror it on its GRAY version. */
  raiseGrayForPlan(ref: ReleasePlanRef): Promise<ReleasePlanOutcome> {
    return this.events.atomically(async () => {
      const updated = await this.versions.transition(
        ref.versionId,
        { appId: ref.appId, orgId: ref.orgId, status: S.GRAY, releasePlanId: ref.planId },
        { grayPercentage: ref.percentage },
      );
      if (!updated) return 'unchanged';
      await this.emit('version.gray-raised', updated, ref.actorId, {
        releasePlanId: ref.planId,
        grayPercentage: ref.percentage,
      });
      return 'applied';
    });
  }

  /** The plan was reverted or failed: its GRAY version goes back to APPROVED. */
  endGrayForPlan(ref: ReleasePlanRef): Promise<ReleasePlanOutcome> {
    return this.events.atomically(async () => {
      const updated = await this.versions.transition(
        ref.versionId,
        { appId: ref.appId, orgId: ref.orgId, status: S.GRAY, releasePlanId: ref.planId },
        { status: S.APPROVED },
        ['graySlot', 'grayPercentage', 'grayRuleId', 'grayStartedAt', 'releasePlanId'],
      );
      if (!updated) return 'unchanged';
      await this.emit('version.gray-stopped', updated, ref.actorId, { releasePlanId: ref.planId });
      return 'applied';
    });
  }

  /**
   * A plan is completing: its gray version becomes the published one, on behalf of whoever completed the plan.
   * version.published names the plan so the rule-engine marks it COMPLETED; a redelivery finds the version already
   * published by this plan and answers again (the rule-engine's confirmation is idempotent).
   */
  promoteCompletedGray(ref: ReleasePlanRef): Promise<ReleasePlanOutcome> {
    return this.events.atomically(() => this.promoteCompletedGrayNow(ref));
  }

  private async promoteCompletedGrayNow(ref: ReleasePlanRef): Promise<ReleasePlanOutcome> {
    const target = await this.planVersion(ref);
    if (typeof target === 'string') return this.refusePlan(ref, target);
    const { version, app } = target;
    if (version.status === S.PUBLISHED && version.releasePlanId === ref.planId) {
      await this.emit('version.published', version, ref.actorId, {
        releasePlanId: ref.planId,
        via: 'release-plan',
        replay: true,
      });
      return 'unchanged';
    }
    if (app.status === MiniProgramStatus.FROZEN)
      return this.refusePlan(ref, 'the mini-program is frozen', version);
    if (version.status !== S.APPROVED && version.status !== S.GRAY)
      return this.refusePlan(ref, `the version is ${version.status}`, version);
    if (version.releasePlanId && version.releasePlanId !== ref.planId)
      return this.refusePlan(ref, 'the version belongs to another release plan', version);
    const actor: UserPrincipal = {
      kind: 'user',
      userId: ref.actorId,
      sessionId: 'release-plan',
      operatorRoles: [],
      memberships: [],
    };
    const current = await this.versions.findByStatus(version.appId, S.PUBLISHED);
    let published: VersionModel;
    try {
      published = await this.switchPublished(actor, current, version, [S.APPROVED, S.GRAY], 'published', {
        previousPublishedVersionId: current?._id,
        releasePlanId: ref.planId,
      });
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
      return this.refusePlan(ref, error.message, await this.versions.findById(version._id));
    }
    await this.emit('version.published', published, ref.actorId, {
      previousVersionId: current?._id,
      via: 'release-plan',
      releasePlanId: ref.planId,
    });
    return 'applied';
  }

  /** The plan's version, if it is one of the plan's mini-program and organization; else why not. */
  private async planVersion(
    ref: ReleasePlanRef,
  ): Promise<{ version: VersionModel; app: MiniProgramModel } | string> {
    const version = await this.versions.findById(ref.versionId);
    // Another organization's (or app's) version is "not found" for this plan: its state is not revealed or touched.
    if (!version || version.appId !== ref.appId || version.orgId !== ref.orgId)
      return 'the version does not exist for this mini-program';
    const app = await this.apps.findById(version.appId);
    if (!app || app.orgId !== ref.orgId) return 'the mini-program does not exist';
    return { version, app };
  }

  /**
   * Answers the rule-engine that the plan cannot apply. The event carries no `status` of its own (so projections of
   * version state ignore it); `versionStatus` is given only for the plan's own version.
   */
  private async refusePlan(
    ref: ReleasePlanRef,
    reason: string,
    version?: VersionModel | null,
  ): Promise<ReleasePlanOutcome> {
    const own = version && version.appId === ref.appId && version.orgId === ref.orgId;
    await this.events.publish(AppManageTopic.MINI_PROGRAM, VERSION_RELEASE_PLAN_REFUSED, ref.appId, {
      appId: ref.appId,
      orgId: ref.orgId,
      versionId: ref.versionId,
      releasePlanId: ref.planId,
      reason,
      versionStatus: own ? version.status : undefined,
      actorId: ref.actorId,
    });
    return 'refused';
  }

  /** APPROVED or GRAY → PUBLISHED; the version published before goes back to APPROVED and becomes the rollback target. */
  async publish(p: Principal, versionId: string): Promise<VersionView> {
    const { user, version, app } = await this.load(p, versionId, Permission.MINIPROGRAM_RELEASE);
    this.requireActive(app, 'published');
    if (version.status !== S.APPROVED && version.status !== S.GRAY) throw this.conflict(version, 'published');
    const current = await this.versions.findByStatus(version.appId, S.PUBLISHED);
    const published = await this.events.atomically(async () => {
      const switched = await this.switchPublished(user, current, version, [S.APPROVED, S.GRAY], 'published', {
        previousPublishedVersionId: current?._id,
      });
      await this.emit('version.published', switched, user.userId, { previousVersionId: current?._id });
      return switched;
    });
    return toVersionView(published);
  }

  /** The current PUBLISHED version goes back to APPROVED and the one it replaced is PUBLISHED again. */
  async rollback(p: Principal, appId: string): Promise<VersionView> {
    const { user, app } = await this.access.app(p, appId, Permission.MINIPROGRAM_RELEASE);
    this.requireActive(app, 'rolled back');
    const current = await this.versions.findByStatus(app._id, S.PUBLISHED);
    if (!current)
      throw new ConflictError('This mini-program has no published version to roll back', {
        reason: 'NOTHING_PUBLISHED',
      });
    const previous = current.previousPublishedVersionId
      ? await this.versions.findById(current.previousPublishedVersionId)
      : null;
    if (!previous)
      throw new ConflictError('The published version has no earlier published version to return to', {
        reason: 'NO_PREVIOUS_VERSION',
      });
    if (previous.status !== S.APPROVED) {
      throw new ConflictError(`The previous version is ${previous.status} and cannot be published again`, {
        status: previous.status,
        versionId: previous._id,
      });
    }
    // The restored version keeps its own predecessor, so repeated rollbacks walk further back.
    const restored = await this.events.atomically(async () => {
      const switched = await this.switchPublished(
        user,
        current,
        previous,
        [S.APPROVED],
        'restored by rollback',
        {},
      );
      await this.emit('version.rolled-back', switched, user.userId, { fromVersionId: current._id });
      return switched;
    });
    return toVersionView(restored);
  }

  /** The owning organization delists its PUBLISHED or GRAY version. */
  async delist(p: Principal, versionId: string, reason?: string | null): Promise<VersionView> {
    const { user, version } = await this.load(p, versionId, Permission.MINIPROGRAM_RELEASE);
    const delistReason = reason == null ? undefined : parseInput(reasonField, reason);
    return this.toDelisted(user, version, delistReason, false);
  }

  /** Operators (miniprogram:govern) take a PUBLISHED or GRAY version down; a reason is required. */
  async forceDelist(p: Principal, versionId: string, reason: string): Promise<VersionView> {
    const operator = requireOperatorPermission(p, Permission.MINIPROGRAM_GOVERN);
    const delistReason = parseInput(reasonField, reason);
    return this.toDelisted(operator, await this.find(versionId), delistReason, true);
  }

  async get(p: Principal, versionId: string): Promise<VersionView> {
    const { version } = await this.load(
      p,
      versionId,
      Permission.MINIPROGRAM_READ,
      Permission.MINIPROGRAM_REVIEW,
    );
    return toVersionView(version);
  }

  async list(p: Principal, appId: string, paging: unknown = {}): Promise<VersionView[]> {
    const { app } = await this.access.app(
      p,
      appId,
      Permission.MINIPROGRAM_READ,
      Permission.MINIPROGRAM_REVIEW,
    );
    const page = parseInput(pagingSchema, paging ?? {});
    const order = listOrder(VERSION_ORDERS, page.orderBy);
    return (await this.versions.listByApp(app._id, { ...page, order })).map((v) => ({
      ...toVersionView(v),
      cursor: encodeCursor(order, v),
    }));
  }

  /** The review queue, oldest submission first (operators with miniprogram:review). */
  async pendingReviews(p: Principal, paging: unknown = {}): Promise<VersionPage> {
    requireOperatorPermission(p, Permission.MINIPROGRAM_REVIEW);
    const page = parseInput(pagingSchema, paging ?? {});
    const order = listOrder(VERSION_REVIEW_ORDERS, page.orderBy);
    const { items, total } = await this.versions.pendingReviews({ ...page, order });
    return { items: items.map((v) => ({ ...toVersionView(v), cursor: encodeCursor(order, v) })), total };
  }

  /**
   * What a reviewer opens: a short-lived download link of the ZIP (a signed `/objects/...` link on the filesystem
   * store, a presigned URL on S3). Owners' members with miniprogram:read and operators with miniprogram:review.
   */
  async packageDownloadUrl(p: Principal, versionId: string): Promise<string> {
    const { version } = await this.load(
      p,
      versionId,
      Permission.MINIPROGRAM_READ,
      Permission.MINIPROGRAM_REVIEW,
    );
    return this.objects.presignedGetUrl(version.packageKey, PACKAGE_DOWNLOAD_URL_TTL_SEC);
  }

  /** The package's files (path, inflated size) in archive order, a page at a time. */
  async packageFiles(p: Principal, versionId: string, paging: unknown = {}): Promise<PackageFilePage> {
    const { skip, take } = parseInput(filePagingSchema, paging ?? {});
    const { files } = await this.packageContents(p, versionId);
    return { items: files.slice(skip, skip + take), total: files.length };
  }

  /** The parsed manifest (`manifest.json` / `app.json`), or null when it is too large to keep. */
  async manifest(p: Principal, versionId: string): Promise<Record<string, unknown> | null> {
    return (await this.packageContents(p, versionId)).manifest;
  }

  private async packageContents(p: Principal, versionId: string): Promise<VersionContentsView> {
    const { version } = await this.load(
      p,
      versionId,
      Permission.MINIPROGRAM_READ,
      Permission.MINIPROGRAM_REVIEW,
    );
    const recorded = await this.contents.find(version._id);
    if (recorded) return recorded;
    // Uploaded before contents were recorded: read the stored package once and record them.
    const { body } = await this.objects.get(version.packageKey);
    const chunks: Buffer[] = [];
    for await (const chunk of body as AsyncIterable<Buffer>) chunks.push(chunk);
    const manifest = await validateMiniProgramPackage(Buffer.concat(chunks), {
      maxBytes: Math.max(this.options.maxPackageBytes, version.packageSize),
    });
    return this.contents.record(version._id, version.appId, manifest);
  }

  async reference(p: Principal, versionId: string): Promise<VersionView | null> {
    return this.get(p, versionId).catch(() => null);
  }

  /** The PUBLISHED version for readers of the mini-program, or null. */
  async published(p: Principal, appId: string): Promise<VersionView | null> {
    const { app } = await this.access.app(
      p,
      appId,
      Permission.MINIPROGRAM_READ,
      Permission.MINIPROGRAM_REVIEW,
    );
    return this.publishedVersion(app._id);
  }

  /** Without authorization, for in-process callers such as the SDK runtime read model. */
  async publishedVersion(appId: string): Promise<VersionView | null> {
    const version = await this.versions.findByStatus(appId, S.PUBLISHED);
    return version ? toVersionView(version) : null;
  }

  /** Without authorization, for in-process callers such as the SDK runtime read model. */
  async versionById(versionId: string): Promise<VersionView | null> {
    const version = await this.versions.findById(versionId);
    return version ? toVersionView(version) : null;
  }

  /** Without authorization: whether any version of the app was delisted (tells "delisted" from "never released"). */
  async hasDelistedVersion(appId: string): Promise<boolean> {
    return (await this.versions.findByStatus(appId, S.DELISTED)) !== null;
  }

  // ---- internals

  /**
   * Moves the PUBLISHED slot from `current` (if any) to `next`. `current` leaves first, guarded by its status,
   * so of two racing publishers only one gets past this step; `next` then takes the slot guarded by its own
   * status, and the unique index refuses it should anyone else have published in between. On failure `current`
   * is put back, and the caller gets CONFLICT.
   */
  private async switchPublished(
    user: UserPrincipal,
    current: VersionModel | null,
    next: VersionModel,
    from: VersionStatus[],
    verb: string,
    extra: Record<string, unknown>,
  ): Promise<VersionModel> {
    if (current) {
      // The demoted version forgets the plan that published it, so a late redelivery of that plan cannot republish it.
      const demoted = await this.versions.transition(
        current._id,
        { status: S.PUBLISHED },
        { status: S.APPROVED },
        ['publishedSlot', 'releasePlanId'],
      );
      if (!demoted)
        throw new ConflictError('The published version changed meanwhile; reload and try again', {
          reason: 'CONCURRENT_RELEASE',
        });
    }
    let promoted: VersionModel | null = null;
    let failure: unknown;
    try {
      promoted = await this.versions.transition(
        next._id,
        { status: { $in: from } },
        {
          status: S.PUBLISHED,
          publishedSlot: next.appId,
          publishedAt: new Date(),
          publishedBy: user.userId,
          ...extra,
        },
        ['graySlot', 'grayPercentage', 'grayRuleId', 'grayStartedAt'],
      );
    } catch (error) {
      failure = error;
    }
    if (promoted) {
      if (current)
        await this.emit('version.superseded', { ...current, status: S.APPROVED }, user.userId, {
          byVersionId: next._id,
        });
      return promoted;
    }
    if (current) {
      // Best effort: a publisher who won meanwhile keeps the slot (the unique index refuses the restore).
      await this.versions
        .transition(
          current._id,
          { status: S.APPROVED },
          { status: S.PUBLISHED, publishedSlot: current.appId },
        )
        .catch(() => null);
    }
    if (failure && !(failure instanceof ConflictError)) throw failure;
    const latest = await this.versions.findById(next._id);
    if (!latest) throw new NotFoundError('Version not found');
    if (failure)
      throw new ConflictError('Another version was published meanwhile', {
        reason: 'CONCURRENT_RELEASE',
        status: latest.status,
      });
    throw this.conflict(latest, verb);
  }

  private async toDelisted(
    user: UserPrincipal,
    version: VersionModel,
    reason: string | undefined,
    forced: boolean,
  ): Promise<VersionView> {
    return this.events.atomically(() => this.toDelistedNow(user, version, reason, forced));
  }

  private async toDelistedNow(
    user: UserPrincipal,
    version: VersionModel,
    reason: string | undefined,
    forced: boolean,
  ): Promise<VersionView> {
    const updated = await this.guarded(
      version,
      { status: { $in: [S.PUBLISHED, S.GRAY] } },
      {
        status: S.DELISTED,
        delistedAt: new Date(),
        delistedBy: user.userId,
        delistReason: reason,
        forcedDelist: forced,
      },
      [...RELEASE_SLOTS],
      forced ? 'force-delisted' : 'delisted',
    );
    await this.emit(forced ? 'version.force-delisted' : 'version.delisted', updated, user.userId, { reason });
    if (version.status === S.GRAY && version.releasePlanId) {
      // The plan gray-releasing it cannot go on: tell the rule-engine, which ends it FAILED.
      const ref = {
        planId: version.releasePlanId,
        appId: version.appId,
        orgId: version.orgId,
        versionId: version._id,
        actorId: user.userId,
      };
      await this.refusePlan(
        ref,
        forced ? 'the version was delisted by an operator' : 'the version was delisted',
        updated,
      );
    }
    return toVersionView(updated);
  }

  private async load(
    p: Principal,
    versionId: string,
    permission: Permission,
    operatorPermission?: Permission,
  ) {
    requireUser(p);
    const version = await this.find(versionId);
    const { user, app } = await this.access.app(p, version.appId, permission, operatorPermission);
    return { user, version, app };
  }

  private async find(versionId: string): Promise<VersionModel> {
    const id = parseInput(idField, versionId);
    const version = await this.versions.findById(id);
    if (!version) throw new NotFoundError('Version not found');
    return version;
  }

  private async deletedMeanwhile(appId: string): Promise<boolean> {
    const app = await this.apps.findById(appId);
    return !app || !!app.deletingAt;
  }

  private requireActive(app: MiniProgramModel, verb: string): void {
    if (app.status === MiniProgramStatus.FROZEN) {
      throw new ConflictError(`A frozen mini-program cannot be ${verb}`, {
        reason: 'MINI_PROGRAM_FROZEN',
        status: app.status,
      });
    }
  }

  private async guarded(
    version: VersionModel,
    guard: Filter,
    set: Record<string, unknown>,
    unset: string[],
    verb: string,
  ): Promise<VersionModel> {
    const updated = await this.versions.transition(version._id, guard, set, unset);
    if (updated) return updated;
    const current = await this.versions.findById(version._id);
    if (!current) throw new NotFoundError('Version not found');
    throw this.conflict(current, verb);
  }

  private conflict(version: VersionModel, verb: string): ConflictError {
    return new ConflictError(`A version that is ${version.status} cannot be ${verb}`, {
      status: version.status,
      versionId: version._id,
    });
  }

  private async emit(
    type: string,
    version: Pick<VersionModel, '_id' | 'appId' | 'orgId' | 'status' | 'versionName'>,
    actorId: string,
    extra: EventPayload = {},
  ): Promise<void> {
    await this.events.publish(AppManageTopic.MINI_PROGRAM, type, version.appId, {
      appId: version.appId,
      orgId: version.orgId,
      versionId: version._id,
      versionName: version.versionName,
      status: version.status,
      actorId,
      ...extra,
    });
  }
}

function versionNameTaken(versionName: string): ConflictError {
  return new ConflictError(`Version '${versionName}' already exists for this mini-program`, {
    field: 'versionName',
    reason: 'VERSION_NAME_TAKEN',
  });
}
