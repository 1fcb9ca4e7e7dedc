import { SortDirection, type KeysetOrder, type ListOrders } from '@grove/platform';

/** The orders clients may ask of sdk's lists (`orderBy`, docs/query-limits.md "Orders"); ties by id. */
export enum SdkBuildOrderField {
  CREATED_AT = 'CREATED_AT',
  VERSION = 'VERSION',
  PLATFORM = 'PLATFORM',
  STATUS = 'STATUS',
}

/** Base libraries and SDK versions: VERSION compares semantic versions (1.10.0 after 1.9.0). */
export enum PlatformReleaseOrderField {
  VERSION = 'VERSION',
  CREATED_AT = 'CREATED_AT',
}

export const SDK_BUILD_ORDERS: ListOrders<SdkBuildOrderField> = {
  list: 'sdkBuilds',
  fields: { CREATED_AT: 'createdAt', VERSION: 'version', PLATFORM: 'platform', STATUS: 'status' },
  default: { field: SdkBuildOrderField.CREATED_AT, direction: SortDirection.DESC },
};

/** The review queue (SUBMITTED builds only, so STATUS is not offered there). */
export const SDK_BUILD_REVIEW_ORDERS: ListOrders<Exclude<SdkBuildOrderField, 'STATUS'>> = {
  list: 'pendingSdkBuildReviews',
  fields: { CREATED_AT: 'createdAt', VERSION: 'version', PLATFORM: 'platform' },
  default: { field: SdkBuildOrderField.CREATED_AT, direction: SortDirection.ASC },
};

export function platformReleaseOrders(list: string): ListOrders<PlatformReleaseOrderField> {
  return {
    list,
    fields: { VERSION: 'version', CREATED_AT: 'createdAt' },
    default: { field: PlatformReleaseOrderField.VERSION, direction: SortDirection.DESC },
  };
}

/** One page of an offset list in a chosen order: `after` (a cursor of `order`) first, then `skip`. */
export interface OrderedPage {
  order: KeysetOrder;
  skip: number;
  take: number;
  after?: string;
}

export const OFFSET_LIST_PAGE = { defaultTake: 20, maxTake: 100 };
