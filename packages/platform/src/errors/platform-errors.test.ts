import { BadUserInputError, ConflictError, NotFoundError } from './platform-errors';
import { duplicateKeyError } from '../documents/document-errors';

describe('platform errors', () => {
  it('give every error with a single field the fields list too', () => {
    expect(new ConflictError('taken', { field: 'name' }).details).toEqual({
      field: 'name',
      fields: ['name'],
    });
    expect(new NotFoundError('gone', { field: 'ruleId' }).details).toEqual({
      field: 'ruleId',
      fields: ['ruleId'],
    });
    expect(new BadUserInputError('bad', { fields: ['a', 'b'] }).details).toEqual({ fields: ['a', 'b'] });
    expect(new ConflictError('plain').details).toBeUndefined();
  });

  it('never name the collection in a duplicate-key message', () => {
    const error = duplicateKeyError('account_organizations', ['creditCode']);
    expect(error.message).toBe('Another record already has this creditCode');
    expect(error.message).not.toMatch(/account_organizations/);
    expect(error.details).toEqual({ fields: ['creditCode'] });
  });
});
