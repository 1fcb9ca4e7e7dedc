import { mongoose } from '@typegoose/typegoose';
import { BadUserInputError, ConflictError } from '../errors/platform-errors';

/**
 * Every driver reports a unique index violation with the same message and `details.fields`. The message names the
 * fields, never the collection or the backend: it may reach a client when a service does not rephrase it.
 */
export function duplicateKeyError(_collection: string, fields: string[]): ConflictError {
  const what = fields.length > 0 ? fields.join(', ') : 'unique key';
  return new ConflictError(`Another record already has this ${what}`, { fields });
}

/**
 * Maps mongoose validation and cast errors (raised by the model's schema on either driver) to
 * BadUserInputError listing the offending fields; anything else is returned as is.
 */
export function toValidationError(collection: string, error: unknown): unknown {
  if (error instanceof mongoose.Error.ValidationError) {
    const fields = Object.keys(error.errors);
    const reasons = fields.map((field) => `${field}: ${describe(error.errors[field])}`);
    return new BadUserInputError(`Invalid ${collection} document: ${reasons.join('; ')}`, { fields });
  }
  if (error instanceof mongoose.Error.CastError) {
    return new BadUserInputError(`Invalid ${collection} value for '${error.path}': expected ${error.kind}`, {
      fields: [error.path],
    });
  }
  return error;
}

function describe(error: mongoose.Error.ValidatorError | mongoose.Error.CastError): string {
  if (error instanceof mongoose.Error.CastError) return `expected ${error.kind}`;
  // mongoose validator messages ("Path `x` is required.") name only the field and the rule.
  return error.message;
}
