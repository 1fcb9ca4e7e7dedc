import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { App as AntApp, ConfigProvider, Spin } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router-dom';
import { Provider as UrqlProvider } from 'urql';
import { AuthProvider, useAuth } from './auth/auth-context';
import { SessionManager } from './auth/session-manager';
import { bootAwareFetch, readBootState } from './boot/boot-requests';
import { createGraphqlClient } from './graphql/client';
import { ConsoleLayout } from './layout/console-layout';
import { PAGE_ROUTES } from './routes';
import { consoleTheme } from './theme';

// Every page is its own chunk: the first load carries the shell, the rest comes with the route.
const lazyPages = PAGE_ROUTES.map((route) => ({
  ...route,
  Page: lazy(() => route.load().then((Page) => ({ default: Page }))),
}));
const openPages = lazyPages.filter((route) => !route.framed);
const framedPages = lazyPages.filter((route) => route.framed);

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
        {openPages.map(({ path, Page }) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
        <Route
          element={
            <RequireSession>
              <ConsoleLayout />
            </RequireSession>
          }
        >
          <Route index element={<Home />} />
          {framedPages.map(({ path, Page }) => (
            <Route key={path} path={path.slice(1)} element={<Page />} />
          ))}
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
  const client = useMemo(
    // Only the first client (this page load's session) may take the boot script's answers.
    () =>
      createGraphqlClient(
        manager,
        '/graphql',
        generation === 0 ? bootAwareFetch(readBootState()) : undefined,
      ),
    [manager, generation],
  );
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
