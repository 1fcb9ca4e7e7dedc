import { Arg, Field, InputType, Query, Resolver, registerEnumType } from 'type-graphql';
import { graphql } from 'graphql';
import { buildSubgraph } from './build-subgraph';
import type { SubgraphContext } from './subgraph-context';
import { silentLogger } from '../logging/logger';
import { ANONYMOUS } from '../auth/principal';

enum Bucket {
  DAY = 'day',
  WEEK = 'week',
}
registerEnumType(Bucket, { name: 'Bucket' });

@InputType()
class BucketFilter {
  @Field(() => Bucket, { defaultValue: Bucket.WEEK }) bucket!: Bucket;
  @Field(() => [Bucket], { defaultValue: [Bucket.DAY, Bucket.WEEK] }) also!: Bucket[];
}

@Resolver()
class BucketResolver {
  @Query(() => String)
  bucket(@Arg('bucket', () => Bucket, { defaultValue: Bucket.DAY }) bucket: Bucket): string {
    return bucket;
  }

  @Query(() => String)
  filtered(@Arg('filter', () => BucketFilter) filter: BucketFilter): string {
    return [filter.bucket, ...filter.also].join(',');
  }
}

describe('enum argument defaults in a built subgraph', () => {
  const context: SubgraphContext = { principal: ANONYMOUS, requestId: 'r1', logger: silentLogger() };
  const run = async (source: string) => {
    const { schema } = await buildSubgraph({
      name: 'buckets',
      resolvers: [BucketResolver],
      instances: [new BucketResolver()],
    });
    return graphql({ schema, source, contextValue: context });
  };

  it('hands the resolver the same internal value whether the argument is omitted or passed', async () => {
    expect(await run('{ omitted: bucket passed: bucket(bucket: DAY) }')).toEqual({
      data: { omitted: 'day', passed: 'day' },
    });
  });

  it('revives defaults of input fields, lists included', async () => {
    expect(await run('{ filtered(filter: {}) }')).toEqual({ data: { filtered: 'week,day,week' } });
  });

  it('still prints the default as the enum name in the SDL', async () => {
    const { sdl } = await buildSubgraph({
      name: 'buckets',
      resolvers: [BucketResolver],
      instances: [new BucketResolver()],
    });
    expect(sdl).toContain('bucket(bucket: Bucket! = DAY)');
  });
});
