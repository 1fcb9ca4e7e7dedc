import { SortDirection, type ListOrders } from '@grove/platform';

/** The orders clients may ask of account's lists (`orderBy`, docs/query-limits.md "Orders"); ties by id. */
export enum OrganizationOrderField {
  CREATED_AT = 'CREATED_AT',
  SUBMITTED_AT = 'SUBMITTED_AT',
  NAME = 'NAME',
  STATUS = 'STATUS',
}

export enum MemberOrderField {
  JOINED_AT = 'JOINED_AT',
  ROLE = 'ROLE',
}

export enum OperatorOrderField {
  CREATED_AT = 'CREATED_AT',
  DISPLAY_NAME = 'DISPLAY_NAME',
}

export const ORGANIZATION_ORDERS: ListOrders<OrganizationOrderField> = {
  list: 'organizations',
  fields: { CREATED_AT: 'createdAt', SUBMITTED_AT: 'submittedAt', NAME: 'name', STATUS: 'status' },
  default: { field: OrganizationOrderField.CREATED_AT, direction: SortDirection.DESC },
};

/** Memberships: the tie-breaker is the membership's id. */
export const MEMBER_ORDERS: ListOrders<MemberOrderField> = {
  list: 'members',
  fields: { JOINED_AT: 'createdAt', ROLE: 'role' },
  default: { field: MemberOrderField.JOINED_AT, direction: SortDirection.ASC },
};

export const OPERATOR_ORDERS: ListOrders<OperatorOrderField> = {
  list: 'operators',
  fields: { CREATED_AT: 'createdAt', DISPLAY_NAME: 'displayName' },
  default: { field: OperatorOrderField.CREATED_AT, direction: SortDirection.ASC },
};

export const ORGANIZATIONS_PAGE = { defaultTake: 20, maxTake: 100 };
