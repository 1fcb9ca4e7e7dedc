import { useState } from 'react';
import { Alert, Button, Descriptions, Drawer, Empty, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  OpPlatformApproveSdkBuildDocument,
  OpPlatformPendingSdkBuildsDocument,
  OpPlatformRejectSdkBuildDocument,
  OpPlatformSdkBuildDocument,
  OpPlatformSdkBuildFilesDocument,
} from '../../../../schema/generated/graphql';
import { formatBytes, formatDateTime, formatNumber } from '../../lib/format';
import { apiErrors } from '../../lib/graphql-errors';
import { useListSort, type SortColumns } from '../../lib/list-sort';
import { PAGE_SIZES, usePageParams } from '../../lib/use-page-params';
import { useReviewActions } from './review-actions';

const FILES_PAGE = 50;
/** Sortable columns (URL `?sort=`) → the server's order fields. */
const SORT_COLUMNS: SortColumns<'VERSION' | 'PLATFORM' | 'CREATED_AT'> = {
  version: 'VERSION',
  platform: 'PLATFORM',
  createdAt: 'CREATED_AT',
};

/** The files of a build's artifact, as the server reads them from its ZIP, paged on the server. */
function SdkBuildFiles({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const [page, setPage] = useState(1);
  const [{ data, fetching, error }] = useQuery({
    query: OpPlatformSdkBuildFilesDocument,
    variables: { id, skip: (page - 1) * FILES_PAGE, take: FILES_PAGE },
  });
  const files = data?.sdkBuild?.files;
  if (error) return <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />;
  return (
    <Table
      size="small"
      rowKey="path"
      loading={fetching}
      title={() => t('opPlatform.sdkBuilds.files')}
      dataSource={files?.items ?? []}
      pagination={{
        current: page,
        pageSize: FILES_PAGE,
        total: files?.total ?? 0,
        showSizeChanger: false,
        showTotal: (total) =>
          t('common.total', { count: total, formatted: formatNumber(total, i18n.language) }),
        onChange: setPage,
      }}
      columns={[
        { title: t('opPlatform.sdkBuilds.filePath'), dataIndex: 'path', ellipsis: true },
        {
          title: t('opPlatform.size'),
          dataIndex: 'size',
          render: (s: number) => formatBytes(s, i18n.language),
        },
      ]}
    />
  );
}

/** One build's details, its files and its artifact to download. */
function SdkBuildInspector({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const [{ data, fetching, error }] = useQuery({ query: OpPlatformSdkBuildDocument, variables: { id } });
  const build = data?.sdkBuild;
  if (error) return <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />;
  if (fetching || !build) return null;
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('opPlatform.version')}>{build.version}</Descriptions.Item>
        <Descriptions.Item label={t('opPlatform.platformFilter')}>
          {t(`opPlatform.platform.${build.platform}`)}
        </Descriptions.Item>
        <Descriptions.Item label={t('opPlatform.sdkBuilds.organization')}>{build.orgId}</Descriptions.Item>
        <Descriptions.Item label={t('opPlatform.sdkBuilds.submittedBy')}>
          {build.submittedBy}
        </Descriptions.Item>
        <Descriptions.Item label={t('opPlatform.sdkBuilds.submittedAt')}>
          {formatDateTime(build.createdAt, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('opPlatform.sdkBuilds.notes')}>{build.notes ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('opPlatform.sdkBuilds.artifactKey')}>
          <Typography.Text code>{build.artifactKey}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('opPlatform.size')}>
          {formatBytes(build.artifactSize, i18n.language)}
        </Descriptions.Item>
        <Descriptions.Item label={t('opPlatform.sha256')}>
          <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
            {build.artifactSha256}
          </Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <SdkBuildFiles id={id} />
      <Button href={build.downloadUrl} target="_blank" rel="noopener noreferrer">
        {t('opPlatform.download')}
      </Button>
    </Space>
  );
}

/** 运营端: SDK builds waiting for review, oldest first or sorted on the server; inspect (files too), approve, or reject with a reason. */
export function SdkBuildReviewsPage() {
  const { t, i18n } = useTranslation();
  const { page, size, skip, update } = usePageParams([] as const);
  const { orderBy, sortable, onSorterChange } = useListSort(SORT_COLUMNS);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: OpPlatformPendingSdkBuildsDocument,
    variables: { orderBy, skip, take: size },
  });
  const [, approve] = useMutation(OpPlatformApproveSdkBuildDocument);
  const [, reject] = useMutation(OpPlatformRejectSdkBuildDocument);
  const [inspecting, setInspecting] = useState<string | null>(null);
  const review = useReviewActions({
    scope: 'opPlatform.sdkBuilds',
    approve,
    reject,
    reload: () => refetch({ requestPolicy: 'network-only' }),
  });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('opPlatform.sdkBuilds.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('opPlatform.sdkBuilds.hint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />}
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={data?.pendingSdkBuildReviews?.items ?? []}
        onChange={(_pagination, _filters, sorter) => onSorterChange(sorter)}
        locale={{ emptyText: <Empty description={t('opPlatform.sdkBuilds.empty')} /> }}
        pagination={{
          current: page,
          pageSize: size,
          total: data?.pendingSdkBuildReviews?.total ?? 0,
          pageSizeOptions: PAGE_SIZES.map(String),
          showSizeChanger: true,
          showTotal: (total) =>
            t('common.total', { count: total, formatted: formatNumber(total, i18n.language) }),
          onChange: (nextPage, nextSize) => update({ page: nextPage, size: nextSize }),
        }}
        columns={[
          { title: t('opPlatform.version'), dataIndex: 'version', ...sortable('version') },
          {
            title: t('opPlatform.platformFilter'),
            ...sortable('platform'),
            render: (_, b) => t(`opPlatform.platform.${b.platform}`),
          },
          { title: t('opPlatform.sdkBuilds.organization'), dataIndex: 'orgId' },
          { title: t('opPlatform.size'), render: (_, b) => formatBytes(b.artifactSize, i18n.language) },
          {
            title: t('opPlatform.sdkBuilds.notes'),
            dataIndex: 'notes',
            ellipsis: true,
            render: (n?: string | null) => n ?? '—',
          },
          {
            title: t('opPlatform.sdkBuilds.submittedAt'),
            ...sortable('createdAt'),
            render: (_, b) => formatDateTime(b.createdAt, i18n.language),
          },
          {
            title: t('common.actions'),
            render: (_, b) =>
              review.cell({
                id: b.id,
                approveConfirm: t('opPlatform.sdkBuilds.approveConfirm', { version: b.version }),
                before: (
                  <Button size="small" onClick={() => setInspecting(b.id)}>
                    {t('opPlatform.sdkBuilds.inspect')}
                  </Button>
                ),
              }),
          },
        ]}
      />
      <Drawer
        open={inspecting !== null}
        width={640}
        title={t('opPlatform.sdkBuilds.details')}
        onClose={() => setInspecting(null)}
        destroyOnClose
      >
        {inspecting && <SdkBuildInspector id={inspecting} />}
      </Drawer>
      {review.dialog}
    </Space>
  );
}
