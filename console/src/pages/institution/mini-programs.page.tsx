import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import {
  ConsoleMiniProgramsDocument,
  CreateMiniProgramDocument,
  type MiniProgramStatus,
} from '../../../../schema/generated/graphql';
import { EnterSubmits } from '../../components/enter-submits';
import { formatDateTime, formatNumber } from '../../lib/format';
import { apiErrors, splitFieldErrors } from '../../lib/graphql-errors';
import { useListSort } from '../../lib/list-sort';
import { PAGE_SIZES, usePageParams } from '../../lib/use-page-params';
import { TAG_COLORS } from '../../theme';
import { InstitutionPageHeader, NoOrganization, OrganizationSelect } from './institution-page-header';
import {
  MINI_PROGRAM_FILTERS,
  MINI_PROGRAM_SORT_COLUMNS,
  miniProgramListVariables,
} from './mini-programs.query';
import { useMemberOrganizations } from './use-current-organization';

interface CreateForm {
  name: string;
  category?: string;
  description?: string;
}

/** 企业端: the organization's mini-programs, searched, filtered and paged by the server; create a new one. */
export function MiniProgramsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { organizations, loading } = useMemberOrganizations();
  const { page, size, filters, update } = usePageParams(MINI_PROGRAM_FILTERS);
  const { sortable, onSorterChange } = useListSort(MINI_PROGRAM_SORT_COLUMNS);
  const [searchParams] = useSearchParams();
  const variables = miniProgramListVariables(searchParams, organizations[0]?.id);
  const orgId = variables.orgId;
  const [{ data, fetching, error }] = useQuery({
    query: ConsoleMiniProgramsDocument,
    variables,
    pause: !orgId,
  });
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<CreateForm>();
  const [{ fetching: saving }, create] = useMutation(CreateMiniProgramDocument);
  const [createError, setCreateError] = useState<string | null>(null);

  if (!loading && organizations.length === 0)
    return <NoOrganization description={t('miniPrograms.noOrganization')} />;

  const submit = async (values: CreateForm) => {
    setCreateError(null);
    const result = await create({
      input: {
        orgId: orgId!,
        name: values.name.trim(),
        category: values.category || undefined,
        description: values.description || undefined,
      },
    });
    if (!result.data) {
      const { fieldErrors, other } = splitFieldErrors(apiErrors(result.error), [
        'name',
        'category',
        'description',
      ] as const);
      form.setFields(fieldErrors);
      if (other[0]) setCreateError(other[0].message);
      return;
    }
    void message.success(t('miniPrograms.created'));
    setCreating(false);
    form.resetFields();
    navigate(`/mini-programs/${result.data.createMiniProgram.appId}`);
  };

  const items = data?.miniPrograms?.items ?? [];
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <InstitutionPageHeader
        title={t('miniPrograms.title')}
        action={
          <Button type="primary" onClick={() => setCreating(true)}>
            {t('miniPrograms.create')}
          </Button>
        }
      />
      <Flex gap={12} wrap="wrap" role="search">
        <OrganizationSelect
          organizations={organizations}
          value={orgId}
          label={t('miniPrograms.organization')}
          width={220}
          onChange={(value) => update({ org: value })}
        />
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
          placeholder={t('miniPrograms.status')}
          allowClear
          value={filters.status}
          style={{ width: 160 }}
          options={(['ACTIVE', 'FROZEN'] as const).map((s) => ({
            value: s,
            label: t(`miniProgramStatus.${s}`),
          }))}
          onChange={(value?: string) => update({ status: value })}
        />
      </Flex>
      {error && <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />}
      <Table
        rowKey="appId"
        loading={fetching}
        dataSource={items}
        onChange={(_pagination, _filters, sorter) => onSorterChange(sorter)}
        locale={{
          emptyText: (
            <Empty
              description={
                filters.search || filters.status ? t('miniPrograms.noMatch') : t('miniPrograms.emptyHint')
              }
            />
          ),
        }}
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
          {
            title: t('miniPrograms.name'),
            dataIndex: 'name',
            ...sortable('name'),
            render: (name: string, row) => <Link to={`/mini-programs/${row.appId}`}>{name}</Link>,
          },
          {
            title: t('miniPrograms.appId'),
            dataIndex: 'appId',
            render: (id: string) => <Typography.Text code>{id}</Typography.Text>,
          },
          {
            title: t('miniPrograms.category'),
            dataIndex: 'category',
            render: (c?: string | null) => c ?? '—',
          },
          {
            title: t('miniPrograms.status'),
            dataIndex: 'status',
            ...sortable('status'),
            render: (s: MiniProgramStatus) => (
              <Tag color={s === 'ACTIVE' ? TAG_COLORS.green : TAG_COLORS.red}>
                {t(`miniProgramStatus.${s}`)}
              </Tag>
            ),
          },
          {
            title: t('miniPrograms.published'),
            render: (_, row) => row.publishedVersion?.versionName ?? '—',
          },
          {
            title: t('miniPrograms.updatedAt'),
            dataIndex: 'updatedAt',
            ...sortable('updatedAt'),
            render: (d: string) => formatDateTime(d, i18n.language),
          },
        ]}
      />
      <Modal
        open={creating}
        title={t('miniPrograms.create')}
        onCancel={() => setCreating(false)}
        onOk={() => form.submit()}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        confirmLoading={saving}
        destroyOnClose
      >
        {createError && (
          <Alert type="error" showIcon message={createError} style={{ marginBottom: 16 }} role="alert" />
        )}
        <Form<CreateForm> form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item
            name="name"
            label={t('miniPrograms.name')}
            rules={[{ required: true, message: t('validation.required') }, { max: 64 }]}
          >
            <Input autoFocus />
          </Form.Item>
          <Form.Item name="category" label={t('miniPrograms.category')}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('miniPrograms.description')}>
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
          <EnterSubmits />
        </Form>
      </Modal>
    </Space>
  );
}
