import { registerEnumType } from 'type-graphql';
import { SdkLogLevel } from '../service/sdk-config.schema';
import { SdkBuildStatus } from '../store/sdk-build-review.model';
import { SdkPlatform } from '../store/sdk-platform';

registerEnumType(SdkPlatform, { name: 'SdkPlatform', description: 'Host-app operating system' });
registerEnumType(SdkBuildStatus, {
  name: 'SdkBuildStatus',
  description: 'Review state of a submitted SDK build',
});
registerEnumType(SdkLogLevel, { name: 'SdkLogLevel' });

export { SdkBuildStatus, SdkLogLevel, SdkPlatform };
