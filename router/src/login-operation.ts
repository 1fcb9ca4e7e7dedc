import {
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * Root mutation fields that hash or check a password, so they count against the IP's login bucket: logins, and
 * sign-ups and password changes too — each costs a scrypt, and sign-ups answer CONFLICT for a taken email or phone,
 * so an unbounded stream of them would enumerate accounts. Only `login` names an `identifier` for the per-account
 * bucket.
 */
export const LOGIN_FIELDS: ReadonlySet<string> = new Set(['login', 'signUp', 'changePassword']);

export interface LoginAttempts {
  /** How many login fields the operation runs (aliases can repeat one). */
  count: number;
  /** Normalized `input.identifier` of each login field that names one, in document order (repeats kept). */
  identifiers: string[];
}

type Variables = Record<string, unknown> | null | undefined;

/**
 * Finds login fields among the root mutation fields of the operation that will run (the named one,
 * or every mutation when the name is missing/ambiguous — over-counting is the safe side), following
 * fragment spreads and inline fragments on the root type.
 */
export function findLoginAttempts(
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Variables,
  loginFields: ReadonlySet<string> = LOGIN_FIELDS,
): LoginAttempts {
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const fragments = new Map(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  const named = operationName ? operations.filter((o) => o.name?.value === operationName) : [];
  const selected = named.length ? named : operations;
  const result: LoginAttempts = { count: 0, identifiers: [] };
  for (const operation of selected) {
    if (operation.operation !== 'mutation') continue;
    visit(operation.selectionSet, new Set());
  }
  return result;

  function visit(selectionSet: SelectionSetNode, seenFragments: Set<string>): void {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (!loginFields.has(selection.name.value)) continue;
        result.count += 1;
        const input = selection.arguments?.find((a) => a.name.value === 'input')?.value;
        const identifier = identifierFrom(input, variables);
        if (identifier !== undefined) result.identifiers.push(identifier);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        visit(selection.selectionSet, seenFragments);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seenFragments.has(name)) continue;
        visit(fragment.selectionSet, new Set([...seenFragments, name]));
      }
    }
  }
}

function identifierFrom(input: ValueNode | undefined, variables: Variables): string | undefined {
  if (!input) return undefined;
  if (input.kind === Kind.VARIABLE) {
    const value = variables?.[input.name.value];
    return value && typeof value === 'object'
      ? normalize((value as Record<string, unknown>).identifier)
      : undefined;
  }
  if (input.kind !== Kind.OBJECT) return undefined;
  const field = input.fields.find((f) => f.name.value === 'identifier')?.value;
  if (!field) return undefined;
  if (field.kind === Kind.STRING) return normalize(field.value);
  if (field.kind === Kind.VARIABLE) return normalize(variables?.[field.name.value]);
  return undefined;
}

function normalize(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim().toLowerCase();
  return trimmed ? trimmed.slice(0, 256) : undefined;
}
