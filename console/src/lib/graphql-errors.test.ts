import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { apiErrors, splitFieldErrors } from './graphql-errors';

describe('server errors beside the form fields', () => {
  const error = new CombinedError({
    graphQLErrors: [
      new GraphQLError('Credit code is invalid', {
        extensions: { code: 'BAD_USER_INPUT', fields: ['input.creditCode'] },
      }),
      new GraphQLError('Name taken', { extensions: { code: 'CONFLICT', field: 'name' } }),
      new GraphQLError('Licence limit reached', { extensions: { code: 'LICENSE_LIMIT_EXCEEDED' } }),
    ],
  });

  it('reads code and fields of each error (details.fields, or the single field)', () => {
    expect(apiErrors(error)).toEqual([
      { code: 'BAD_USER_INPUT', message: 'Credit code is invalid', fields: ['input.creditCode'] },
      { code: 'CONFLICT', message: 'Name taken', fields: ['name'] },
      { code: 'LICENSE_LIMIT_EXCEEDED', message: 'Licence limit reached', fields: [] },
    ]);
  });

  it('puts errors of the form fields beside them, the rest at the top', () => {
    const { fieldErrors, other } = splitFieldErrors(apiErrors(error), ['name', 'creditCode'] as const);
    expect(fieldErrors).toEqual([
      { name: 'creditCode', errors: ['Credit code is invalid'] },
      { name: 'name', errors: ['Name taken'] },
    ]);
    expect(other.map((e) => e.code)).toEqual(['LICENSE_LIMIT_EXCEEDED']);
  });

  it('reports a failed request as a network error', () => {
    expect(apiErrors(new CombinedError({ networkError: new Error('fetch failed') }))).toEqual([
      { code: 'NETWORK_ERROR', message: 'fetch failed', fields: [] },
    ]);
  });
});
