// nedb's own document update engine (not in its published typings); the embedded driver uses it so
// $set/$unset/$inc/$push/$pull/$addToSet are applied by nedb itself before the result is validated.
declare module '@seald-io/nedb/lib/model.js' {
  export function modify<T extends object>(doc: T, update: object): T;
  export function getDotValue(doc: object, path: string): unknown;
}
