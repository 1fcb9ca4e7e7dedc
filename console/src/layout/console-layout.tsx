import { Suspense, useMemo } from 'react';
import { Button, Layout, Menu, Segmented, Space, Spin, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useAuth } from '../auth/auth-context';
import { rememberLanguage, type Language } from '../i18n/i18n';
import { TAG_COLORS } from '../theme';

const INSTITUTION_MENU = [
  { key: '/mini-programs', label: 'menu.miniPrograms' },
  { key: '/host-apps', label: 'inst.menu.hostApps' },
  { key: '/members', label: 'inst.menu.members' },
  { key: '/organization', label: 'menu.organization' },
];
const OPERATOR_MENU: Array<{ key: string; label: string; permission?: string }> = [
  { key: '/reviews/organizations', label: 'menu.organizationReviews' },
  { key: '/reviews/versions', label: 'menu.versionReviews' },
  { key: '/reviews/sdk-builds', label: 'opPlatform.menu.sdkBuildReviews' },
  { key: '/operator/organizations', label: 'operator.menu.organizations' },
  { key: '/operator/mini-programs', label: 'operator.menu.miniPrograms' },
  { key: '/operator/overview', label: 'opInsight.menu.overview' },
  { key: '/operator/operation-log', label: 'opInsight.menu.operationLog' },
  { key: '/operator/license', label: 'opInsight.menu.license' },
  { key: '/operator/search', label: 'opSearch.menu' },
  { key: '/operator/whitelist', label: 'opPlatform.menu.whitelist' },
  { key: '/operator/base-libraries', label: 'opPlatform.menu.baseLibraries' },
  { key: '/operator/sdk-versions', label: 'opPlatform.menu.sdkVersions' },
  { key: '/operator/sdk-config', label: 'opPlatform.menu.sdkConfig' },
  // Only for those who may manage accounts (the server checks operator:manage on every call).
  { key: '/operator/accounts', label: 'opPlatform.menu.operators', permission: 'operator:manage' },
];

/** Switches zh-CN / en; every string, date and number follows. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Segmented
      aria-label={t('common.language')}
      value={i18n.language}
      options={[
        { label: '中文', value: 'zh-CN' },
        { label: 'English', value: 'en' },
      ]}
      onChange={(value) => {
        rememberLanguage(value as Language);
        void i18n.changeLanguage(value as string);
      }}
    />
  );
}

/** The signed-in frame: the role's menu (operator 运营端 or institution 企业端), who is signed in, language, sign out. */
export function ConsoleLayout() {
  const { t } = useTranslation();
  const { viewer, isOperator, signOut } = useAuth();
  const location = useLocation();
  const menu = isOperator
    ? OPERATOR_MENU.filter((item) => !item.permission || viewer?.permissions.includes(item.permission))
    : INSTITUTION_MENU;
  const selected = useMemo(
    () => menu.filter((item) => location.pathname.startsWith(item.key)).map((item) => item.key),
    [menu, location.pathname],
  );
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} theme="light" width={208}>
        <div style={{ padding: 16 }}>
          <Typography.Title level={4} style={{ margin: 0 }}>
            Grove
          </Typography.Title>
          <Typography.Text>
            {isOperator ? t('layout.operatorConsole') : t('layout.institutionConsole')}
          </Typography.Text>
        </div>
        <nav aria-label={t('layout.navigation')}>
          <Menu
            mode="inline"
            selectedKeys={selected}
            items={menu.map((item) => ({ key: item.key, label: <Link to={item.key}>{t(item.label)}</Link> }))}
          />
        </nav>
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            background: '#fff',
            display: 'flex',
            justifyContent: 'flex-end',
            alignItems: 'center',
            paddingInline: 24,
          }}
        >
          <Space size="middle">
            <LanguageSwitch />
            {isOperator && <Tag color={TAG_COLORS.green}>{t('layout.operator')}</Tag>}
            <Typography.Text>{viewer?.user.displayName}</Typography.Text>
            <Button onClick={signOut}>{t('layout.signOut')}</Button>
          </Space>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <main>
            {/* The frame stays while a page's chunk loads (a boundary above it would unmount and redraw it). */}
            <Suspense fallback={<Spin style={{ display: 'block', margin: '10vh auto' }} size="large" />}>
              <Outlet />
            </Suspense>
          </main>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
