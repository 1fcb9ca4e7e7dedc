import { BadUserInputError, ConflictError } from '@grove/platform';
import type { MiniProgramModel } from '../store/mini-program.model';
import { packageAppIdSlot, type MiniProgramStore } from '../store/mini-program.store';

const GROVE_APP_ID = /^mp[0-9a-f]{16}$/;

/** `details.reason` of the refusals below; stable, clients branch on them. */
export const PackageAppIdProblem = {
  /** The package's `app_id` is not the one bound to this mini-program (or is another mini-program's Grove id). */
  APP_ID_MISMATCH: 'APP_ID_MISMATCH',
  /** Another mini-program of the same organization already uses this `app_id`. */
  APP_ID_TAKEN: 'APP_ID_TAKEN',
} as const;

/**
 * Checks a W3C package's manifest `app_id` against the mini-program, binding it at the first upload that
 * carries one: the developer's reverse-domain id (`com.example.shop`) then has to stay the same, so one
 * mini-program cannot silently become another app on devices. Grove's own id for this mini-program is always
 * accepted and binds nothing; another mini-program's Grove id never is. The bind is one conditional update
 * (`packageAppId` still absent), so of two racing first uploads with different ids exactly one wins.
 *
 * One `app_id` per organization (unique `packageAppIdSlot`): two mini-programs of one organization under one
 * identity would make the package of one uploadable as the other. Across organizations it is not unique:
 * otherwise anyone could squat a bank's id and lock the bank out; what devices key on is Grove's app id.
 */
export async function bindPackageAppId(
  apps: MiniProgramStore,
  app: MiniProgramModel,
  packageAppId: string | undefined,
): Promise<void> {
  if (packageAppId === undefined || packageAppId === app._id || app.packageAppId === packageAppId) return;
  if (GROVE_APP_ID.test(packageAppId) || app.packageAppId !== undefined)
    throw mismatch(app, packageAppId, app.packageAppId);

  let bound: MiniProgramModel | null;
  try {
    bound = await apps.transition(
      app._id,
      { packageAppId: { $exists: false } },
      { packageAppId, packageAppIdSlot: packageAppIdSlot(app.orgId, packageAppId) },
    );
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const holder = await apps.findByPackageAppId(app.orgId, packageAppId);
    throw new BadUserInputError(
      `The package manifest app_id '${packageAppId}' is already used by another mini-program of this organization${holder ? ` (${holder._id})` : ''}`,
      { reason: PackageAppIdProblem.APP_ID_TAKEN, packageAppId, ...(holder ? { usedBy: holder._id } : {}) },
    );
  }
  if (bound) return;
  // Another first upload bound an id in between: fine if it is this one.
  const current = await apps.findById(app._id);
  if (current?.packageAppId !== packageAppId) throw mismatch(app, packageAppId, current?.packageAppId);
}

function mismatch(app: MiniProgramModel, packageAppId: string, bound: string | undefined): BadUserInputError {
  const expected =
    bound === undefined
      ? `'${app._id}' or an id of your own such as com.example.shop`
      : `'${bound}' (bound at its first upload) or '${app._id}'`;
  return new BadUserInputError(
    `The package manifest app_id '${packageAppId}' does not match this mini-program: expected ${expected}`,
    {
      reason: PackageAppIdProblem.APP_ID_MISMATCH,
      packageAppId,
      expected: bound === undefined ? [app._id] : [bound, app._id],
    },
  );
}
