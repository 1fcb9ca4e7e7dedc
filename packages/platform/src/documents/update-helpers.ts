import type { NewDocument, Update } from './documents.port';

/** Drops undefined members so sparse indexes see an absent field, not `undefined`. */
export function compact<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}

/** Insert shape of a model whose createdAt/updatedAt the documents driver stamps. */
export function stamped<T extends { _id: string; createdAt: Date; updatedAt: Date }>(
  doc: Omit<NewDocument<T>, 'createdAt' | 'updatedAt'>,
): NewDocument<T> {
  return doc as NewDocument<T>;
}

/** `$set` of the defined members plus `$unset` of the named fields (omitted when empty). */
export function setUnset(set: Record<string, unknown>, unset: readonly string[] = []): Update {
  const update: Update = {};
  const defined = compact(set);
  if (Object.keys(defined).length > 0) update.$set = defined;
  if (unset.length > 0) update.$unset = Object.fromEntries(unset.map((field) => [field, '']));
  return update;
}

/** Escapes a user string for use inside `$regex`. */
export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
