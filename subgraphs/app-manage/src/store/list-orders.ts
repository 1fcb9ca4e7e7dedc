import { SortDirection, type KeysetOrder, type ListOrders } from '@grove/platform';

/** The orders clients may ask of app-manage's lists (`orderBy`, docs/query-limits.md "Orders"); ties by id. */
export enum MiniProgramOrderField {
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  NAME = 'NAME',
  STATUS = 'STATUS',
}

export enum VersionOrderField {
  CREATED_AT = 'CREATED_AT',
  VERSION_NAME = 'VERSION_NAME',
  STATUS = 'STATUS',
}

export enum VersionReviewOrderField {
  SUBMITTED_AT = 'SUBMITTED_AT',
  VERSION_NAME = 'VERSION_NAME',
}

export enum HostAppOrderField {
  CREATED_AT = 'CREATED_AT',
  NAME = 'NAME',
}

export const MINI_PROGRAM_ORDERS: ListOrders<MiniProgramOrderField> = {
  list: 'miniPrograms',
  fields: { CREATED_AT: 'createdAt', UPDATED_AT: 'updatedAt', NAME: 'name', STATUS: 'status' },
  default: { field: MiniProgramOrderField.CREATED_AT, direction: SortDirection.DESC },
};

export const VERSION_ORDERS: ListOrders<VersionOrderField> = {
  list: 'versions',
  fields: { CREATED_AT: 'createdAt', VERSION_NAME: 'versionName', STATUS: 'status' },
  default: { field: VersionOrderField.CREATED_AT, direction: SortDirection.DESC },
};

/** The review queue holds SUBMITTED versions only, which all have `submittedAt`. */
export const VERSION_REVIEW_ORDERS: ListOrders<VersionReviewOrderField> = {
  list: 'pendingReviews',
  fields: { SUBMITTED_AT: 'submittedAt', VERSION_NAME: 'versionName' },
  default: { field: VersionReviewOrderField.SUBMITTED_AT, direction: SortDirection.ASC },
};

export const HOST_APP_ORDERS: ListOrders<HostAppOrderField> = {
  list: 'hostApps',
  fields: { CREATED_AT: 'createdAt', NAME: 'name' },
  default: { field: HostAppOrderField.CREATED_AT, direction: SortDirection.DESC },
};

/** Offset lists (`skip`, `take`) that also take `after`. */
export const OFFSET_LIST_PAGE = { defaultTake: 20, maxTake: 100 };

/** One page of an offset list in a chosen order: `after` (a cursor of `order`) first, then `skip`. */
export interface OrderedPage {
  order: KeysetOrder;
  skip: number;
  take: number;
  after?: string;
}
