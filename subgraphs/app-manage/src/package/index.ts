export { validateMiniProgramPackage } from './mini-program-package.validator';
export {
  PackageProblem,
  DEFAULT_MAX_ENTRIES,
  DEFAULT_UNCOMPRESSED_FACTOR,
  type PackageEntry,
  type PackageManifest,
  type PackageValidationOptions,
} from './package-manifest';
export {
  w3cManifestSchema,
  W3C_MANIFEST_FILE,
  W3C_PAGE_EXTENSION,
  type W3cManifest,
} from './w3c-miniapp.layout';
export {
  wechatAppJsonSchema,
  WECHAT_APP_FILE,
  WECHAT_PAGE_EXTENSIONS,
  type WechatAppJson,
} from './wechat-miniprogram.layout';
