import { BadUserInputError } from '@grove/platform';
import { z } from 'zod';
import { PAGE_ROUTE, parsePackageJson, requireFiles } from './package-json-file';
import { PackageProblem } from './package-manifest';

export const WECHAT_APP_FILE = 'app.json';

const route = z
  .string()
  .regex(PAGE_ROUTE, { error: 'must be a relative page route such as pages/index/index' });
const subPackage = z.looseObject({
  root: z.string().regex(PAGE_ROUTE, { error: 'must be a relative directory' }),
  pages: z.array(route),
});

/** The `app.json` members Grove relies on (window, tabBar… pass through). */
export const wechatAppJsonSchema = z.looseObject({
  pages: z.array(route).min(1, { error: 'must list at least one page' }),
  // Both spellings are accepted by the WeChat tool chain.
  subPackages: z.array(subPackage).optional(),
  subpackages: z.array(subPackage).optional(),
});
export type WechatAppJson = z.infer<typeof wechatAppJsonSchema>;

/** Files every page needs: its logic and its structure (`.json` and `.wxss` are optional). */
export const WECHAT_PAGE_EXTENSIONS = ['.js', '.wxml'] as const;

/**
 * WeChat-style layout: `app.js` and `app.json` at the root, and for each page route listed in
 * `app.json` (sub-package pages under their root) a `.js` and a `.wxml` with the same path.
 * Returns every page route, sub-package pages prefixed with their root.
 */
export function checkWechatLayout(files: ReadonlyMap<string, number>, appJsonData: Buffer): string[] {
  const app = parsePackageJson(WECHAT_APP_FILE, appJsonData, wechatAppJsonSchema);
  requireFiles(files, ['app.js']);

  const pages = [...app.pages];
  for (const sub of [...(app.subPackages ?? []), ...(app.subpackages ?? [])]) {
    for (const page of sub.pages) pages.push(`${sub.root}/${page}`);
  }
  const missingFiles: string[] = [];
  const missingPages = pages.filter((page) => {
    const absent = WECHAT_PAGE_EXTENSIONS.map((ext) => page + ext).filter((file) => !files.has(file));
    missingFiles.push(...absent);
    return absent.length > 0;
  });
  if (missingPages.length) {
    throw new BadUserInputError(
      `Pages without their ${WECHAT_PAGE_EXTENSIONS.join(' and ')} files: ${missingPages.join(', ')}`,
      {
        reason: PackageProblem.PAGE_MISSING,
        pages: missingPages,
        missingFiles,
      },
    );
  }
  return pages;
}
