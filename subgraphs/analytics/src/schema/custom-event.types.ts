import { Arg, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MAX_CUSTOM_ATTRIBUTES } from '@grove/contracts';

export enum CustomAttributeType {
  STRING = 'string',
  NUMBER = 'number',
  BOOLEAN = 'boolean',
}
registerEnumType(CustomAttributeType, {
  name: 'CustomAttributeType',
  description: 'The JSON type a custom attribute value must have',
});

@ObjectType()
export class CustomEventAttribute {
  @Field({ description: 'The key the SDK sends in custom.attributes' })
  name!: string;

  @Field(() => CustomAttributeType)
  type!: CustomAttributeType;

  @Field()
  displayName!: string;
}

@ObjectType({
  description:
    'A custom event a mini-program may report; undeclared ones and mistyped attributes are dropped by the cleaner',
})
export class CustomEventDeclaration {
  @Field(() => ID)
  appId!: string;

  @Field({ description: 'The identifier the SDK sends as custom.name' })
  name!: string;

  @Field()
  displayName!: string;

  declared!: CustomEventAttribute[];

  // A page argument, so the router's cost analysis sizes this list by it (at most 32 attributes), not by 100.
  @Field(() => [CustomEventAttribute], {
    description: `The declared attributes, in declaration order (at most ${MAX_CUSTOM_ATTRIBUTES})`,
  })
  attributes(
    @Arg('take', () => Int, { defaultValue: MAX_CUSTOM_ATTRIBUTES }) take: number,
  ): CustomEventAttribute[] {
    return this.declared.slice(0, Math.max(0, Math.min(take, MAX_CUSTOM_ATTRIBUTES)));
  }

  @Field()
  updatedAt!: Date;
}

@InputType()
export class CustomEventAttributeInput {
  @Field()
  name!: string;

  @Field(() => CustomAttributeType)
  type!: CustomAttributeType;

  @Field({ nullable: true, description: 'Default: the name' })
  displayName?: string;
}

@InputType()
export class DeclareCustomEventInput {
  @Field({ description: 'Starts with a letter; A-Z a-z 0-9 _; at most 64' })
  name!: string;

  @Field({ description: '1–60 characters' })
  displayName!: string;

  @Field(() => [CustomEventAttributeInput], { defaultValue: [] })
  attributes!: CustomEventAttributeInput[];
}
