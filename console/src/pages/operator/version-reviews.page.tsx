import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Empty, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  ApproveVersionDocument,
  ConsolePendingReviewsDocument,
  ConsoleRejectVersionDocument,
  ConsoleVersionPackageDocument,
} from '../../../../schema/generated/graphql';
import { formatBytes, formatDateTime, formatNumber } from '../../lib/format';
import { apiErrors } from '../../lib/graphql-errors';
import { useListSort, type SortColumns } from '../../lib/list-sort';
import { PAGE_SIZES, usePageParams } from '../../lib/use-page-params';
import { useReviewActions } from './review-actions';

/** Sortable columns (URL `?sort=`) → the server's order fields (default: oldest submission first). */
const SORT_COLUMNS: SortColumns<'VERSION_NAME' | 'SUBMITTED_AT'> = {
  versionName: 'VERSION_NAME',
  submittedAt: 'SUBMITTED_AT',
};

/** The package of a version under review: its manifest and its files. */
function PackageInspector({ versionId }: { versionId: string }) {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }] = useQuery({
    query: ConsoleVersionPackageDocument,
    variables: { id: versionId },
  });
  const version = data?.miniProgramVersion;
  if (error) return <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={5}>{t('versionReviews.manifest')}</Typography.Title>
      <pre
        style={{ background: '#f5f5f5', padding: 12, maxHeight: 240, overflow: 'auto' }}
        tabIndex={0}
        aria-label={t('versionReviews.manifest')}
      >
        {version?.manifest ? JSON.stringify(version.manifest, null, 2) : '—'}
      </pre>
      <Typography.Title level={5}>
        {t('versionReviews.files', { count: version?.packageFileList.total ?? 0 })}
      </Typography.Title>
      <Table
        size="small"
        rowKey="path"
        loading={fetching}
        dataSource={version?.packageFileList.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        columns={[
          { title: t('versionReviews.path'), dataIndex: 'path' },
          {
            title: t('versions.size'),
            dataIndex: 'size',
            render: (s: number) => formatBytes(s, i18n.language),
          },
        ]}
      />
    </Space>
  );
}

/** 运营端: versions waiting for review, oldest first or sorted on the server; inspect the package, approve or reject with a reason. */
export function VersionReviewsPage() {
  const { t, i18n } = useTranslation();
  const { page, size, skip, update } = usePageParams([] as const);
  const { orderBy, sortable, onSorterChange } = useListSort(SORT_COLUMNS);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ConsolePendingReviewsDocument,
    variables: { orderBy, skip, take: size },
  });
  const [, approve] = useMutation(ApproveVersionDocument);
  const [, reject] = useMutation(ConsoleRejectVersionDocument);
  const [inspecting, setInspecting] = useState<string | null>(null);
  const review = useReviewActions({
    scope: 'versionReviews',
    approve,
    reject,
    reload: () => refetch({ requestPolicy: 'network-only' }),
  });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('versionReviews.title')}
      </Typography.Title>
      {error && <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />}
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={data?.pendingReviews?.items ?? []}
        onChange={(_pagination, _filters, sorter) => onSorterChange(sorter)}
        locale={{ emptyText: <Empty description={t('versionReviews.empty')} /> }}
        pagination={{
          current: page,
          pageSize: size,
          total: data?.pendingReviews?.total ?? 0,
          pageSizeOptions: PAGE_SIZES.map(String),
          showSizeChanger: true,
          showTotal: (total) =>
            t('common.total', { count: total, formatted: formatNumber(total, i18n.language) }),
          onChange: (nextPage, nextSize) => update({ page: nextPage, size: nextSize }),
        }}
        columns={[
          { title: t('miniPrograms.name'), render: (_, v) => v.miniProgram?.name ?? v.appId },
          {
            title: t('versionReviews.organization'),
            render: (_, v) => v.miniProgram?.organization.name ?? '—',
          },
          { title: t('versions.versionName'), dataIndex: 'versionName', ...sortable('versionName') },
          { title: t('versions.size'), render: (_, v) => formatBytes(v.packageSize, i18n.language) },
          {
            title: t('versionReviews.submittedAt'),
            ...sortable('submittedAt'),
            render: (_, v) => formatDateTime(v.submittedAt, i18n.language),
          },
          {
            title: t('common.actions'),
            render: (_, v) =>
              review.cell({
                id: v.id,
                approveConfirm: t('versionReviews.approveConfirm', {
                  name: `${v.miniProgram?.name ?? v.appId} ${v.versionName}`,
                }),
                before: (
                  <Button size="small" onClick={() => setInspecting(v.id)}>
                    {t('versionReviews.inspect')}
                  </Button>
                ),
              }),
          },
        ]}
      />
      <Drawer
        open={inspecting !== null}
        width={640}
        title={t('versionReviews.package')}
        onClose={() => setInspecting(null)}
        destroyOnClose
      >
        {inspecting && (
          <>
            <Descriptions size="small" column={1}>
              <Descriptions.Item label="ID">{inspecting}</Descriptions.Item>
            </Descriptions>
            <PackageInspector versionId={inspecting} />
          </>
        )}
      </Drawer>
      {review.dialog}
    </Space>
  );
}
