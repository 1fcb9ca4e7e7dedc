/** Host-app operating systems an SDK, SDK build or base library is made for. */
export const SdkPlatform = { IOS: 'IOS', ANDROID: 'ANDROID', HARMONY: 'HARMONY' } as const;
export type SdkPlatform = (typeof SdkPlatform)[keyof typeof SdkPlatform];
export const SDK_PLATFORMS = Object.values(SdkPlatform) as [SdkPlatform, ...SdkPlatform[]];
