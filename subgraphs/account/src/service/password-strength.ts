import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

/** zxcvbn score a password needs: 3 ("safely unguessable", about 10^8 guesses or more). */
export const MIN_PASSWORD_SCORE = 3;

let estimator: ZxcvbnFactory | undefined;

/**
 * Why a password is too easy to guess, or null. zxcvbn-ts with its common-password and name dictionaries and
 * keyboard patterns catches what length and character-class rules let through (`password12`, `aaaaaaaaa1`,
 * `1q2w3e4r5t`). The dictionaries load on first use.
 */
export function passwordWeakness(password: string): string | null {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  const result = estimator.check(password);
  if (result.score >= MIN_PASSWORD_SCORE) return null;
  const hint = result.feedback.warning ? ` (${result.feedback.warning})` : '';
  return `is too easy to guess${hint}: use a longer passphrase or mix unrelated words, digits and symbols`;
}
