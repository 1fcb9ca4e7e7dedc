import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Provider as UrqlProvider } from 'urql';
import { AuthProvider, useAuth } from './auth/auth-context';
import { SessionManager } from './auth/session-manager';
import { createGraphqlClient } from './graphql/client';
import { ConsoleLayout } from './layout/console-layout';
import { consoleTheme } from './theme';

// Every page is its own chunk: the first load carries the shell, the rest comes with the route.
const LoginPage = lazy(() => import('./pages/account/login.page').then((m) => ({ default: m.LoginPage })));
const SignUpPage = lazy(() =>
  import('./pages/account/sign-up.page').then((m) => ({ default: m.SignUpPage })),
);
const OrganizationPage = lazy(() =>
  import('./pages/institution/organization.page').then((m) => ({ default: m.OrganizationPage })),
);
const MiniProgramsPage = lazy(() =>
  import('./pages/institution/mini-programs.page').then((m) => ({ default: m.MiniProgramsPage })),
);
const MiniProgramPage = lazy(() =>
  import('./pages/institution/mini-program.page').then((m) => ({ default: m.MiniProgramPage })),
);
const MembersPage = lazy(() =>
  import('./pages/institution/members.page').then((m) => ({ default: m.MembersPage })),
);
const HostAppsPage = lazy(() =>
  import('./pages/institution/host-apps.page').then((m) => ({ default: m.HostAppsPage })),
);
const HostAppPage = lazy(() =>
  import('./pages/institution/host-app.page').then((m) => ({ default: m.HostAppPage })),
);
const OrganizationReviewsPage = lazy(() =>
  import('./pages/operator/organization-reviews.page').then((m) => ({ default: m.OrganizationReviewsPage })),
);
const VersionReviewsPage = lazy(() =>
  import('./pages/operator/version-reviews.page').then((m) => ({ default: m.VersionReviewsPage })),
);
const OperatorOrganizationsPage = lazy(() =>
  import('./pages/operator/organizations.page').then((m) => ({ default: m.OrganizationsPage })),
);
const OperatorMiniProgramsPage = lazy(() =>
  import('./pages/operator/mini-programs.page').then((m) => ({ default: m.OperatorMiniProgramsPage })),
);

const PlatformOverviewPage = lazy(() =>
  import('./pages/operator/platform-overview.page').then((m) => ({ default: m.PlatformOverviewPage })),
);
const OperationLogPage = lazy(() =>
  import('./pages/operator/operation-log.page').then((m) => ({ default: m.OperationLogPage })),
);
const LicensePage = lazy(() =>
  import('./pages/operator/license.page').then((m) => ({ default: m.LicensePage })),
);
const WhitelistPage = lazy(() =>
  import('./pages/operator/whitelist.page').then((m) => ({ default: m.WhitelistPage })),
);
const BaseLibrariesPage = lazy(() =>
  import('./pages/operator/base-libraries.page').then((m) => ({ default: m.BaseLibrariesPage })),
);
const SdkVersionsPage = lazy(() =>
  import('./pages/operator/sdk-versions.page').then((m) => ({ default: m.SdkVersionsPage })),
);
const SdkConfigPage = lazy(() =>
  import('./pages/operator/sdk-config.page').then((m) => ({ default: m.SdkConfigPage })),
);
const SdkBuildReviewsPage = lazy(() =>
  import('./pages/operator/sdk-build-reviews.page').then((m) => ({ default: m.SdkBuildReviewsPage })),
);
const OperatorAccountsPage = lazy(() =>
  import('./pages/operator/operator-accounts.page').then((m) => ({ default: m.OperatorAccountsPage })),
);

export const BASENAME = '/console';

function Loading() {
  const { t } = useTranslation();
  return (
    <Spin style={{ display: 'block', margin: '20vh auto' }} tip={t('common.loading')} size="large">
      <div />
    </Spin>
  );
}

/** Pages behind sign-in: no session → login (remembering where the person was going). */
function RequireSession({ children }: { children: JSX.Element }) {
  const { session, loading } = useAuth();
  const location = useLocation();
  if (!session)
    return <Navigate to="/login" replace state={{ from: `${location.pathname}${location.search}` }} />;
  if (loading) return <Loading />;
  return children;
}

/** The role decides the home page; the server still decides what each operation may do. */
function Home() {
  const { isOperator } = useAuth();
  return <Navigate to={isOperator ? '/reviews/organizations' : '/mini-programs'} replace />;
}

function ConsoleRoutes() {
  return (
    <Suspense fallback={<Loading />}>
      <Routes>
        <Route path="/login" element={<LoginPage />} />
        <Route path="/sign-up" element={<SignUpPage />} />
        <Route
          element={
            <RequireSession>
              <ConsoleLayout />
            </RequireSession>
          }
        >
          <Route index element={<Home />} />
          <Route path="organization" element={<OrganizationPage />} />
          <Route path="mini-programs" element={<MiniProgramsPage />} />
          <Route path="mini-programs/:appId" element={<MiniProgramPage />} />
          <Route path="members" element={<MembersPage />} />
          <Route path="host-apps" element={<HostAppsPage />} />
          <Route path="host-apps/:id" element={<HostAppPage />} />
          <Route path="reviews/organizations" element={<OrganizationReviewsPage />} />
          <Route path="reviews/versions" element={<VersionReviewsPage />} />
          <Route path="operator/organizations" element={<OperatorOrganizationsPage />} />
          <Route path="operator/mini-programs" element={<OperatorMiniProgramsPage />} />
          <Route path="operator/overview" element={<PlatformOverviewPage />} />
          <Route path="operator/operation-log" element={<OperationLogPage />} />
          <Route path="operator/license" element={<LicensePage />} />
          <Route path="operator/whitelist" element={<WhitelistPage />} />
          <Route path="operator/base-libraries" element={<BaseLibrariesPage />} />
          <Route path="operator/sdk-versions" element={<SdkVersionsPage />} />
          <Route path="operator/sdk-config" element={<SdkConfigPage />} />
          <Route path="reviews/sdk-builds" element={<SdkBuildReviewsPage />} />
          <Route path="operator/accounts" element={<OperatorAccountsPage />} />
          <Route path="*" element={<Home />} />
        </Route>
      </Routes>
    </Suspense>
  );
}

export function App() {
  const { i18n } = useTranslation();
  const manager = useMemo(
    () => new SessionManager({ endpoint: '/graphql', storage: window.localStorage }),
    [],
  );
  // A new client (an empty cache) after each sign-out: the next person never sees the last one's data, even briefly.
  const [generation, setGeneration] = useState(0);
  useEffect(() => manager.subscribe((session) => !session && setGeneration((g) => g + 1)), [manager]);
  const client = useMemo(() => createGraphqlClient(manager), [manager, generation]);
  const theme = useMemo(
    () => consoleTheme(window.matchMedia('(prefers-reduced-motion: reduce)').matches),
    [],
  );
  return (
    <ConfigProvider
      locale={i18n.language === 'en' ? enUS : zhCN}
      theme={theme}
      button={{ autoInsertSpace: false }}
    >
      <AntApp>
        <UrqlProvider value={client}>
          <BrowserRouter
            basename={BASENAME}
            future={{ v7_startTransition: true, v7_relativeSplatPath: true }}
          >
            <AuthProvider manager={manager}>
              <ConsoleRoutes />
            </AuthProvider>
          </BrowserRouter>
        </UrqlProvider>
      </AntApp>
    </ConfigProvider>
  );
}
