import { z } from 'zod';
import { ConflictError, NotFoundError, Permission, type Principal } from '@grove/platform';
import { VersionStatus, type VersionModel } from '../store/version.model';
import type { VersionStore } from '../store/version.store';
import { MAX_TRIAL_MEMBERS, type TrialMemberView, type TrialStore } from '../store/trial.store';
import { toVersionView, type VersionView } from '../store/views';
import type { AppManageAccess } from './app-manage-access';
import { AppManageTopic, type AppManageEvents } from './app-manage-events';
import { appIdField, idField, parseInput } from './app-manage-input';
import { signTrialToken, trialDeepLink } from '@grove/contracts';

/** Versions testers may be given: any uploaded build that was not refused or taken down. */
export const TRIAL_VERSION_STATUSES: readonly VersionStatus[] = [
  VersionStatus.DEVELOPMENT,
  VersionStatus.SUBMITTED,
  VersionStatus.APPROVED,
  VersionStatus.GRAY,
  VersionStatus.PUBLISHED,
];

export const TrialQrFormat = { PNG: 'PNG', SVG: 'SVG' } as const;
export type TrialQrFormat = (typeof TrialQrFormat)[keyof typeof TrialQrFormat];

export const DEFAULT_TRIAL_TOKEN_TTL_HOURS = 24;
export const MAX_TRIAL_TOKEN_TTL_HOURS = 30 * 24;

export interface TrialQrCode {
  appId: string;
  versionId: string;
  /** `grove://applet/<appId>?trial=<token>`: what the code encodes. */
  deepLink: string;
  token: string;
  expiresAt: Date;
  format: TrialQrFormat;
  contentType: string;
  /** Base64 PNG bytes, or the SVG document. */
  data: string;
  /** `data:` URL for an `<img src>`. */
  dataUrl: string;
}

// Same cap and rules as the runtime's device fields: what is stored here is compared with what the SDK sends.
const userIdField = z
  .string()
  .trim()
  .min(1, 'is required')
  .max(128, 'must be at most 128 characters')
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters');
const memberSchema = z.object({
  userId: userIdField,
  label: z.preprocess(
    (v) => (v === null ? undefined : v),
    z.string().trim().max(64, 'must be at most 64 characters').optional(),
  ),
});
const qrSchema = z.object({
  format: z.enum([TrialQrFormat.PNG, TrialQrFormat.SVG]).default(TrialQrFormat.PNG),
  ttlHours: z.preprocess(
    (v) => (v === null ? undefined : v),
    z.number().int().min(1).max(MAX_TRIAL_TOKEN_TTL_HOURS).default(DEFAULT_TRIAL_TOKEN_TTL_HOURS),
  ),
});

/**
 * Trial (体验版): per mini-program, a list of testers (host-app user ids) and one trial version. A QR code carries a
 * signed, expiring grant for that version; the SDK runtime serves it to a linked host app's user who is a tester.
 * Changes are published on the mini-program topic so the runtime's cache of the app is dropped.
 */
export class TrialService {
  constructor(
    private readonly trials: TrialStore,
    private readonly versions: VersionStore,
    private readonly access: AppManageAccess,
    private readonly events: AppManageEvents,
    private readonly options: { tokenSecret: string },
  ) {}

  async members(p: Principal, appId: string): Promise<TrialMemberView[]> {
    const { app } = await this.access.app(
      p,
      appId,
      Permission.MINIPROGRAM_READ,
      Permission.MINIPROGRAM_REVIEW,
    );
    return this.trials.listMembers(app._id);
  }

  async addMember(p: Principal, appId: string, input: unknown): Promise<TrialMemberView> {
    const { user, app } = await this.access.app(p, appId, Permission.MINIPROGRAM_WRITE);
    const { userId, label } = parseInput(memberSchema, input ?? {});
    // Counted before the insert: two racing adds may pass MAX_TRIAL_MEMBERS by one, which the runtime's read caps.
    if ((await this.trials.countMembers(app._id)) >= MAX_TRIAL_MEMBERS) {
      throw new ConflictError(`A mini-program has at most ${MAX_TRIAL_MEMBERS} trial members`, {
        reason: 'TRIAL_MEMBERS_FULL',
        max: MAX_TRIAL_MEMBERS,
      });
    }
    try {
      return await this.events.atomically(async () => {
        const member = await this.trials.addMember({
          appId: app._id,
          orgId: app.orgId,
          userId,
          label: label || undefined,
          addedBy: user.userId,
        });
        await this.emit('trial.member-added', app._id, app.orgId, user.userId, { memberId: member.id });
        return member;
      });
    } catch (error) {
      if (error instanceof ConflictError)
        throw new ConflictError('That user is already a trial member', {
          reason: 'TRIAL_MEMBER_EXISTS',
          field: 'userId',
        });
      throw error;
    }
  }

