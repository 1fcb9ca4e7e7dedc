import type { CombinedError } from '@urql/core';

/** One GraphQL error as the router sends it: a stable code and, for bad input, the offending fields. */
export interface ApiError {
  code: string;
  message: string;
  fields: string[];
}

/** The errors of a failed operation (or of a REST envelope), in one shape: code, message, offending fields. */
export function apiErrors(error: CombinedError | undefined): ApiError[] {
  if (!error) return [];
  if (error.graphQLErrors.length === 0)
    return [{ code: 'NETWORK_ERROR', message: error.networkError?.message ?? error.message, fields: [] }];
  return error.graphQLErrors.map((e) => {
    const extensions = (e.extensions ?? {}) as { code?: unknown; fields?: unknown; field?: unknown };
    const fields = Array.isArray(extensions.fields)
      ? extensions.fields.filter((f): f is string => typeof f === 'string')
      : [];
    if (typeof extensions.field === 'string' && !fields.includes(extensions.field))
      fields.push(extensions.field);
    return {
      code: typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR',
      message: e.message,
      fields,
    };
  });
}

/**
 * Errors for antd's `form.setFields`: each error naming a field of the form goes beside that field (the last path
 * segment of `input.creditCode` names `creditCode`); the rest are returned for a message at the top of the form.
 */
export function splitFieldErrors<F extends string>(
  errors: ApiError[],
  formFields: readonly F[],
): { fieldErrors: Array<{ name: F; errors: string[] }>; other: ApiError[] } {
  const byField = new Map<F, string[]>();
  const other: ApiError[] = [];
  for (const error of errors) {
    const names = error.fields
      .map((f) => f.split('.').pop()!)
      .filter((f): f is F => (formFields as readonly string[]).includes(f));
    if (names.length === 0) other.push(error);
    for (const name of names) byField.set(name, [...(byField.get(name) ?? []), error.message]);
  }
  return { fieldErrors: [...byField].map(([name, messages]) => ({ name, errors: messages })), other };
}
