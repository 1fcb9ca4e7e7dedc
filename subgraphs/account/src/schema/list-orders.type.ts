import { SORT_DIRECTION_ENUM, SortDirection } from '@grove/platform';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { MemberOrderField, OperatorOrderField, OrganizationOrderField } from '../store/list-orders';

registerEnumType(SortDirection, SORT_DIRECTION_ENUM);
registerEnumType(OrganizationOrderField, { name: 'OrganizationOrderField' });
registerEnumType(MemberOrderField, { name: 'MemberOrderField' });
registerEnumType(OperatorOrderField, { name: 'OperatorOrderField' });

@InputType({ description: 'Order of organizations' })
export class OrganizationOrder {
  @Field(() => OrganizationOrderField)
  field!: OrganizationOrderField;

  @Field(() => SortDirection)
  direction!: SortDirection;
}

@InputType({ description: 'Order of members' })
export class MemberOrder {
  @Field(() => MemberOrderField)
  field!: MemberOrderField;

  @Field(() => SortDirection)
  direction!: SortDirection;
}

@InputType({ description: 'Order of operators' })
export class OperatorOrder {
  @Field(() => OperatorOrderField)
  field!: OperatorOrderField;

  @Field(() => SortDirection)
  direction!: SortDirection;
}
