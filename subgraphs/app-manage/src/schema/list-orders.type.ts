import { SORT_DIRECTION_ENUM, SortDirection } from '@grove/platform';
import { Field, InputType, registerEnumType } from 'type-graphql';
import {
  HostAppOrderField,
  MiniProgramOrderField,
  VersionOrderField,
  VersionReviewOrderField,
} from '../store/list-orders';

registerEnumType(SortDirection, SORT_DIRECTION_ENUM);
registerEnumType(MiniProgramOrderField, { name: 'MiniProgramOrderField' });
registerEnumType(VersionOrderField, { name: 'MiniProgramVersionOrderField' });
registerEnumType(VersionReviewOrderField, { name: 'VersionReviewOrderField' });
registerEnumType(HostAppOrderField, { name: 'HostAppOrderField' });

@InputType({ description: 'Order of miniPrograms' })
export class MiniProgramOrder {
  @Field(() => MiniProgramOrderField)
  field!: MiniProgramOrderField;

  @Field(() => SortDirection)
  direction!: SortDirection;
}

@InputType({ description: 'Order of versions and MiniProgram.versions' })
export class MiniProgramVersionOrder {
  @Field(() => VersionOrderField)
  field!: VersionOrderField;

  @Field(() => SortDirection)
  direction!: SortDirection;
}

@InputType({ description: 'Order of pendingReviews' })
export class VersionReviewOrder {
  @Field(() => VersionReviewOrderField)
  field!: VersionReviewOrderField;

  @Field(() => SortDirection)
  direction!: SortDirection;
}

@InputType({ description: 'Order of hostApps' })
export class HostAppOrder {
  @Field(() => HostAppOrderField)
  field!: HostAppOrderField;

  @Field(() => SortDirection)
  direction!: SortDirection;
}
