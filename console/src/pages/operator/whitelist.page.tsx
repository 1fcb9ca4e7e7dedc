import { useState } from 'react';
import { Alert, App, Button, Empty, Form, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  OpPlatformAddWhitelistDocument,
  OpPlatformRemoveWhitelistDocument,
  OpPlatformWhitelistDocument,
} from '../../../../schema/generated/graphql';
import { InstCursorPager } from '../../components/inst-cursor-pager';
import { formatDateTime } from '../../lib/format';
import { apiErrors, splitFieldErrors } from '../../lib/graphql-errors';
import { useListSort, type SortColumns } from '../../lib/list-sort';
import { pageOf, useCursorTrail } from '../institution/cursor-pages';
import { normalizeWhitelistDomain, whitelistDomainProblem } from './whitelist-domain';

const TAKE = 20;
/** Sortable columns (URL `?sort=`) → the server's order fields (default: domain A–Z). */
const SORT_COLUMNS: SortColumns<'DOMAIN' | 'CREATED_AT'> = { domain: 'DOMAIN', createdAt: 'CREATED_AT' };

/**
 * 运营端: business domains exempted from the verification file, sorted by domain or date on the server; add (checked as
 * typed), remove after a confirmation.
 */
export function WhitelistPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const trail = useCursorTrail();
  const { orderBy, sortable, onSorterChange } = useListSort(SORT_COLUMNS);
  // One row more than shown says whether there is a next page (the server pages by cursor and does not count).
  const [{ data, fetching, error }, refetch] = useQuery({
    query: OpPlatformWhitelistDocument,
    variables: { after: trail.after, take: TAKE + 1, orderBy },
  });
  const [{ fetching: adding }, add] = useMutation(OpPlatformAddWhitelistDocument);
  const [, remove] = useMutation(OpPlatformRemoveWhitelistDocument);
  const [form] = Form.useForm<{ domain: string; note?: string }>();
  const [formError, setFormError] = useState<string | null>(null);
  const { rows, hasNext, lastCursor } = pageOf(data?.whitelistDomains, TAKE);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const submit = async ({ domain, note }: { domain: string; note?: string }) => {
    setFormError(null);
    const normalized = normalizeWhitelistDomain(domain);
    const result = await add({ domain: normalized, note: note?.trim() || null });
    if (result.error) {
      const errors = apiErrors(result.error);
      // The domain check's refusal names no field (its details carry the domain): it belongs beside the domain.
      const { fieldErrors, other } = splitFieldErrors(
        errors.map((e) =>
          e.fields.length === 0 && (e.code === 'BAD_USER_INPUT' || e.code === 'CONFLICT')
            ? { ...e, fields: ['domain'] }
            : e,
        ),
        ['domain', 'note'] as const,
      );
      form.setFields(fieldErrors);
      if (other[0]) setFormError(other[0].message);
      return;
    }
    void message.success(t('opPlatform.whitelist.added', { domain: normalized }));
    form.resetFields();
    reload();
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('opPlatform.whitelist.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('opPlatform.whitelist.hint')}</Typography.Paragraph>
      {formError && <Alert type="error" showIcon role="alert" message={formError} />}
      <Form form={form} layout="inline" onFinish={submit} style={{ rowGap: 8 }}>
        <Form.Item
          name="domain"
          label={t('opPlatform.whitelist.domain')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            {
              validator: async (_, value?: string) => {
                const problem = value ? whitelistDomainProblem(value) : null;
                if (problem) throw new Error(t(problem));
              },
            },
          ]}
        >
          <Input
            placeholder="www.example.com"
            style={{ width: 260 }}
            aria-describedby="whitelist-domain-hint"
          />
        </Form.Item>
        <Form.Item
          name="note"
          label={t('opPlatform.whitelist.note')}
          rules={[{ max: 200, message: t('opPlatform.whitelist.noteHint') }]}
        >
          <Input style={{ width: 260 }} placeholder={t('opPlatform.whitelist.noteHint')} />
        </Form.Item>
        <Form.Item>
          <Button type="primary" htmlType="submit" loading={adding}>
            {t('opPlatform.whitelist.add')}
          </Button>
        </Form.Item>
      </Form>
      <Typography.Text type="secondary" id="whitelist-domain-hint">
        {t('opPlatform.whitelist.domainHint')}
      </Typography.Text>
      {error && <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />}
      <Table
        rowKey="domain"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        onChange={(_pagination, _filters, sorter) => onSorterChange(sorter)}
        locale={{ emptyText: <Empty description={t('opPlatform.whitelist.empty')} /> }}
        columns={[
          { title: t('opPlatform.whitelist.domain'), dataIndex: 'domain', ...sortable('domain') },
          {
            title: t('opPlatform.whitelist.note'),
            dataIndex: 'note',
            render: (n?: string | null) => n ?? '—',
          },
          {
            title: t('opPlatform.createdAt'),
            dataIndex: 'createdAt',
            ...sortable('createdAt'),
            render: (d: string) => formatDateTime(d, i18n.language),
          },
          {
            title: t('common.actions'),
            render: (_, row) => (
              <Popconfirm
                title={t('opPlatform.whitelist.removeConfirm', { domain: row.domain })}
                okText={t('opPlatform.whitelist.remove')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={async () => {
                  const result = await remove({ domain: row.domain });
                  const first = apiErrors(result.error)[0];
                  if (first) void message.error(first.message);
                  else void message.success(t('opPlatform.whitelist.removed', { domain: row.domain }));
                  reload();
                }}
              >
                <Button danger size="small">
                  {t('opPlatform.whitelist.remove')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <InstCursorPager
        page={trail.page}
        hasNext={hasNext}
        onPrevious={trail.previous}
        onNext={() => lastCursor && trail.next(lastCursor)}
      />
    </Space>
  );
}
