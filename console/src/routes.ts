import type { ComponentType } from 'react';
import { matchPath } from 'react-router-dom';

/** A page of the console: its URL (below the `/console` basename), whether it is drawn inside the signed-in frame, and its chunk. */
export interface PageRoute {
  path: string;
  framed: boolean;
  load: () => Promise<ComponentType>;
}

/**
 * Every page, once: app.tsx makes each a lazy route (its own chunk) and preloadRoute starts the chunk of the page a
 * link opens while the session's first queries run.
 */
export const PAGE_ROUTES: readonly PageRoute[] = [
  {
    path: '/login',
    framed: false,
    load: () => import('./pages/account/login.page').then((m) => m.LoginPage),
  },
  {
    path: '/sign-up',
    framed: false,
    load: () => import('./pages/account/sign-up.page').then((m) => m.SignUpPage),
  },
  {
    path: '/organization',
    framed: true,
    load: () => import('./pages/institution/organization.page').then((m) => m.OrganizationPage),
  },
  {
    path: '/mini-programs',
    framed: true,
    load: () => import('./pages/institution/mini-programs.page').then((m) => m.MiniProgramsPage),
  },
  {
    path: '/mini-programs/:appId',
    framed: true,
    load: () => import('./pages/institution/mini-program.page').then((m) => m.MiniProgramPage),
  },
  {
    path: '/mini-programs/:appId/statistics',
    framed: true,
    load: () =>
      import('./pages/institution/mini-program-statistics.page').then((m) => m.MiniProgramStatisticsPage),
  },
  {
    path: '/members',
    framed: true,
    load: () => import('./pages/institution/members.page').then((m) => m.MembersPage),
  },
  {
    path: '/host-apps',
    framed: true,
    load: () => import('./pages/institution/host-apps.page').then((m) => m.HostAppsPage),
  },
  {
    path: '/host-apps/:id',
    framed: true,
    load: () => import('./pages/institution/host-app.page').then((m) => m.HostAppPage),
  },
  {
    path: '/reviews/organizations',
    framed: true,
    load: () => import('./pages/operator/organization-reviews.page').then((m) => m.OrganizationReviewsPage),
  },
  {
    path: '/reviews/versions',
    framed: true,
    load: () => import('./pages/operator/version-reviews.page').then((m) => m.VersionReviewsPage),
  },
  {
    path: '/operator/organizations',
    framed: true,
    load: () => import('./pages/operator/organizations.page').then((m) => m.OrganizationsPage),
  },
  {
    path: '/operator/mini-programs',
    framed: true,
    load: () => import('./pages/operator/mini-programs.page').then((m) => m.OperatorMiniProgramsPage),
  },
  {
    path: '/operator/overview',
    framed: true,
    load: () => import('./pages/operator/platform-overview.page').then((m) => m.PlatformOverviewPage),
  },
  {
    path: '/operator/operation-log',
    framed: true,
    load: () => import('./pages/operator/operation-log.page').then((m) => m.OperationLogPage),
  },
  {
    path: '/operator/license',
    framed: true,
    load: () => import('./pages/operator/license.page').then((m) => m.LicensePage),
  },
  {
    path: '/operator/search',
    framed: true,
    load: () => import('./pages/operator/search-settings.page').then((m) => m.SearchSettingsPage),
  },
  {
    path: '/operator/whitelist',
    framed: true,
    load: () => import('./pages/operator/whitelist.page').then((m) => m.WhitelistPage),
  },
  {
    path: '/operator/base-libraries',
    framed: true,
    load: () => import('./pages/operator/base-libraries.page').then((m) => m.BaseLibrariesPage),
  },
  {
    path: '/operator/sdk-versions',
    framed: true,
    load: () => import('./pages/operator/sdk-versions.page').then((m) => m.SdkVersionsPage),
  },
  {
    path: '/operator/sdk-config',
    framed: true,
    load: () => import('./pages/operator/sdk-config.page').then((m) => m.SdkConfigPage),
  },
  {
    path: '/reviews/sdk-builds',
    framed: true,
    load: () => import('./pages/operator/sdk-build-reviews.page').then((m) => m.SdkBuildReviewsPage),
  },
  {
    path: '/operator/accounts',
    framed: true,
    load: () => import('./pages/operator/operator-accounts.page').then((m) => m.OperatorAccountsPage),
  },
];

/**
 * Starts loading the chunk of the page at `path` as soon as the app starts, beside the session's first queries
 * (`me`, the caller's organizations), instead of after them: the router only asks for a lazy page once the signed-in
 * frame renders, which waits for `me` (bench:console measured that waterfall). The route's own lazy() then finds the
 * module loaded. Unknown paths load nothing.
 */
export function preloadRoute(path: string): void {
  // A failed preload is not an error here: the route's own lazy import tries again and shows its error.
  routeFor(path)
    ?.load()
    .catch(() => undefined);
}

/** The page drawn at `path` (below the basename), if any; a trailing slash is the same page. */
export function routeFor(path: string): PageRoute | undefined {
  return PAGE_ROUTES.find((route) => matchPath({ path: route.path, end: true }, path));
}
