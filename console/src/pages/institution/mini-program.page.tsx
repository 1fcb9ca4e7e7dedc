import {
  Alert,
  App,
  Breadcrumb,
  Button,
  Card,
  Descriptions,
  Empty,
  Popconfirm,
  Space,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import { useAuth } from '../../auth/auth-context';
import {
  ConsoleMiniProgramDocument,
  ConsoleWithdrawVersionDocument,
  DeleteVersionDocument,
  PublishVersionDocument,
  SubmitVersionForReviewDocument,
  type ConsoleVersionFieldsFragment,
} from '../../../../schema/generated/graphql';
import { formatBytes, formatDateTime } from '../../lib/format';
import { apiErrors } from '../../lib/graphql-errors';
import { useListSort, type SortColumns } from '../../lib/list-sort';
import { usePageParams } from '../../lib/use-page-params';
import { MiniProgramDomains } from './mini-program-domains';
import { MiniProgramSettings } from './mini-program-settings';
import { MiniProgramTrial } from './mini-program-trial';
import { canRelease } from './org-roles';
import { ReleasePanel } from './release-panel';
import { VersionStatusTag } from './version-status-tag';
import { VersionUpload } from './version-upload';

/** The versions table's sortable columns (URL `?sort=`) → the server's order fields (default: newest upload first). */
const VERSION_SORT_COLUMNS: SortColumns<'VERSION_NAME' | 'STATUS' | 'CREATED_AT'> = {
  versionName: 'VERSION_NAME',
  status: 'STATUS',
  createdAt: 'CREATED_AT',
};

/** 企业端: one mini-program — its versions (upload, submit, withdraw, publish, history) and its gray releases. */
export function MiniProgramPage() {
  const { appId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { viewer } = useAuth();
  const [params, setParams] = useSearchParams();
  const TABS = ['versions', 'releases', 'settings', 'domains', 'trial'];
  const tab = TABS.includes(params.get('tab') ?? '') ? params.get('tab')! : 'versions';
  const { page, size, skip, update } = usePageParams([] as const, 10);
  const { orderBy, sortable, onSorterChange } = useListSort(VERSION_SORT_COLUMNS);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ConsoleMiniProgramDocument,
    variables: { appId, orderBy, skip, take: size + 1 },
  });
  const [, submit] = useMutation(SubmitVersionForReviewDocument);
  const [, withdraw] = useMutation(ConsoleWithdrawVersionDocument);
  const [, publish] = useMutation(PublishVersionDocument);
  const [, remove] = useMutation(DeleteVersionDocument);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const act = async (run: () => Promise<{ error?: Parameters<typeof apiErrors>[0] }>, done: string) => {
    const result = await run();
    const first = apiErrors(result.error)[0];
    if (first) void message.error(first.message);
    else void message.success(done);
    reload();
  };

  const mp = data?.miniProgram;
  if (error && !mp) return <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />;
  if (!fetching && data && !mp) return <Empty description={t('miniProgram.notFound')} />;
  // One more than the page asks for tells whether there is a next page (versions has no total).
  const versions = (mp?.versions ?? []).slice(0, size);
  const hasNext = (mp?.versions.length ?? 0) > size;
  // Publishing and gray releases are for owners and admins (miniprogram:release); developers upload and submit.
  // Unknown (undefined) until the mini-program names its organization.
  const releaser = mp ? canRelease(viewer?.memberships.find((m) => m.orgId === mp.orgId)?.role) : undefined;

  const actions = (v: ConsoleVersionFieldsFragment) => (
    <Space wrap>
      {v.status === 'DEVELOPMENT' && (
        <Button
          size="small"
          type="primary"
          onClick={() => act(() => submit({ id: v.id }), t('versions.submitted'))}
        >
          {t('versions.submit')}
        </Button>
      )}
      {v.status === 'SUBMITTED' && (
        <Popconfirm
          title={t('versions.withdrawConfirm')}
          okText={t('common.confirm')}
          cancelText={t('common.cancel')}
          onConfirm={() => act(() => withdraw({ id: v.id }), t('versions.withdrawn'))}
        >
          <Button size="small">{t('versions.withdraw')}</Button>
        </Popconfirm>
      )}
      {v.status === 'APPROVED' && releaser && (
        <>
          <Popconfirm
            title={t('versions.publishConfirm')}
            okText={t('common.confirm')}
            cancelText={t('common.cancel')}
            onConfirm={() => act(() => publish({ id: v.id }), t('versions.publishedDone'))}
          >
            <Button size="small">{t('versions.publish')}</Button>
          </Popconfirm>
          <Button size="small" type="primary" onClick={() => setParams({ tab: 'releases', version: v.id })}>
            {t('versions.grayRelease')}
          </Button>
        </>
      )}
      {(v.status === 'DEVELOPMENT' || v.status === 'REJECTED') && (
        <Popconfirm
          title={t('versions.deleteConfirm')}
          okText={t('common.delete')}
          okButtonProps={{ danger: true }}
          cancelText={t('common.cancel')}
          onConfirm={() => act(() => remove({ id: v.id }), t('versions.deleted'))}
        >
          <Button size="small" danger>
            {t('common.delete')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/mini-programs">{t('miniPrograms.title')}</Link> },
          { title: mp?.name ?? appId },
        ]}
      />
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {mp?.name}
        </Typography.Title>
        <Link to={`/mini-programs/${encodeURIComponent(appId)}/statistics`}>{t('stats.open')}</Link>
      </Space>
      <Descriptions size="small" column={3}>
        <Descriptions.Item label={t('miniPrograms.appId')}>
          <Typography.Text code copyable>
            {appId}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('miniPrograms.category')}>{mp?.category ?? '—'}</Descriptions.Item>
        <Descriptions.Item label={t('miniPrograms.status')}>
          {mp ? t(`miniProgramStatus.${mp.status}`) : ''}
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'versions' ? {} : { tab: key })}
        items={[
          {
            key: 'versions',
            label: t('miniProgram.versions'),
            children: (
              <Space direction="vertical" size="middle" style={{ width: '100%' }}>
                <Card title={t('versions.upload')} size="small">
                  <VersionUpload
                    appId={appId}
                    onUploaded={() => {
                      void message.success(t('versions.uploaded'));
                      reload();
                    }}
                  />
                </Card>
                <Table
                  rowKey="id"
                  loading={fetching}
                  dataSource={versions}
                  onChange={(_pagination, _filters, sorter) => onSorterChange(sorter)}
                  locale={{ emptyText: <Empty description={t('versions.emptyHint')} /> }}
                  pagination={{
                    current: page,
                    pageSize: size,
                    total: skip + versions.length + (hasNext ? 1 : 0),
                    onChange: (p) => update({ page: p }),
                  }}
                  expandable={{
                    rowExpandable: (v) => Boolean(v.rejectionReason) || v.pages.length > 0,
                    expandedRowRender: (v) => (
                      <Descriptions size="small" column={1}>
                        {v.rejectionReason && (
                          <Descriptions.Item label={t('versions.rejectionReason')}>
                            {v.rejectionReason}
                          </Descriptions.Item>
                        )}
                        <Descriptions.Item label={t('versions.pages')}>
                          {v.pages.join(', ')}
                        </Descriptions.Item>
                      </Descriptions>
                    ),
                  }}
                  columns={[
                    {
                      title: t('versions.versionName'),
                      dataIndex: 'versionName',
                      ...sortable('versionName'),
                    },
                    {
                      title: t('versions.status'),
                      ...sortable('status'),
                      render: (_, v) => (
                        <Space>
                          <VersionStatusTag status={v.status} />
                          {v.status === 'GRAY' && v.grayPercentage != null && (
                            <span>{v.grayPercentage}%</span>
                          )}
                        </Space>
                      ),
                    },
                    {
                      title: t('versions.size'),
                      render: (_, v) => formatBytes(v.packageSize, i18n.language),
                    },
                    { title: t('versions.files'), dataIndex: 'packageFiles' },
                    {
                      title: t('versions.uploadedAt'),
                      ...sortable('createdAt'),
                      render: (_, v) => formatDateTime(v.createdAt, i18n.language),
                    },
                    { title: t('common.actions'), render: (_, v) => actions(v) },
                  ]}
                />
              </Space>
            ),
          },
          {
            key: 'releases',
            label: t('miniProgram.releases'),
            children: (
              <ReleasePanel
                appId={appId}
                versions={mp?.versions ?? []}
                canRelease={releaser}
                onChanged={reload}
              />
            ),
          },
          {
            key: 'settings',
            label: t('inst.settings.tab'),
            children: <MiniProgramSettings appId={appId} onChanged={reload} />,
          },
          { key: 'domains', label: t('inst.domains.tab'), children: <MiniProgramDomains appId={appId} /> },
          {
            key: 'trial',
            label: t('inst.trial.tab'),
            children: <MiniProgramTrial appId={appId} versions={mp?.versions ?? []} />,
          },
        ]}
      />
    </Space>
  );
}
