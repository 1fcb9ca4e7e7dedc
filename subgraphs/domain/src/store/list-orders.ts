import { SortDirection, type ListOrders } from '@grove/platform';

/** The orders clients may ask of `whitelistDomains` (`orderBy`, docs/query-limits.md "Orders"); ties by id. */
export enum WhitelistDomainOrderField {
  DOMAIN = 'DOMAIN',
  CREATED_AT = 'CREATED_AT',
}

export const WHITELIST_ORDERS: ListOrders<WhitelistDomainOrderField> = {
  list: 'whitelistDomains',
  fields: { DOMAIN: '_id', CREATED_AT: 'createdAt' },
  default: { field: WhitelistDomainOrderField.DOMAIN, direction: SortDirection.ASC },
};
