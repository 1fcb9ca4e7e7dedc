import { Alert, Empty, Flex, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  ConsoleFreezeOrganizationDocument,
  ConsoleOperatorOrganizationsDocument,
  ConsoleUnfreezeOrganizationDocument,
  type OrganizationStatus,
} from '../../../../schema/generated/graphql';
import { formatDateTime, formatNumber } from '../../lib/format';
import { apiErrors } from '../../lib/graphql-errors';
import { useListSort, type SortColumns } from '../../lib/list-sort';
import { PAGE_SIZES, usePageParams } from '../../lib/use-page-params';
import { TAG_COLORS } from '../../theme';
import { FrozenReason, useFreezeActions } from './freeze-actions';

const STATUSES: OrganizationStatus[] = ['APPROVED', 'PENDING', 'REJECTED'];
const FROZEN = ['true', 'false'] as const;
/** Sortable columns (URL `?sort=`) → the server's order fields. */
const SORT_COLUMNS: SortColumns<'NAME' | 'SUBMITTED_AT' | 'STATUS'> = {
  name: 'NAME',
  submittedAt: 'SUBMITTED_AT',
  status: 'STATUS',
};

/**
 * 运营端: every organization, filtered by review status, frozen state and name or credit code, sorted by a column, all on
 * the server; freeze (with a reason) and unfreeze.
 */
export function OrganizationsPage() {
  const { t, i18n } = useTranslation();
  const { page, size, skip, filters, update } = usePageParams(['status', 'frozen', 'search'] as const);
  const { orderBy, sortable, onSorterChange } = useListSort(SORT_COLUMNS);
  const status = (STATUSES as string[]).includes(filters.status ?? '')
    ? (filters.status as OrganizationStatus)
    : 'APPROVED';
  const frozen = (FROZEN as readonly string[]).includes(filters.frozen ?? '')
    ? filters.frozen === 'true'
    : undefined;
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ConsoleOperatorOrganizationsDocument,
    variables: { status, frozen, search: filters.search, orderBy, skip, take: size },
  });
  const [, freeze] = useMutation(ConsoleFreezeOrganizationDocument);
  const [, unfreeze] = useMutation(ConsoleUnfreezeOrganizationDocument);
  const actions = useFreezeActions({
    scope: 'organizations',
    freeze: (org: { id: string; name: string }, reason) => freeze({ id: org.id, reason }),
    unfreeze: (org) => unfreeze({ id: org.id }),
    reload: () => refetch({ requestPolicy: 'network-only' }),
  });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('operator.organizations.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('operator.organizations.hint')}</Typography.Paragraph>
      <Flex gap={12} wrap="wrap" role="search">
        <Select
          aria-label={t('operator.organizations.status')}
          value={status}
          style={{ width: 180 }}
          options={STATUSES.map((s) => ({ value: s, label: t(`organizationStatus.${s}`) }))}
          onChange={(value) => update({ status: value })}
        />
        <Select
          aria-label={t('operator.organizations.frozenFilter')}
          value={filters.frozen ?? ''}
          style={{ width: 160 }}
          options={[
            { value: '', label: t('operator.freeze.all') },
            { value: 'true', label: t('operator.freeze.frozen') },
            { value: 'false', label: t('operator.freeze.active') },
          ]}
          onChange={(value: string) => update({ frozen: value })}
        />
        <Input.Search
          aria-label={t('operator.organizations.search')}
          placeholder={t('operator.organizations.search')}
          defaultValue={filters.search}
          allowClear
          style={{ width: 280 }}
          onSearch={(value) => update({ search: value.trim() })}
        />
      </Flex>
      {error && <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />}
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={data?.organizations?.items ?? []}
        onChange={(_pagination, _filters, sorter) => onSorterChange(sorter)}
        locale={{ emptyText: <Empty description={t('operator.organizations.empty')} /> }}
        pagination={{
          current: page,
          pageSize: size,
          total: data?.organizations?.total ?? 0,
          pageSizeOptions: PAGE_SIZES.map(String),
          showSizeChanger: true,
          showTotal: (total) =>
            t('common.total', { count: total, formatted: formatNumber(total, i18n.language) }),
          onChange: (nextPage, nextSize) => update({ page: nextPage, size: nextSize }),
        }}
        columns={[
          { title: t('organization.name'), dataIndex: 'name', ...sortable('name') },
          {
            title: t('organization.creditCode'),
            dataIndex: 'creditCode',
            render: (c?: string | null) => (c ? <Typography.Text code>{c}</Typography.Text> : '—'),
          },
          { title: t('organization.contactName'), dataIndex: 'contactName', render: (c) => c ?? '—' },
          {
            title: t('operator.organizations.submittedAt'),
            dataIndex: 'submittedAt',
            ...sortable('submittedAt'),
            render: (d?: string | null) => formatDateTime(d, i18n.language),
          },
          {
            title: t('operator.organizations.reviewedAt'),
            dataIndex: 'reviewedAt',
            render: (d?: string | null) => formatDateTime(d, i18n.language),
          },
          {
            title: t('organization.status'),
            ...sortable('status'),
            render: (_, org) =>
              org.frozen ? (
                <Space direction="vertical" size={0}>
                  <Tag color={TAG_COLORS.red}>{t('operator.freeze.frozen')}</Tag>
                  <FrozenReason reason={org.frozenReason} />
                </Space>
              ) : (
                <Tag color={org.status === 'APPROVED' ? TAG_COLORS.green : TAG_COLORS.gray}>
                  {t(`organizationStatus.${org.status}`)}
                </Tag>
              ),
          },
          {
            title: t('common.actions'),
            render: (_, org) => (org.status !== 'APPROVED' ? null : actions.cell(org, org.frozen)),
          },
        ]}
      />
      {actions.dialog}
    </Space>
  );
}
