import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Popconfirm,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import {
  InstitutionDisableHostAppDocument,
  InstitutionEnableHostAppDocument,
  InstitutionHostAppDocument,
  InstitutionLinkMiniProgramDocument,
  InstitutionRotateHostAppSecretDocument,
  InstitutionUnlinkMiniProgramDocument,
  InstitutionUpdateHostAppDocument,
  type OrgRole,
} from '../../../../schema/generated/graphql';
import { useAuth } from '../../auth/auth-context';
import { formatDateTime } from '../../lib/format';
import { apiErrors, splitFieldErrors } from '../../lib/graphql-errors';
import { TAG_COLORS } from '../../theme';
import { HostAppCredentials, type ShownCredentials } from './host-app-credentials';
import { HostAppIdentifierFields, LINK_COLORS, type HostAppForm } from './host-apps.page';
import { canManage } from './org-roles';
import { SdkConfigPanel } from './sdk-config-panel';

/** 企业端: one host app — its identifiers, secret rotation, enable/disable, linked mini-programs and SDK configuration. */
export function HostAppPage() {
  const { id = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { viewer } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = ['links', 'sdk'].includes(params.get('tab') ?? '') ? params.get('tab')! : 'details';
  const [{ data, fetching, error }, refetch] = useQuery({
    query: InstitutionHostAppDocument,
    variables: { id },
  });
  const [{ fetching: saving }, update] = useMutation(InstitutionUpdateHostAppDocument);
  const [, rotate] = useMutation(InstitutionRotateHostAppSecretDocument);
  const [, enable] = useMutation(InstitutionEnableHostAppDocument);
  const [, disable] = useMutation(InstitutionDisableHostAppDocument);
  const [{ fetching: linking }, link] = useMutation(InstitutionLinkMiniProgramDocument);
  const [, unlink] = useMutation(InstitutionUnlinkMiniProgramDocument);
  const [shown, setShown] = useState<ShownCredentials | null>(null);
  const [form] = Form.useForm<HostAppForm>();
  const [linkForm] = Form.useForm<{ appId: string }>();
  const app = data?.hostApp;
  const manager = canManage(
    viewer?.memberships.find((m) => m.orgId === app?.orgId)?.role as OrgRole | undefined,
  );
  const reload = () => refetch({ requestPolicy: 'network-only' });

  useEffect(() => {
    if (app)
      form.setFieldsValue({
        name: app.name,
        iosBundleIds: [...app.iosBundleIds],
        androidPackageNames: [...app.androidPackageNames],
        harmonyBundleNames: [...app.harmonyBundleNames],
      });
  }, [app, form]);

  if (error && !app) return <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />;
  if (!fetching && data && !app) return <Empty description={t('inst.hostApps.notFound')} />;

  const act = async (run: () => Promise<{ error?: Parameters<typeof apiErrors>[0] }>, done: string) => {
    const result = await run();
    const first = apiErrors(result.error)[0];
    if (first) void message.error(first.message);
    else void message.success(done);
    reload();
  };

  const save = async (values: HostAppForm) => {
    const result = await update({ id, input: { ...values, name: values.name.trim() } });
    if (!result.data) {
      const { fieldErrors, other } = splitFieldErrors(apiErrors(result.error), [
        'name',
        'iosBundleIds',
        'androidPackageNames',
        'harmonyBundleNames',
      ] as const);
      form.setFields(fieldErrors);
      if (other[0]) void message.error(other[0].message);
      return;
    }
    void message.success(t('inst.saved'));
  };

  const rotateSecret = async () => {
    const result = await rotate({ id });
    if (!result.data) return void message.error(apiErrors(result.error)[0]?.message);
    const c = result.data.rotateHostAppSecret;
    void message.success(t('inst.hostApps.rotated'));
    setShown({ name: c.hostApp.name, sdkKey: c.sdkKey, sdkSecret: c.sdkSecret });
    reload();
  };

  const linkApp = async ({ appId }: { appId: string }) => {
    const result = await link({ hostAppId: id, appId: appId.trim() });
    if (!result.data) {
      linkForm.setFields([{ name: 'appId', errors: [apiErrors(result.error)[0]?.message ?? ''] }]);
      return;
    }
    void message.success(t('inst.hostApps.linked'));
    linkForm.resetFields();
    reload();
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/host-apps">{t('inst.hostApps.title')}</Link> },
          { title: app?.name ?? id },
        ]}
      />
      <Space align="center">
        <Typography.Title level={2} style={{ margin: 0 }}>
          {app?.name}
        </Typography.Title>
        {app && (
          <Tag color={app.enabled ? TAG_COLORS.green : TAG_COLORS.gray}>
            {app.enabled ? t('inst.hostApps.enabled') : t('inst.hostApps.disabled')}
          </Tag>
        )}
      </Space>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'details' ? {} : { tab: key })}
        items={[
          {
            key: 'details',
            label: t('inst.hostApps.detailsTab'),
            children: app && (
              <Space align="start" wrap size="middle">
                <Card size="small" style={{ width: 440 }}>
                  <Descriptions column={1} size="small">
                    <Descriptions.Item label={t('inst.hostApps.sdkKey')}>
                      <Typography.Text code copyable>
                        {app.sdkKey}
                      </Typography.Text>
                    </Descriptions.Item>
                    <Descriptions.Item label={t('inst.hostApps.secret')}>
                      {t('inst.hostApps.secretHint', { hint: app.secretHint })}
                    </Descriptions.Item>
                    <Descriptions.Item label={t('inst.hostApps.rotatedAt')}>
                      {formatDateTime(app.secretRotatedAt, i18n.language)}
                    </Descriptions.Item>
                  </Descriptions>
                  {manager && (
                    <Space wrap>
                      <Popconfirm
                        title={t('inst.hostApps.rotateConfirm')}
                        okText={t('common.confirm')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={rotateSecret}
                      >
                        <Button danger>{t('inst.hostApps.rotate')}</Button>
                      </Popconfirm>
                      {app.enabled ? (
                        <Popconfirm
                          title={t('inst.hostApps.disableConfirm')}
                          okText={t('common.confirm')}
                          okButtonProps={{ danger: true }}
                          cancelText={t('common.cancel')}
                          onConfirm={() => act(() => disable({ id }), t('inst.hostApps.disabledDone'))}
                        >
                          <Button>{t('inst.hostApps.disable')}</Button>
                        </Popconfirm>
                      ) : (
                        <Button onClick={() => act(() => enable({ id }), t('inst.hostApps.enabledDone'))}>
                          {t('inst.hostApps.enable')}
                        </Button>
                      )}
                    </Space>
                  )}
                </Card>
                <Card size="small" style={{ width: 440 }}>
                  <Form<HostAppForm> form={form} layout="vertical" onFinish={save} disabled={!manager}>
                    <Form.Item
                      name="name"
                      label={t('inst.hostApps.name')}
                      rules={[
                        { required: true, whitespace: true, message: t('validation.required') },
                        { max: 64 },
                      ]}
                    >
                      <Input />
                    </Form.Item>
                    <HostAppIdentifierFields />
                    <Button type="primary" htmlType="submit" loading={saving}>
                      {t('inst.hostApps.save')}
                    </Button>
                  </Form>
                </Card>
              </Space>
            ),
          },
          {
            key: 'links',
            label: t('inst.hostApps.linksTab'),
            children: (
              <Space direction="vertical" style={{ width: '100%' }}>
                {manager && (
                  <Form form={linkForm} layout="inline" onFinish={linkApp}>
                    <Form.Item
                      name="appId"
                      label={t('inst.hostApps.linkAppId')}
                      tooltip={t('inst.hostApps.linkAppIdHint')}
                      rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
                    >
                      <Input style={{ width: 260 }} />
                    </Form.Item>
                    <Button htmlType="submit" loading={linking}>
                      {t('inst.hostApps.link')}
                    </Button>
                  </Form>
                )}
                <Table
                  rowKey="id"
                  loading={fetching}
                  dataSource={app?.links ?? []}
                  pagination={{ pageSize: 20, hideOnSinglePage: true }}
                  locale={{ emptyText: <Empty description={t('inst.hostApps.linksEmpty')} /> }}
                  columns={[
                    {
                      title: t('inst.hostApps.miniProgram'),
                      render: (_, l) => (
                        <Space direction="vertical" size={0}>
                          {l.miniProgram?.name ?? ''}
                          <Typography.Text code>{l.appId}</Typography.Text>
                        </Space>
                      ),
                    },
                    {
                      title: t('inst.hostApps.linkStatus'),
                      render: (_, l) => (
                        <Tag color={LINK_COLORS[l.status]}>
                          {t(`inst.hostApps.linkStatusName.${l.status}`)}
                        </Tag>
                      ),
                    },
                    {
                      title: t('inst.hostApps.requestedAt'),
                      render: (_, l) => formatDateTime(l.createdAt, i18n.language),
                    },
                    {
                      title: t('common.actions'),
                      render: (_, l) =>
                        manager && l.status !== 'REJECTED' ? (
                          <Popconfirm
                            title={t('inst.hostApps.unlinkConfirm', { appId: l.appId })}
                            okText={t('common.confirm')}
                            okButtonProps={{ danger: true }}
                            cancelText={t('common.cancel')}
                            onConfirm={() =>
                              act(
                                () => unlink({ hostAppId: id, appId: l.appId }),
                                t('inst.hostApps.unlinked'),
                              )
                            }
                          >
                            <Button size="small" danger>
                              {t('inst.hostApps.unlink')}
                            </Button>
                          </Popconfirm>
                        ) : null,
                    },
                  ]}
                />
              </Space>
            ),
          },
          {
            key: 'sdk',
            label: t('inst.hostApps.sdkTab'),
            children: <SdkConfigPanel hostAppId={id} editable={manager} />,
          },
        ]}
      />
      <HostAppCredentials shown={shown} onClose={() => setShown(null)} />
    </Space>
  );
}