  async removeMember(p: Principal, appId: string, userId: string): Promise<boolean> {
    const { user, app } = await this.access.app(p, appId, Permission.MINIPROGRAM_WRITE);
    const memberId = parseInput(userIdField, userId);
    return this.events.atomically(async () => {
      const removed = await this.trials.removeMember(app._id, memberId);
      if (removed) await this.emit('trial.member-removed', app._id, app.orgId, user.userId);
      return removed;
    });
  }

  /** The trial version of the mini-program, or null (none set, or it was rejected or delisted since). */
  async trialVersion(p: Principal, appId: string): Promise<VersionView | null> {
    const { app } = await this.access.app(
      p,
      appId,
      Permission.MINIPROGRAM_READ,
      Permission.MINIPROGRAM_REVIEW,
    );
    return this.trialVersionFor(app._id);
  }

  async setTrialVersion(p: Principal, versionId: string): Promise<VersionView> {
    const version = await this.versions.findById(parseInput(idField, versionId));
    if (!version) throw new NotFoundError('Version not found');
    const { user, app } = await this.access.app(p, version.appId, Permission.MINIPROGRAM_WRITE);
    if (!isTrialable(version)) {
      throw new ConflictError(`A version that is ${version.status} cannot be the trial version`, {
        reason: 'VERSION_NOT_TRIALABLE',
        status: version.status,
      });
    }
    await this.events.atomically(async () => {
      await this.trials.setTrialVersion(app._id, app.orgId, version._id, user.userId);
      await this.emit('trial.version-set', app._id, app.orgId, user.userId, { versionId: version._id });
    });
    return toVersionView(version);
  }

  async clearTrialVersion(p: Principal, appId: string): Promise<boolean> {
    const { user, app } = await this.access.app(p, appId, Permission.MINIPROGRAM_WRITE);
    return this.events.atomically(async () => {
      const cleared = await this.trials.clearTrialVersion(app._id);
      if (cleared) await this.emit('trial.version-cleared', app._id, app.orgId, user.userId);
      return cleared;
    });
  }

  /** A QR code (PNG or SVG) of the deep link that opens the current trial version; members with miniprogram:read. */
  async qrCode(p: Principal, appId: string, input: unknown = {}): Promise<TrialQrCode> {
    const id = parseInput(appIdField, appId);
    const { app } = await this.access.app(p, id, Permission.MINIPROGRAM_READ);
    const { format, ttlHours } = parseInput(qrSchema, input ?? {});
    const version = await this.trialVersionFor(app._id);
    if (!version) throw new ConflictError('Set a trial version first', { reason: 'NO_TRIAL_VERSION' });
    const expiresAt = new Date(Math.floor(Date.now() / 1000) * 1000 + ttlHours * 3600_000);
    const token = signTrialToken({
      appId: app._id,
      versionId: version.id,
      expiresAt,
      secret: this.options.tokenSecret,
    });
    const deepLink = trialDeepLink(app._id, token);
    const common = { appId: app._id, versionId: version.id, deepLink, token, expiresAt, format };
    // qrcode (and pngjs) load with the first QR code a process draws, not with the service.
    const { toBuffer, toString: toSvg } = await import('qrcode');
    if (format === TrialQrFormat.SVG) {
      const svg = await toSvg(deepLink, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
      return {
        ...common,
        contentType: 'image/svg+xml',
        data: svg,
        dataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`,
      };
    }
    const png = (
      await toBuffer(deepLink, { type: 'png', errorCorrectionLevel: 'M', margin: 2, width: 320 })
    ).toString('base64');
    return { ...common, contentType: 'image/png', data: png, dataUrl: `data:image/png;base64,${png}` };
  }

  /** Without authorization, for in-process callers such as the SDK runtime read model. */
  async trialVersionFor(appId: string): Promise<VersionView | null> {
    const versionId = await this.trials.trialVersionId(appId);
    const version = versionId ? await this.versions.findById(versionId) : null;
    return version && version.appId === appId && isTrialable(version) ? toVersionView(version) : null;
  }

  /** Without authorization: the testers' host-app user ids (SDK runtime). */
  async trialMemberIds(appId: string): Promise<string[]> {
    return (await this.trials.listMembers(appId)).map((m) => m.userId);
  }

  private async emit(
    type: string,
    appId: string,
    orgId: string,
    actorId: string,
    extra: { versionId?: string; memberId?: string } = {},
  ): Promise<void> {
    await this.events.publish(AppManageTopic.MINI_PROGRAM, type, appId, { appId, orgId, actorId, ...extra });
  }
}

export function isTrialable(version: Pick<VersionModel, 'status'>): boolean {
  return TRIAL_VERSION_STATUSES.includes(version.status);
}
