import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { SdkPlatform } from './enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An SDK release published by the operator' })
export class SdkVersion {
  @Field(() => ID)
  id!: string;

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
