import { SORT_DIRECTION_ENUM, SortDirection } from '@grove/platform';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { ReleasePlanOrderField } from '../store/list-orders';

registerEnumType(SortDirection, SORT_DIRECTION_ENUM);
registerEnumType(ReleasePlanOrderField, { name: 'ReleasePlanOrderField' });

@InputType({ description: 'Order of releasePlans' })
export class ReleasePlanOrder {
  @Field(() => ReleasePlanOrderField)
  field!: ReleasePlanOrderField;

  @Field(() => SortDirection)
  direction!: SortDirection;
}
