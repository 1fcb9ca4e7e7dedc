/**
 * The page a link opens starts downloading as soon as the app starts, beside the session's first queries (`me`, the
 * caller's organizations), instead of after them: the router only asks for a lazy page once the signed-in frame
 * renders, which waits for `me` (bench:console measured that waterfall). The imports are the same modules app.tsx
 * loads lazily, so they resolve to the same chunks and the route's own `lazy()` finds them already loaded.
 */
const ROUTE_CHUNKS: Array<[RegExp, () => Promise<unknown>]> = [
  [/^\/login\/?$/, () => import('./pages/account/login.page')],
  [/^\/sign-up\/?$/, () => import('./pages/account/sign-up.page')],
  [/^\/organization\/?$/, () => import('./pages/institution/organization.page')],
  [/^\/mini-programs\/?$/, () => import('./pages/institution/mini-programs.page')],
  [/^\/mini-programs\/[^/]+\/?$/, () => import('./pages/institution/mini-program.page')],
  [/^\/reviews\/organizations\/?$/, () => import('./pages/operator/organization-reviews.page')],
  [/^\/reviews\/versions\/?$/, () => import('./pages/operator/version-reviews.page')],
  [/^\/operator\/organizations\/?$/, () => import('./pages/operator/organizations.page')],
  [/^\/operator\/mini-programs\/?$/, () => import('./pages/operator/mini-programs.page')],
  [/^\/operator\/overview\/?$/, () => import('./pages/operator/platform-overview.page')],
  [/^\/operator\/operation-log\/?$/, () => import('./pages/operator/operation-log.page')],
  [/^\/operator\/license\/?$/, () => import('./pages/operator/license.page')],
  [/^\/operator\/whitelist\/?$/, () => import('./pages/operator/whitelist.page')],
  [/^\/operator\/base-libraries\/?$/, () => import('./pages/operator/base-libraries.page')],
  [/^\/operator\/sdk-versions\/?$/, () => import('./pages/operator/sdk-versions.page')],
  [/^\/operator\/sdk-config\/?$/, () => import('./pages/operator/sdk-config.page')],
  [/^\/reviews\/sdk-builds\/?$/, () => import('./pages/operator/sdk-build-reviews.page')],
  [/^\/operator\/accounts\/?$/, () => import('./pages/operator/operator-accounts.page')],
];

/** Starts loading the chunk of the page at `path` (below the app's basename); unknown paths load nothing. */
export function preloadRoute(path: string): void {
  const load = ROUTE_CHUNKS.find(([pattern]) => pattern.test(path))?.[1];
  // A failed preload is not an error here: the route's own lazy import tries again and shows its error.
  load?.().catch(() => undefined);
}
