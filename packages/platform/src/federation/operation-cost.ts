import {
  getNamedType,
  getNullableType,
  isCompositeType,
  isListType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * List-aware operation cost (docs/query-limits.md). Every field costs 1; a list of objects multiplies what one
 * item costs by the number of items it can return:
 * - its page size argument (`take` or `first`: the value sent, else the argument's default),
 * - for the item list of a page object (`items`, `edges`, `nodes`), the page size of the field that returned the page,
 * - for `_entities`, the number of representations sent,
 * - else `assumedListSize` (lists without a page argument; their resolvers bound them).
 * Lists of scalars and enums cost 1: they are one value. Introspection fields cost nothing (it is off in production).
 */
export interface OperationCostOptions {
  /** Items assumed for a list of objects without a page size argument. */
  assumedListSize: number;
}

export const DEFAULT_ASSUMED_LIST_SIZE = 100;

/** Arguments that say how many items a list returns. */
export const PAGE_SIZE_ARGUMENTS: readonly string[] = ['take', 'first'];
/** Item lists of a page object, sized by the page size argument of the field returning the page. */
const PAGE_ITEM_FIELDS = new Set(['items', 'edges', 'nodes']);

export interface OperationCost {
  cost: number;
  /** The costliest chain of list fields, e.g. `miniProgram.versions(×100).miniProgram.versions(×100)`. */
  costliestPath: string;
}

interface Walk {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  variableDefaults: Map<string, ValueNode>;
  options: OperationCostOptions;
  /** Fragments being expanded (a cycle is a validation error reported elsewhere; here it just stops). */
  expanding: Set<string>;
}

interface Cost {
  cost: number;
  path: string;
}

/** The operation's cost, or undefined when it names no known operation (validation reports that). */
export function operationCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: {
    operationName?: string | null;
    variables?: Record<string, unknown> | null;
  } & Partial<OperationCostOptions> = {},
): OperationCost | undefined {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = options.operationName
    ? operations.find((o) => o.name?.value === options.operationName)
    : operations.length === 1
      ? operations[0]
      : undefined;
  if (!operation) return undefined;
  const root = schema.getRootType(operation.operation);
  if (!root) return undefined;
  const walk: Walk = {
    schema,
    fragments: new Map(
      document.definitions
        .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
        .map((f) => [f.name.value, f]),
    ),
    variables: options.variables ?? {},
    variableDefaults: new Map(
      (operation.variableDefinitions ?? []).flatMap((v) =>
        v.defaultValue ? [[v.variable.name.value, v.defaultValue] as const] : [],
      ),
    ),
    options: { assumedListSize: options.assumedListSize ?? DEFAULT_ASSUMED_LIST_SIZE },
    expanding: new Set(),
  };
  const { cost, path } = selectionCost(walk, operation.selectionSet, root, undefined);
  return { cost, costliestPath: path || '(top-level fields)' };
}

function selectionCost(
  walk: Walk,
  selectionSet: SelectionSetNode,
  parent: GraphQLNamedType,
  pageSize: number | undefined,
): Cost {
  let cost = 0;
  let costliest: Cost = { cost: 0, path: '' };
  const add = (part: Cost) => {
    cost += part.cost;
    if (part.cost > costliest.cost) costliest = part;
  };
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) add(fieldCost(walk, selection, parent, pageSize));
    else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? walk.schema.getType(selection.typeCondition.name.value) : parent;
      if (type) add(selectionCost(walk, selection.selectionSet, type, pageSize));
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      if (!fragment || walk.expanding.has(name)) continue;
      const type = walk.schema.getType(fragment.typeCondition.name.value);
      if (!type) continue;
      walk.expanding.add(name);
      add(selectionCost(walk, fragment.selectionSet, type, pageSize));
      walk.expanding.delete(name);
    }
  }
  return { cost, path: costliest.path };
}

function fieldCost(
  walk: Walk,
  node: FieldNode,
  parent: GraphQLNamedType,
  inheritedPageSize: number | undefined,
): Cost {
  const name = node.name.value;
  if (name.startsWith('__')) return { cost: 0, path: '' };
  const field =
    'getFields' in parent
      ? (parent.getFields()[name] as GraphQLField<unknown, unknown> | undefined)
      : undefined;
  if (!field) return { cost: 1, path: '' }; // unknown field: validation refuses the operation anyway
  const named = getNamedType(field.type);
  const isList = isListType(getNullableType(field.type));
  const pageSize = requestedPageSize(walk, node, field);
  const children =
    node.selectionSet && isCompositeType(named)
      ? selectionCost(walk, node.selectionSet, named, isList ? undefined : pageSize)
      : { cost: 0, path: '' };
  let items = 1;
  if (isList && isCompositeType(named)) {
    items =
      name === '_entities'
        ? representationCount(walk, node)
        : (pageSize ??
          (PAGE_ITEM_FIELDS.has(name) ? inheritedPageSize : undefined) ??
          walk.options.assumedListSize);
  }
  const cost = items * (1 + children.cost);
  if (!node.selectionSet) return { cost, path: '' };
  const label = isList ? `${name}(×${items})` : name;
  return { cost, path: children.path ? `${label}.${children.path}` : label };
}

/** The page size the field is asked for: the argument as sent (literal or variable), else its default. */
function requestedPageSize(
  walk: Walk,
  node: FieldNode,
  field: GraphQLField<unknown, unknown>,
): number | undefined {
  for (const argName of PAGE_SIZE_ARGUMENTS) {
    const definition = field.args.find((a) => a.name === argName);
    if (!definition) continue;
    const sent = node.arguments?.find((a) => a.name.value === argName)?.value;
    const value = sent ? argumentValue(walk, sent) : definition.defaultValue;
    if (typeof value === 'number' && Number.isFinite(value)) return Math.max(0, Math.floor(value));
    if (typeof definition.defaultValue === 'number') return definition.defaultValue;
    return undefined;
  }
  return undefined;
}

function argumentValue(walk: Walk, value: ValueNode): unknown {
  if (value.kind === Kind.INT || value.kind === Kind.FLOAT) return Number(value.value);
  if (value.kind !== Kind.VARIABLE) return undefined;
  const name = value.name.value;
  if (name in walk.variables) return walk.variables[name];
  const fallback = walk.variableDefaults.get(name);
  return fallback && fallback.kind !== Kind.VARIABLE ? argumentValue(walk, fallback) : undefined;
}

function representationCount(walk: Walk, node: FieldNode): number {
  const sent = node.arguments?.find((a) => a.name.value === 'representations')?.value;
  if (!sent) return 0;
  if (sent.kind === Kind.LIST) return sent.values.length;
  if (sent.kind === Kind.VARIABLE) {
    const value = walk.variables[sent.name.value];
    return Array.isArray(value) ? value.length : 1;
  }
  return 1;
}
