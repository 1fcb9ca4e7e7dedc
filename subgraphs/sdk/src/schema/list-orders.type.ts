import { SORT_DIRECTION_ENUM, SortDirection } from '@grove/platform';
import { Field, InputType, registerEnumType } from 'type-graphql';
import { PlatformReleaseOrderField, SdkBuildOrderField } from '../store/list-orders';

registerEnumType(SortDirection, SORT_DIRECTION_ENUM);
registerEnumType(SdkBuildOrderField, {
  name: 'SdkBuildOrderField',
  description: 'STATUS is refused by pendingSdkBuildReviews (every build there is SUBMITTED)',
});
registerEnumType(PlatformReleaseOrderField, {
  name: 'PlatformReleaseOrderField',
  description: 'VERSION compares semantic versions (1.10.0 after 1.9.0; a pre-release before its release)',
});

@InputType({ description: 'Order of sdkBuilds and pendingSdkBuildReviews' })
export class SdkBuildOrder {
  @Field(() => SdkBuildOrderField)
  field!: SdkBuildOrderField;

  @Field(() => SortDirection)
  direction!: SortDirection;
}

@InputType({ description: 'Order of baseLibraries and sdkVersions' })
export class PlatformReleaseOrder {
  @Field(() => PlatformReleaseOrderField)
  field!: PlatformReleaseOrderField;

  @Field(() => SortDirection)
  direction!: SortDirection;
}
