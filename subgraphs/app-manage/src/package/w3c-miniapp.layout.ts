import { BadUserInputError } from '@grove/platform';
import { z } from 'zod';
import { PAGE_ROUTE, parsePackageJson, requireFiles } from './package-json-file';
import { PackageProblem } from './package-manifest';

export const W3C_MANIFEST_FILE = 'manifest.json';

const route = z
  .string()
  .regex(PAGE_ROUTE, { error: 'must be a relative page route such as pages/index/index' });
/** An icon `src` is a resource inside the package (a leading `/` means the package root). */
const packagePath = z
  .string()
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  .regex(/^\/?(?!.*(?:^|\/)\.\.(?:\/|$))[^:\\\u0000-\u001f]+$/, {
    error: 'must be a path inside the package',
  })
  .transform((src) => src.replace(/^\//, ''));

/**
 * The W3C MiniApp manifest members Grove relies on; other members (window, widgets, i18n…) pass
 * through untouched. https://www.w3.org/TR/miniapp-manifest/
 */
export const w3cManifestSchema = z.looseObject({
  app_id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/, { error: 'must be 1-128 letters, digits, ".", "_" or "-"' }),
  name: z.string().trim().min(1).max(100),
  version: z.looseObject({
    code: z.number().int().min(0).max(2_147_483_647),
    name: z.string().trim().min(1).max(64),
  }),
  platform_version: z.looseObject({
    min_code: z.number().int().min(0).max(2_147_483_647),
  }),
  pages: z.array(route).min(1, { error: 'must list at least one page' }),
  icons: z.array(z.looseObject({ src: packagePath })).min(1, { error: 'must list at least one icon' }),
});
export type W3cManifest = z.infer<typeof w3cManifestSchema>;

/** Extension of the resource that must exist for each page route (the page's HTML resource). */
export const W3C_PAGE_EXTENSION = '.html';

/**
 * W3C MiniApp packaging: the root holds `manifest.json`, `app.js` and `app.css`; a page is composed of
 * at least an HTML resource (optionally CSS and script) at its route, e.g. `pages/detail/detail.html`.
 * https://www.w3.org/TR/miniapp-packaging/#sec-miniapp-resources
 */
export function checkW3cLayout(files: ReadonlyMap<string, number>, manifestData: Buffer): W3cManifest {
  const manifest = parsePackageJson(W3C_MANIFEST_FILE, manifestData, w3cManifestSchema);
  requireFiles(files, ['app.js', 'app.css']);

  const missingPages = manifest.pages.filter((page) => !files.has(page + W3C_PAGE_EXTENSION));
  if (missingPages.length) {
    throw new BadUserInputError(
      `Pages without their ${W3C_PAGE_EXTENSION} resource: ${missingPages.join(', ')}`,
      {
        reason: PackageProblem.PAGE_MISSING,
        pages: missingPages,
        missingFiles: missingPages.map((page) => page + W3C_PAGE_EXTENSION),
      },
    );
  }
  const missingIcons = [...new Set(manifest.icons.map((icon) => icon.src))].filter((src) => !files.has(src));
  if (missingIcons.length) {
    throw new BadUserInputError(`Icons not in the package: ${missingIcons.join(', ')}`, {
      reason: PackageProblem.ICON_MISSING,
      icons: missingIcons,
    });
  }
  return manifest;
}
