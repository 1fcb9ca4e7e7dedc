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
      variableValues: { r: [{ __typename: 'Widget', id: 'w1' }, { __typename: 'Widget', id: 'nope' }] },
      contextValue: context,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ _entities: [{ id: 'w1', label: 'first' }, null] });
  });
});
