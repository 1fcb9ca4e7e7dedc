import { rcompare } from 'semver';

/** Newest semantic version first (1.10.0 before 1.9.0; a pre-release after its release). */
export function newestFirst<T extends { version: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => rcompare(a.version, b.version));
}
