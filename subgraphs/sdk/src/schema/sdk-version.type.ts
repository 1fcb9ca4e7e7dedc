import { CURSOR_FIELD_DESCRIPTION } from '@grove/platform';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { SdkPlatform } from './enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An SDK release published by the operator' })
export class SdkVersion {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: `${CURSOR_FIELD_DESCRIPTION} (set on the items of a list, in the order it was read)`,
  })
  cursor?: string;

  @Field(() => SdkPlatform)
  platform!: SdkPlatform;

  @Field({ description: 'Semantic version' })
  version!: string;

  @Field(() => String, { nullable: true })
  releaseNotes?: string;

  @Field({ description: 'Hex SHA-256 of the artifact' })
  artifactSha256!: string;

  @Field(() => Int)
  artifactSize!: number;

  @Field()
  enabled!: boolean;

  @Field()
  createdAt!: Date;
}
