import { buildSchema, getIntrospectionQuery, parse, specifiedRules, validate } from 'graphql';
import { introspectionDepthRule } from './operation-limits';

const schema = buildSchema('type Query { hello: String }');
const errorsOf = (source: string, maxDepth: number) =>
  validate(schema, parse(source), [...specifiedRules, introspectionDepthRule(maxDepth)]).map(
    (e) => e.message,
  );

describe('introspectionDepthRule', () => {
  it('accepts the standard full introspection query (15 deep) at the default limit and refuses it below', () => {
    const full = getIntrospectionQuery({
      descriptions: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      schemaDescription: true,
      inputValueDeprecation: true,
    });
    expect(errorsOf(full, 16)).toEqual([]);
    expect(errorsOf(full, 15)).toEqual([]);
    expect(errorsOf(full, 14)).toEqual([
      'Introspection depth limit of 14 exceeded (MAX_INTROSPECTION_DEPTH)',
    ]);
  });

  it('follows fragments (and survives a fragment cycle, which another rule reports)', () => {
    const viaFragment = `{ __type(name: "Query") { ...T } } fragment T on __Type { ofType { ofType { ofType { name } } } }`;
    expect(errorsOf(viaFragment, 4)).toEqual([
      'Introspection depth limit of 4 exceeded (MAX_INTROSPECTION_DEPTH)',
    ]);
    expect(errorsOf(viaFragment, 5)).toEqual([]);
    const cycle = `{ __type(name: "Query") { ...A } } fragment A on __Type { ofType { ...B } } fragment B on __Type { ofType { ...A } }`;
    expect(errorsOf(cycle, 16).some((m) => /cannot spread fragment/i.test(m))).toBe(true);
  });

  it('leaves other fields to the ordinary depth limit', () => {
    expect(errorsOf('{ hello }', 1)).toEqual([]);
  });
});
