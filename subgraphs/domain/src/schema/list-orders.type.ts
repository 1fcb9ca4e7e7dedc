import { SORT_DIRECTION_ENUM, SortDirection } from '@grove/platform';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { WhitelistDomainOrderField } from '../store/list-orders';

registerEnumType(SortDirection, SORT_DIRECTION_ENUM);
registerEnumType(WhitelistDomainOrderField, { name: 'WhitelistDomainOrderField' });

@InputType({ description: 'Order of whitelistDomains' })
export class WhitelistDomainOrder {
  @Field(() => WhitelistDomainOrderField)
  field!: WhitelistDomainOrderField;

  @Field(() => SortDirection)
  direction!: SortDirection;
}
