import type { ZxcvbnFactory } from '@zxcvbn-ts/core';

/** zxcvbn score a password needs: 3 ("safely unguessable", about 10^8 guesses or more). */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

/**
 * Why a password is too easy to guess, or null. zxcvbn-ts with its common-password and name dictionaries and
 * keyboard patterns catches what length and character-class rules let through (`password12`, `aaaaaaaaa1`,
 * `1q2w3e4r5t`). The dictionaries (about 13 MB resident) load on first use, not with the service.
 */
export function passwordWeakness(password: string): string | null {
  estimator ??= createEstimator();
  const result = estimator.check(password);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const hint = result.feedback.warning ? ` (${result.feedback.warning})` : '';
  return `is too easy to guess${hint}: use a longer passphrase or mix unrelated words, digits and symbols`;
}

function createEstimator(): ZxcvbnFactory {
  /* eslint-disable @typescript-eslint/no-require-imports -- synchronous lazy load, see passwordWeakness */
  const { ZxcvbnFactory: Factory } = require('@zxcvbn-ts/core') as typeof import('@zxcvbn-ts/core');
  const { adjacencyGraphs, dictionary } =
    require('@zxcvbn-ts/language-common') as typeof import('@zxcvbn-ts/language-common');
  /* eslint-enable @typescript-eslint/no-require-imports */
  return new Factory({ dictionary, graphs: adjacencyGraphs });
}
