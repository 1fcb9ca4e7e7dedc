import { useState } from 'react';
import { Alert, App, Button, Empty, Flex, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  OpPlatformSdkVersionsDocument,
  OpPlatformDisableSdkVersionDocument,
  OpPlatformEnableSdkVersionDocument,
  type SdkPlatform,
} from '../../../../schema/generated/graphql';
import { formatBytes, formatDateTime } from '../../lib/format';
import { apiErrors } from '../../lib/graphql-errors';
import { usePageParams } from '../../lib/use-page-params';
import { TAG_COLORS } from '../../theme';
import { SDK_PLATFORMS, SdkVersionsPublishDialog } from './sdk-versions-publish-dialog';
import { SdkVersionsPager, enabledFilterOf } from './sdk-versions-pager';

/** 运营端: SDK releases, filtered on the server by platform and state; publish an artifact, disable / enable. */
export function SdkVersionsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { page, size, skip, filters, update } = usePageParams(['platform', 'enabled'] as const);
  const platform = SDK_PLATFORMS.includes(filters.platform as SdkPlatform)
    ? (filters.platform as SdkPlatform)
    : undefined;
  const enabled = enabledFilterOf(filters.enabled);
  // One row more than shown says whether there is a next page (the list has no total).
  const [{ data, fetching, error }, refetch] = useQuery({
    query: OpPlatformSdkVersionsDocument,
    variables: { skip, take: size + 1, platform, enabled },
  });
  const [, enable] = useMutation(OpPlatformEnableSdkVersionDocument);
  const [, disable] = useMutation(OpPlatformDisableSdkVersionDocument);
  const [publishing, setPublishing] = useState(false);
  const rows = (data?.sdkVersions ?? []).slice(0, size);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const done = (result: { error?: Parameters<typeof apiErrors>[0] }, success: string) => {
    const first = apiErrors(result.error)[0];
    if (first) void message.error(first.message);
    else void message.success(success);
    reload();
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap="wrap" gap={12}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('opPlatform.sdkVersions.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setPublishing(true)}>
          {t('opPlatform.sdkVersions.publish')}
        </Button>
      </Flex>
      <Typography.Paragraph style={{ margin: 0 }}>{t('opPlatform.sdkVersions.hint')}</Typography.Paragraph>
      <Flex gap={12} wrap="wrap" role="search">
        <Select
          aria-label={t('opPlatform.platformFilter')}
          value={platform ?? ''}
          style={{ width: 160 }}
          options={[
            { value: '', label: t('opPlatform.all') },
            ...SDK_PLATFORMS.map((p) => ({ value: p, label: t(`opPlatform.platform.${p}`) })),
          ]}
          onChange={(value: string) => update({ platform: value })}
        />
        <Select
          aria-label={t('opPlatform.enabledFilter')}
          value={filters.enabled ?? ''}
          style={{ width: 160 }}
          options={[
            { value: '', label: t('opPlatform.all') },
            { value: 'true', label: t('opPlatform.enabled') },
            { value: 'false', label: t('opPlatform.disabled') },
          ]}
          onChange={(value: string) => update({ enabled: value })}
        />
      </Flex>
      {error && <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />}
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <Empty description={t('opPlatform.sdkVersions.empty')} /> }}
        columns={[
          { title: t('opPlatform.version'), dataIndex: 'version' },
          { title: t('opPlatform.platformFilter'), render: (_, v) => t(`opPlatform.platform.${v.platform}`) },
          { title: t('opPlatform.size'), render: (_, v) => formatBytes(v.artifactSize, i18n.language) },
          {
            title: t('opPlatform.sha256'),
            render: (_, v) => <Typography.Text code>{v.artifactSha256.slice(0, 12)}</Typography.Text>,
          },
          {
            title: t('opPlatform.releaseNotes'),
            dataIndex: 'releaseNotes',
            ellipsis: true,
            render: (n?: string | null) => n ?? '—',
          },
          {
            title: t('opPlatform.createdAt'),
            dataIndex: 'createdAt',
            render: (d: string) => formatDateTime(d, i18n.language),
          },
          {
            title: t('opPlatform.enabledFilter'),
            render: (_, v) => (
              <Tag color={v.enabled ? TAG_COLORS.green : TAG_COLORS.gray}>
                {t(v.enabled ? 'opPlatform.enabled' : 'opPlatform.disabled')}
              </Tag>
            ),
          },
          {
            title: t('common.actions'),
            render: (_, v) => (
              <Popconfirm
                title={t(
                  v.enabled
                    ? 'opPlatform.sdkVersions.disableConfirm'
                    : 'opPlatform.sdkVersions.enableConfirm',
                  {
                    version: v.version,
                  },
                )}
                okText={t(v.enabled ? 'opPlatform.disable' : 'opPlatform.enable')}
                okButtonProps={{ danger: v.enabled }}
                cancelText={t('common.cancel')}
                onConfirm={async () =>
                  v.enabled
                    ? done(await disable({ id: v.id }), t('opPlatform.sdkVersions.disabledDone'))
                    : done(await enable({ id: v.id }), t('opPlatform.sdkVersions.enabledDone'))
                }
              >
                <Button size="small" danger={v.enabled}>
                  {t(v.enabled ? 'opPlatform.disable' : 'opPlatform.enable')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <SdkVersionsPager
        page={page}
        size={size}
        hasNext={(data?.sdkVersions?.length ?? 0) > size}
        onChange={(nextPage, nextSize) => update({ page: nextPage, size: nextSize })}
      />
      <SdkVersionsPublishDialog
        kind="sdk-version"
        open={publishing}
        onClose={() => setPublishing(false)}
        onPublished={(version) => {
          setPublishing(false);
          void message.success(t('opPlatform.sdkVersions.published', { version }));
          reload();
        }}
      />
    </Space>
  );
}
