import { verifyTrialToken, type TrialTokenProblem } from '@grove/contracts';
import { RuntimeErrcode, RuntimeError } from './runtime-errors';
import type { RuntimeReadModel } from './runtime-read-model';
import type { RuntimeVersion } from './runtime-sources';

export interface TrialRequest {
  appId: string;
  /** The `trial` query parameter: the grant a trial QR code carries. */
  token: string;
  /** The device context's `userId` (signed query parameter, else `x-user-id`). */
  userId?: string;
  secret: string;
}

const PROBLEMS: Record<TrialTokenProblem, string> = {
  malformed: 'The trial grant is malformed',
  bad_signature: 'The trial grant is not valid for this mini-program',
  expired: 'The trial grant has expired; scan a new trial code',
};

/**
 * The trial version a request may open: the grant must be genuine, unexpired and for this app, the user a tester,
 * and the grant's version still the trial version (a newer trial build needs a new code). The caller has already
 * checked the app exists, is linked to the host app and is not frozen.
 */
export async function trialVersionForRequest(
  readModel: RuntimeReadModel,
  request: TrialRequest,
): Promise<RuntimeVersion> {
  const grant = verifyTrialToken(request.token, { appId: request.appId, secret: request.secret });
  if (!grant.ok) throw new RuntimeError(RuntimeErrcode.TRIAL_TOKEN_INVALID, PROBLEMS[grant.problem]);
  const trial = await readModel.trial(request.appId);
  if (!request.userId || !trial.members.includes(request.userId)) {
    throw new RuntimeError(
      RuntimeErrcode.NOT_TRIAL_MEMBER,
      request.userId
        ? 'This user is not a trial member of the mini-program'
        : 'Send the userId of a trial member',
    );
  }
  if (!trial.version || trial.version.id !== grant.versionId) {
    throw new RuntimeError(
      RuntimeErrcode.TRIAL_TOKEN_INVALID,
      'The trial grant is for a version that is no longer the trial version; scan a new trial code',
    );
  }
  return trial.version;
}
