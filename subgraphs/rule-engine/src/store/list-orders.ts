import { SortDirection, type ListOrders } from '@grove/platform';

/** The orders clients may ask of `releasePlans` (`orderBy`, docs/query-limits.md "Orders"); ties by id. */
export enum ReleasePlanOrderField {
  STARTED_AT = 'STARTED_AT',
  UPDATED_AT = 'UPDATED_AT',
  STATE = 'STATE',
  PERCENTAGE = 'PERCENTAGE',
}

export const RELEASE_PLAN_ORDERS: ListOrders<ReleasePlanOrderField> = {
  list: 'releasePlans',
  fields: { STARTED_AT: 'createdAt', UPDATED_AT: 'updatedAt', STATE: 'state', PERCENTAGE: 'percentage' },
  default: { field: ReleasePlanOrderField.STARTED_AT, direction: SortDirection.DESC },
};
