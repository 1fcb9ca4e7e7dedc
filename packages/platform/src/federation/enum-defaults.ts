import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isObjectType,
  isInterfaceType,
  type GraphQLEnumType,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';

/**
 * Turns enum default values that arrive as the enum's NAME back into its internal value, in place.
 *
 * buildSubgraph prints the code-first schema and rebuilds it from SDL. graphql-js parses an argument's
 * `= DAY` default while the enum still maps names to themselves; @apollo/subgraph attaches type-graphql's value
 * map (DAY → 'day') afterwards and leaves the defaults alone. A resolver would then get 'DAY' when the caller
 * omits the argument and 'day' when it passes DAY. Runs once per schema build.
 */
export function reviveEnumDefaults(schema: GraphQLSchema): void {
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields()))
        for (const arg of field.args) arg.defaultValue = revive(arg.type, arg.defaultValue);
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        field.defaultValue = revive(field.type, field.defaultValue);
    }
  }
}

function revive(type: GraphQLInputType, value: unknown): unknown {
  if (value === undefined || value === null) return value;
  const named = getNamedType(type);
  if (!isEnumType(named)) return value;
  return Array.isArray(value) ? value.map((item) => internal(named, item)) : internal(named, value);
}

function internal(type: GraphQLEnumType, value: unknown): unknown {
  if (typeof value !== 'string') return value;
  const byName = type.getValue(value);
  return byName ? byName.value : value;
}
