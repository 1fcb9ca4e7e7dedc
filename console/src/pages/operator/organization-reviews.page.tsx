import { Alert, Empty, Flex, Input, Select, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  ApproveOrganizationDocument,
  ConsoleOrganizationsDocument,
  RejectOrganizationDocument,
  type OrganizationStatus,
} from '../../../../schema/generated/graphql';
import { formatDateTime, formatNumber } from '../../lib/format';
import { apiErrors } from '../../lib/graphql-errors';
import { useListSort, type SortColumns } from '../../lib/list-sort';
import { PAGE_SIZES, usePageParams } from '../../lib/use-page-params';
import { OrganizationStatusTag } from '../institution/organization.page';
import { useReviewActions } from './review-actions';

const STATUSES: OrganizationStatus[] = ['PENDING', 'APPROVED', 'REJECTED'];
/** Sortable columns (URL `?sort=`) → the server's order fields. */
const SORT_COLUMNS: SortColumns<'NAME' | 'SUBMITTED_AT'> = { name: 'NAME', submittedAt: 'SUBMITTED_AT' };

/**
 * 运营端: organization applications, pending ones unless the status filter says otherwise, searched by name or credit code
 * and sorted on the server; approve or reject (with a reason the applicant reads).
 */
export function OrganizationReviewsPage() {
  const { t, i18n } = useTranslation();
  const { page, size, skip, filters, update } = usePageParams(['status', 'search'] as const);
  const { orderBy, sortable, onSorterChange } = useListSort(SORT_COLUMNS);
  const status = (STATUSES as string[]).includes(filters.status ?? '')
    ? (filters.status as OrganizationStatus)
    : 'PENDING';
  const [{ data, fetching, error }, refetch] = useQuery({
    query: ConsoleOrganizationsDocument,
    variables: { status, search: filters.search, orderBy, skip, take: size },
  });
  const [, approve] = useMutation(ApproveOrganizationDocument);
  const [, reject] = useMutation(RejectOrganizationDocument);
  const review = useReviewActions({
    scope: 'organizationReviews',
    approve,
    reject,
    reload: () => refetch({ requestPolicy: 'network-only' }),
  });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('organizationReviews.title')}
      </Typography.Title>
      <Flex gap={12} wrap="wrap" role="search">
        <Select
          aria-label={t('organization.status')}
          value={status}
          style={{ width: 180 }}
          options={STATUSES.map((s) => ({ value: s, label: t(`organizationStatus.${s}`) }))}
          onChange={(value) => update({ status: value })}
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
        locale={{
          emptyText: (
            <Empty
              description={
                filters.search
                  ? t('operator.organizations.empty')
                  : status === 'PENDING'
                    ? t('organizationReviews.emptyPending')
                    : t('common.empty')
              }
            />
          ),
        }}
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
            render: (c: string) => <Typography.Text code>{c}</Typography.Text>,
          },
          { title: t('organization.contactName'), dataIndex: 'contactName' },
          { title: t('organization.contactPhone'), dataIndex: 'contactPhone' },
          {
            title: t('organization.submittedAt'),
            dataIndex: 'submittedAt',
            ...sortable('submittedAt'),
            render: (d?: string | null) => formatDateTime(d, i18n.language),
          },
          {
            title: t('organization.status'),
            dataIndex: 'status',
            render: (s: OrganizationStatus) => <OrganizationStatusTag status={s} />,
          },
          {
            title: t('common.actions'),
            render: (_, org) =>
              org.status === 'PENDING' &&
              review.cell({
                id: org.id,
                approveConfirm: t('organizationReviews.approveConfirm', { name: org.name }),
              }),
          },
        ]}
      />
      {review.dialog}
    </Space>
  );
}
