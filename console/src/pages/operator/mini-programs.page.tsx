import { Alert, Empty, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  ConsoleFreezeMiniProgramDocument,
  ConsoleOperatorMiniProgramsDocument,
  ConsoleUnfreezeMiniProgramDocument,
  type MiniProgramStatus,
} from '../../../../schema/generated/graphql';
import { formatDateTime, formatNumber } from '../../lib/format';
import { apiErrors } from '../../lib/graphql-errors';
import { useListSort, type SortColumns } from '../../lib/list-sort';
import { PAGE_SIZES, usePageParams } from '../../lib/use-page-params';
import { TAG_COLORS } from '../../theme';
import { FrozenReason, useFreezeActions } from './freeze-actions';

const STATUSES: MiniProgramStatus[] = ['ACTIVE', 'FROZEN'];

/** Sortable columns (URL `?sort=`) → the server's order fields. */
const SORT_COLUMNS: SortColumns<'NAME' | 'STATUS' | 'UPDATED_AT'> = {
  name: 'NAME',
  status: 'STATUS',
  updatedAt: 'UPDATED_AT',
};

/** 运营端: every organization's mini-programs, searched and filtered on the server; freeze (with a reason) and unfreeze. */
export function OperatorMiniProgramsPage() {
  const { t, i18n } = useTranslation();
  const { page, size, skip, filters, update } = usePageParams(['search', 'status'] as const);
  const { orderBy, sortable, onSorterChange } = useListSort(SORT_COLUMNS);
  const status = (STATUSES as string[]).includes(filters.status ?? '')
    ? (filters.status as MiniProgramStatus)
    : undefined;
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ConsoleOperatorMiniProgramsDocument,
    variables: { search: filters.search, status, orderBy, skip, take: size },
  });
  const [, freeze] = useMutation(ConsoleFreezeMiniProgramDocument);
  const [, unfreeze] = useMutation(ConsoleUnfreezeMiniProgramDocument);
  const actions = useFreezeActions({
    scope: 'miniPrograms',
    freeze: (row: { appId: string; name: string }, reason) => freeze({ appId: row.appId, reason }),
    unfreeze: (row) => unfreeze({ appId: row.appId }),
    reload: () => refetch({ requestPolicy: 'network-only' }),
  });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('operator.miniPrograms.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('operator.miniPrograms.hint')}</Typography.Paragraph>
      <Flex gap={12} wrap="wrap" role="search">
        <Input.Search
          aria-label={t('miniPrograms.search')}
          placeholder={t('miniPrograms.search')}
          defaultValue={filters.search}
          allowClear
          style={{ width: 280 }}
          onSearch={(value) => update({ search: value.trim() })}
        />
        <Select
          aria-label={t('miniPrograms.status')}
          value={status ?? ''}
          style={{ width: 160 }}
          options={[
            { value: '', label: t('operator.freeze.all') },
            ...STATUSES.map((s) => ({ value: s, label: t(`miniProgramStatus.${s}`) })),
          ]}
          onChange={(value: string) => update({ status: value })}
        />
      </Flex>
      {error && <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />}
      <Table
        rowKey="appId"
        loading={fetching}
        dataSource={data?.miniPrograms?.items ?? []}
        onChange={(_pagination, _filters, sorter) => onSorterChange(sorter)}
        locale={{ emptyText: <Empty description={t('operator.miniPrograms.empty')} /> }}
        pagination={{
          current: page,
          pageSize: size,
          total: data?.miniPrograms?.total ?? 0,
          pageSizeOptions: PAGE_SIZES.map(String),
          showSizeChanger: true,
          showTotal: (total) =>
            t('common.total', { count: total, formatted: formatNumber(total, i18n.language) }),
          onChange: (nextPage, nextSize) => update({ page: nextPage, size: nextSize }),
        }}
        columns={[
          { title: t('miniPrograms.name'), dataIndex: 'name', ...sortable('name') },
          {
            title: t('miniPrograms.appId'),
            dataIndex: 'appId',
            render: (id: string) => <Typography.Text code>{id}</Typography.Text>,
          },
          { title: t('operator.miniPrograms.organization'), render: (_, row) => row.organization.name },
          {
            title: t('miniPrograms.status'),
            ...sortable('status'),
            render: (_, row) => (
              <Space direction="vertical" size={0}>
                <Tag color={row.status === 'ACTIVE' ? TAG_COLORS.green : TAG_COLORS.red}>
                  {t(`miniProgramStatus.${row.status}`)}
                </Tag>
                <FrozenReason reason={row.frozenReason} />
              </Space>
            ),
          },
          {
            title: t('miniPrograms.updatedAt'),
            dataIndex: 'updatedAt',
            ...sortable('updatedAt'),
            render: (d: string) => formatDateTime(d, i18n.language),
          },
          {
            title: t('common.actions'),
            render: (_, row) => actions.cell(row, row.status === 'FROZEN'),
          },
        ]}
      />
      {actions.dialog}
    </Space>
  );
}
