import { CURSOR_FIELD_DESCRIPTION } from '@grove/platform';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { SdkPlatform } from './enums';

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A base library (基础库) version the SDK downloads to run mini-programs' })
export class BaseLibrary {
  @Field(() => ID)
  id!: string;

  @Field(() => String, {
    nullable: true,
    description: `${CURSOR_FIELD_DESCRIPTION} (set on the items of a list, in the order it was read)`,
  })
  cursor?: string;

  @Field({ description: 'Semantic version' })
  version!: string;

  @Field(() => [SdkPlatform])
  platforms!: SdkPlatform[];

  @Field({ description: 'Oldest SDK version (semver) able to run it' })
  minSdkVersion!: string;

  @Field(() => String, { nullable: true })
  releaseNotes?: string;

  @Field({ description: 'Hex SHA-256 of the ZIP' })
  packageSha256!: string;

  @Field(() => Int)
  packageSize!: number;

  @Field(() => Int)
  packageFiles!: number;

  @Field()
  enabled!: boolean;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;
}
