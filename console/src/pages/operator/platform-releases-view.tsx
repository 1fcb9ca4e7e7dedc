import { useState, type ReactNode } from 'react';
import { Alert, App, Button, Empty, Flex, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { CombinedError } from 'urql';
import type { SdkPlatform } from '../../../../schema/generated/graphql';
import { formatDateTime, formatNumber } from '../../lib/format';
import { apiErrors } from '../../lib/graphql-errors';
import { useListSort, type SortColumns } from '../../lib/list-sort';
import { PAGE_SIZES, usePageParams } from '../../lib/use-page-params';
import { TAG_COLORS } from '../../theme';
import { SDK_PLATFORMS, SdkVersionsPublishDialog } from './sdk-versions-publish-dialog';
import { enabledFilterOf } from './sdk-versions-pager';

/** Sortable columns (URL `?sort=`) → the server's order fields (VERSION compares semantic versions). */
const SORT_COLUMNS: SortColumns<'VERSION' | 'CREATED_AT'> = { version: 'VERSION', createdAt: 'CREATED_AT' };

/** What the base-library and SDK-version lists have in common. */
export interface PlatformRelease {
  id: string;
  version: string;
  enabled: boolean;
  releaseNotes?: string | null;
  createdAt: string;
}

/** The list's filters in the URL (platform, enabled), its sort and the page, as the list query takes them. */
export function usePlatformReleaseFilters() {
  const { page, size, skip, filters, update } = usePageParams(['platform', 'enabled'] as const);
  const { orderBy, sortable, onSorterChange } = useListSort(SORT_COLUMNS);
  const platform = SDK_PLATFORMS.includes(filters.platform as SdkPlatform)
    ? (filters.platform as SdkPlatform)
    : undefined;
  return {
    page,
    size,
    filters,
    update,
    sortable,
    onSorterChange,
    variables: { skip, take: size, platform, enabled: enabledFilterOf(filters.enabled), orderBy },
  };
}

type MutationResult = { error?: CombinedError };

interface Props<R extends PlatformRelease> {
  kind: 'base-library' | 'sdk-version';
  /** Key of the page's strings under `opPlatform`. */
  texts: 'baseLibraries' | 'sdkVersions';
  filters: ReturnType<typeof usePlatformReleaseFilters>;
  /** The rows of the page the query answered. */
  fetched: readonly R[] | null | undefined;
  /** How many the list holds with these filters (`baseLibrariesTotal`, `sdkVersionsTotal`). */
  total: number | null | undefined;
  fetching: boolean;
  error?: CombinedError;
  /** The kind's own columns, shown after the version. */
  columns: ColumnsType<R>;
  enable(id: string): Promise<MutationResult>;
  disable(id: string): Promise<MutationResult>;
  reload(): void;
}

/**
 * 运营端: a platform release list (base libraries, SDK versions) — filtered on the server by platform and state, paged
 * and sorted on the server (version, publication time), paged with the total, publish an upload with progress,
 * disable / enable after a confirmation.
 */
export function PlatformReleasesView<R extends PlatformRelease>(props: Props<R>): ReactNode {
  const { kind, texts, filters, fetched } = props;
  const size = filters.size;
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [publishing, setPublishing] = useState(false);
  const text = (key: string, options?: Record<string, unknown>) => t(`opPlatform.${texts}.${key}`, options);
  const rows = fetched ?? [];
  const done = (result: MutationResult, success: string) => {
    const first = apiErrors(result.error)[0];
    if (first) void message.error(first.message);
    else void message.success(success);
    props.reload();
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap="wrap" gap={12}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {text('title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setPublishing(true)}>
          {text('publish')}
        </Button>
      </Flex>
      <Typography.Paragraph style={{ margin: 0 }}>{text('hint')}</Typography.Paragraph>
      <Flex gap={12} wrap="wrap" role="search">
        <Select
          aria-label={t('opPlatform.platformFilter')}
          value={filters.variables.platform ?? ''}
          style={{ width: 160 }}
          options={[
            { value: '', label: t('opPlatform.all') },
            ...SDK_PLATFORMS.map((p) => ({ value: p, label: t(`opPlatform.platform.${p}`) })),
          ]}
          onChange={(value: string) => filters.update({ platform: value })}
        />
        <Select
          aria-label={t('opPlatform.enabledFilter')}
          value={filters.filters.enabled ?? ''}
          style={{ width: 160 }}
          options={[
            { value: '', label: t('opPlatform.all') },
            { value: 'true', label: t('opPlatform.enabled') },
            { value: 'false', label: t('opPlatform.disabled') },
          ]}
          onChange={(value: string) => filters.update({ enabled: value })}
        />
      </Flex>
      {props.error && <Alert type="error" showIcon message={apiErrors(props.error)[0]?.message} />}
      <Table<R>
        rowKey="id"
        loading={props.fetching}
        dataSource={rows}
        onChange={(_pagination, _filters, sorter) => filters.onSorterChange(sorter)}
        pagination={{
          current: filters.page,
          pageSize: size,
          total: props.total ?? 0,
          pageSizeOptions: PAGE_SIZES.map(String),
          showSizeChanger: true,
          showTotal: (total) =>
            t('common.total', { count: total, formatted: formatNumber(total, i18n.language) }),
          onChange: (nextPage, nextSize) => filters.update({ page: nextPage, size: nextSize }),
        }}
        locale={{ emptyText: <Empty description={text('empty')} /> }}
        columns={[
          { title: t('opPlatform.version'), dataIndex: 'version', ...filters.sortable('version') },
          ...props.columns,
          {
            title: t('opPlatform.releaseNotes'),
            dataIndex: 'releaseNotes',
            ellipsis: true,
            render: (n?: string | null) => n ?? '—',
          },
          {
            title: t('opPlatform.createdAt'),
            dataIndex: 'createdAt',
            ...filters.sortable('createdAt'),
            render: (d: string) => formatDateTime(d, i18n.language),
          },
          {
            title: t('opPlatform.enabledFilter'),
            render: (_, row) => (
              <Tag color={row.enabled ? TAG_COLORS.green : TAG_COLORS.gray}>
                {t(row.enabled ? 'opPlatform.enabled' : 'opPlatform.disabled')}
              </Tag>
            ),
          },
          {
            title: t('common.actions'),
            render: (_, row) => (
              <Popconfirm
                title={text(row.enabled ? 'disableConfirm' : 'enableConfirm', { version: row.version })}
                okText={t(row.enabled ? 'opPlatform.disable' : 'opPlatform.enable')}
                okButtonProps={{ danger: row.enabled }}
                cancelText={t('common.cancel')}
                onConfirm={async () =>
                  row.enabled
                    ? done(await props.disable(row.id), text('disabledDone'))
                    : done(await props.enable(row.id), text('enabledDone'))
                }
              >
                <Button size="small" danger={row.enabled}>
                  {t(row.enabled ? 'opPlatform.disable' : 'opPlatform.enable')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <SdkVersionsPublishDialog
        kind={kind}
        open={publishing}
        onClose={() => setPublishing(false)}
        onPublished={(version) => {
          setPublishing(false);
          void message.success(text('published', { version }));
          props.reload();
        }}
      />
    </Space>
  );
}
