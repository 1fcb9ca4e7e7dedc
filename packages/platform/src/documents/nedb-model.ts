// nedb's own document update engine (not in its published typings); the embedded driver uses it so
// $set/$unset/$inc/$push/$pull/$addToSet are applied by nedb itself before the result is validated.
// A typed module (rather than an ambient declaration) so every workspace that compiles the driver sees the types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const model = require('@seald-io/nedb/lib/model.js') as {
  modify<T extends object>(doc: T, update: object): T;
  getDotValue(doc: object, path: string): unknown;
};

export const { modify, getDotValue } = model;
