import { Directive, Field, ID, ObjectType, Query, Resolver, Ctx } from 'type-graphql';
import { graphql } from 'graphql';
import { buildSubgraph } from './build-subgraph';
import type { SubgraphContext } from './subgraph-context';
import { silentLogger } from '../logging/logger';
import { ANONYMOUS } from '../auth/principal';

@Directive('@key(fields: "id")')
@ObjectType()
class Widget {
  @Field(() => ID) id!: string;
  @Field() label!: string;
}

class WidgetService {
  private readonly widgets = new Map([['w1', { id: 'w1', label: 'first' }]]);
  byId(id: string) {
    return this.widgets.get(id) ?? null;
  }
}

@Resolver(() => Widget)
class WidgetResolver {
  constructor(private readonly service: WidgetService) {}
  @Query(() => Widget, { nullable: true })
  widget(@Ctx() ctx: SubgraphContext): Widget | null {
    return ctx.principal.kind === 'anonymous' ? this.service.byId('w1') : null;
  }
}

describe('buildSubgraph', () => {
  const service = new WidgetService();
  const build = () =>
    buildSubgraph({
      name: 'widgets',
      resolvers: [WidgetResolver],
      instances: [new WidgetResolver(service)],
      referenceResolvers: { Widget: (ref) => service.byId(String(ref.id)) },
    });
  const context: SubgraphContext = { principal: ANONYMOUS, requestId: 'r1', logger: silentLogger() };

  it('prints a Federation 2 SDL with the entity key', async () => {
    const module = await build();
    expect(module.sdl).toContain('@link(url: "https://specs.apollo.dev/federation/v2.7"');
    expect(module.sdl).toMatch(/type Widget\s+@key\(fields: "id"\)/);
  });

  it('resolves queries through injected resolver instances and the context', async () => {
    const { schema } = await build();
    const result = await graphql({ schema, source: '{ widget { id label } }', contextValue: context });
    expect(result).toEqual({ data: { widget: { id: 'w1', label: 'first' } } });
  });

  it('resolves _entities through the reference resolver', async () => {
    const { schema } = await build();
    const result = await graphql({
      schema,
      source: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Widget { id label } } }',
      variableValues: {
        r: [
          { __typename: 'Widget', id: 'w1' },
          { __typename: 'Widget', id: 'nope' },
        ],
      },
      contextValue: context,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [{ id: 'w1', label: 'first' }, null] });
  });
});

describe('_entities representations cap', () => {
  it('refuses more representations than maxEntityRepresentations before resolving any', async () => {
    let resolved = 0;
    const module = await buildSubgraph({
      name: 'widgets',
      resolvers: [WidgetResolver],
      instances: [new WidgetResolver(new WidgetService())],
      referenceResolvers: { Widget: (ref) => (resolved++, { id: String(ref.id), label: 'x' }) },
      maxEntityRepresentations: 3,
    });
    const run = (count: number) =>
      graphql({
        schema: module.schema,
        source: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Widget { id } } }',
        variableValues: {
          r: Array.from({ length: count }, (_, i) => ({ __typename: 'Widget', id: `w${i}` })),
        },
        contextValue: { principal: ANONYMOUS, requestId: 'r1', logger: silentLogger() },
      });
    const refused = await run(4);
    expect(refused.errors?.[0]?.message).toBe('_entities takes at most 3 representations; 4 were sent');
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'MAX_ENTITY_REPRESENTATIONS',
    });
    expect(resolved).toBe(0);
    expect((await run(3)).errors).toBeUndefined();
    expect(resolved).toBe(3);
  });
});

describe('batched reference resolvers (per-request DataLoader)', () => {
  const entities = 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Widget { id label } } }';
  const reps = (...ids: string[]) => ids.map((id) => ({ __typename: 'Widget', id }));
  const newContext = (): SubgraphContext => ({
    principal: ANONYMOUS,
    requestId: 'r1',
    logger: silentLogger(),
  });

  it('resolves a repeated representation once per request', async () => {
    const seen: string[] = [];
    const module = await buildSubgraph({
      name: 'widgets',
      resolvers: [WidgetResolver],
      instances: [new WidgetResolver(new WidgetService())],
      referenceResolvers: {
        Widget: (ref) => (seen.push(String(ref.id)), { id: String(ref.id), label: `l-${String(ref.id)}` }),
      },
    });
    const run = (contextValue: SubgraphContext) =>
      graphql({
        schema: module.schema,
        source: entities,
        variableValues: { r: reps('a', 'b', 'a', 'a', 'b') },
        contextValue,
      });
    const result = await run(newContext());
    expect(result.errors).toBeUndefined();
    expect((result.data as { _entities: Array<{ id: string }> })._entities.map((e) => e.id)).toEqual([
      'a',
      'b',
      'a',
      'a',
      'b',
    ]);
    expect(seen).toEqual(['a', 'b']);
    // Another request loads again: nothing is cached across requests.
    await run(newContext());
    expect(seen).toEqual(['a', 'b', 'a', 'b']);
  });

  it('hands every distinct representation of a type to the batch resolver in one call, keeping order and per-entity errors', async () => {
    const calls: string[][] = [];
    const module = await buildSubgraph({
      name: 'widgets',
      resolvers: [WidgetResolver],
      instances: [new WidgetResolver(new WidgetService())],
      batchReferenceResolvers: {
        Widget: async (refs) => {
          calls.push(refs.map((r) => String(r.id)));
          return refs.map((r) =>
            r.id === 'bad'
              ? new Error('broken widget')
              : r.id === 'gone'
                ? null
                : { id: String(r.id), label: `l-${String(r.id)}` },
          );
        },
      },
    });
    const result = await graphql({
      schema: module.schema,
      source: entities,
      variableValues: { r: reps('c', 'a', 'gone', 'c', 'bad', 'b') },
      contextValue: newContext(),
    });
    expect(calls).toEqual([['c', 'a', 'gone', 'bad', 'b']]);
    expect((result.data as { _entities: unknown[] })._entities).toEqual([
      { id: 'c', label: 'l-c' },
      { id: 'a', label: 'l-a' },
      null,
      { id: 'c', label: 'l-c' },
      null,
      { id: 'b', label: 'l-b' },
    ]);
    expect(result.errors?.map((e) => [e.message, e.path])).toEqual([['broken widget', ['_entities', 4]]]);
  });
});
