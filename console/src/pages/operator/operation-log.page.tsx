import { useEffect, useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Empty,
  Form,
  Input,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useClient, useQuery } from 'urql';
import {
  OperationLogCsvDocument,
  OperationLogDocument,
  type OperationLogFilterInput,
  type OperationLogQuery,
} from '../../../../schema/generated/graphql';
import { formatDateTime } from '../../lib/format';
import { apiErrors, splitFieldErrors } from '../../lib/graphql-errors';
import { PAGE_SIZES } from '../../lib/use-page-params';
import { TAG_COLORS } from '../../theme';
import { cursorPage, popCursor, pushCursor } from './operation-log-cursor';
import { collectCsv, CSV_CHUNK_ROWS, csvFileName, downloadText } from './operation-log-csv';

type Entry = OperationLogQuery['operationLog']['items'][number];
const TEXT_FILTERS = ['actor', 'action', 'target', 'organizationId'] as const;
const FILTERS = [...TEXT_FILTERS, 'from', 'to'] as const;
type FilterName = (typeof FILTERS)[number];
/** The server's limit on a text filter. */
const MAX_FILTER_TEXT = 256;
const DEFAULT_SIZE = 20;

/** An ISO instant as the value of a datetime-local input (the browser's time zone), and back. */
function toLocalInput(iso: string | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '';
  const local = new Date(date.getTime() - date.getTimezoneOffset() * 60_000);
  return local.toISOString().slice(0, 16);
}
function fromLocalInput(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/**
 * 运营端: the operation log (every mutation and upload), filtered on the server by actor, action, target, organization
 * and time; newest first, paged by cursor with the cursors of earlier pages in the URL; a row opens what changed, the
 * request id and the source IP; the current filter downloads as CSV.
 */
export function OperationLogPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const client = useClient();
  const [params, setParams] = useSearchParams();
  const [form] = Form.useForm<Record<FilterName, string | undefined>>();

  const filter: OperationLogFilterInput = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filter[name] = value;
  }
  const stack = params.getAll('after');
  const { after, page } = cursorPage(stack);
  const sizeParam = Number(params.get('size'));
  const size = (PAGE_SIZES as readonly number[]).includes(sizeParam) ? sizeParam : DEFAULT_SIZE;
  const filtered = Object.keys(filter).length > 0;

  const [{ data, fetching, error }] = useQuery({
    query: OperationLogDocument,
    variables: { filter: filtered ? filter : undefined, take: size, after },
  });
  const items = data?.operationLog.items ?? [];
  const nextCursor = data?.operationLog.nextCursor ?? null;

  // The form shows the URL's filter (a link or the back button changes it).
  const key = params.toString();
  useEffect(() => {
    form.setFieldsValue({
      actor: filter.actor ?? undefined,
      action: filter.action ?? undefined,
      target: filter.target ?? undefined,
      organizationId: filter.organizationId ?? undefined,
      from: toLocalInput(filter.from ?? undefined),
      to: toLocalInput(filter.to ?? undefined),
    });
  }, [key]);

  // The server's refusal of a filter goes beside that field.
  useEffect(() => {
    const { fieldErrors } = splitFieldErrors(apiErrors(error), FILTERS);
    if (fieldErrors.length) form.setFields(fieldErrors);
  }, [error, form]);

  const go = (next: { filter?: OperationLogFilterInput; stack?: string[]; size?: number }) =>
    setParams((current) => {
      const merged = new URLSearchParams(current);
      if (next.filter) {
        for (const name of FILTERS) merged.delete(name);
        for (const [name, value] of Object.entries(next.filter)) if (value) merged.set(name, String(value));
      }
      if (next.size) merged.set('size', String(next.size));
      merged.delete('after');
      for (const cursor of next.stack ?? []) merged.append('after', cursor);
      return merged;
    });

  const search = (values: Record<FilterName, string | undefined>) => {
    const next: OperationLogFilterInput = {};
    for (const name of TEXT_FILTERS) {
      const value = values[name]?.trim();
      if (value) next[name] = value;
    }
    const from = fromLocalInput(values.from);
    const to = fromLocalInput(values.to);
    if (from) next.from = from;
    if (to) next.to = to;
    go({ filter: next, stack: [] }); // a new filter starts at the first page
  };

  // CSV download of the current filter, chunk by chunk with progress; cancellable.
  const [download, setDownload] = useState<{ rows: number } | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);
  const startDownload = async () => {
    const controller = new AbortController();
    abort.current = controller;
    setDownload({ rows: 0 });
    try {
      const { csv, rows } = await collectCsv(
        async (cursor) => {
          const result = await client
            .query(
              OperationLogCsvDocument,
              { filter: filtered ? filter : undefined, rows: CSV_CHUNK_ROWS, after: cursor },
              { requestPolicy: 'network-only' },
            )
            .toPromise();
          if (result.error || !result.data) throw new Error(apiErrors(result.error)[0]?.message ?? 'no data');
          return result.data.operationLogCsv;
        },
        (rows) => setDownload({ rows }),
        controller.signal,
      );
      downloadText(csv, csvFileName(filter as Record<string, string>, new Date()));
      void message.success(t('opInsight.log.downloaded', { rows }));
    } catch (e) {
      if (!controller.signal.aborted)
        void message.error(t('opInsight.log.downloadFailed', { message: (e as Error).message }));
    } finally {
      abort.current = null;
      setDownload(null);
    }
  };

  const validateTime = ({ getFieldValue }: { getFieldValue: (name: FilterName) => string | undefined }) => ({
    validator: async () => {
      const from = fromLocalInput(getFieldValue('from'));
      const to = fromLocalInput(getFieldValue('to'));
      if (from && to && from >= to) throw new Error(t('opInsight.overview.orderProblem'));
    },
  });

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('opInsight.log.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('opInsight.log.hint')}</Typography.Paragraph>
      <Form form={form} layout="inline" onFinish={search} role="search" style={{ rowGap: 12 }}>
        {TEXT_FILTERS.map((name) => (
          <Form.Item
            key={name}
            name={name}
            label={t(`opInsight.log.${name === 'organizationId' ? 'organization' : name}`)}
            rules={[{ max: MAX_FILTER_TEXT, message: t('opInsight.log.tooLong') }]}
          >
            <Input
              allowClear
              style={{ width: 200 }}
              placeholder={
                name === 'actor'
                  ? t('opInsight.log.actorPlaceholder')
                  : name === 'action'
                    ? t('opInsight.log.actionPlaceholder')
                    : undefined
              }
            />
          </Form.Item>
        ))}
        <Form.Item
          name="from"
          label={t('opInsight.overview.from')}
          dependencies={['to']}
          rules={[validateTime]}
        >
          <Input type="datetime-local" style={{ width: 210 }} />
        </Form.Item>
        <Form.Item
          name="to"
          label={t('opInsight.overview.to')}
          dependencies={['from']}
          rules={[validateTime]}
        >
          <Input type="datetime-local" style={{ width: 210 }} />
        </Form.Item>
        <Form.Item>
          <Space>
            <Button type="primary" htmlType="submit">
              {t('opInsight.log.search')}
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                go({ filter: {}, stack: [] });
              }}
            >
              {t('opInsight.log.reset')}
            </Button>
            {download ? (
              <Space>
                <Spin size="small" />
                <Typography.Text role="status">
                  {t('opInsight.log.downloading', { rows: download.rows })}
                </Typography.Text>
                <Button onClick={() => abort.current?.abort()}>{t('opInsight.log.cancelDownload')}</Button>
              </Space>
            ) : (
              <Button onClick={() => void startDownload()}>{t('opInsight.log.download')}</Button>
            )}
          </Space>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />}
      <Table<Entry>
        rowKey="id"
        size="middle"
        loading={fetching}
        dataSource={items}
        pagination={false}
        scroll={{ x: true }}
        locale={{
          emptyText: (
            <Empty
              description={filtered || page > 1 ? t('opInsight.log.empty') : t('opInsight.log.emptyAll')}
            />
          ),
        }}
        expandable={{
          expandedRowRender: (entry) => <EntryDetails entry={entry} />,
          expandRowByClick: false,
        }}
        columns={[
          {
            title: t('opInsight.log.at'),
            dataIndex: 'at',
            render: (at: string) => formatDateTime(at, i18n.language),
          },
          {
            title: t('opInsight.log.actor'),
            render: (_, entry) => (
              <Space direction="vertical" size={0}>
                <Typography.Text code>{entry.actorId ?? t('opInsight.log.anonymous')}</Typography.Text>
                <Tag color={entry.actorKind === 'operator' ? TAG_COLORS.green : TAG_COLORS.gray}>
                  {entry.actorKind}
                </Tag>
              </Space>
            ),
          },
          {
            title: t('opInsight.log.action'),
            dataIndex: 'action',
            render: (action: string) => <Typography.Text strong>{action}</Typography.Text>,
          },
          {
            title: t('opInsight.log.target'),
            render: (_, entry) =>
              entry.targetId ? (
                <Typography.Text>
                  {entry.targetType ? `${entry.targetType}: ` : ''}
                  <Typography.Text code>{entry.targetId}</Typography.Text>
                </Typography.Text>
              ) : (
                '—'
              ),
          },
          {
            title: t('opInsight.log.organization'),
            dataIndex: 'organizationId',
            render: (id?: string | null) =>
              id ? <Typography.Text code>{id}</Typography.Text> : t('opInsight.log.platformWide'),
          },
          {
            title: t('opInsight.log.summary'),
            dataIndex: 'summary',
            render: (summary: string) => (
              <Typography.Text ellipsis={{ tooltip: summary }} style={{ maxWidth: 260 }}>
                {summary}
              </Typography.Text>
            ),
          },
        ]}
      />
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Space>
          <Typography.Text id="op-log-size">{t('opInsight.log.pageSize')}</Typography.Text>
          <Select
            aria-labelledby="op-log-size"
            value={size}
            style={{ width: 90 }}
            options={PAGE_SIZES.map((s) => ({ value: s, label: String(s) }))}
            onChange={(value: number) => go({ size: value, stack: [] })}
          />
        </Space>
        <nav aria-label={t('opInsight.log.page', { page })}>
          <Space>
            <Button onClick={() => go({ stack: [] })} disabled={page === 1}>
              {t('opInsight.log.first')}
            </Button>
            <Button onClick={() => go({ stack: popCursor(stack) })} disabled={page === 1}>
              {t('opInsight.log.previous')}
            </Button>
            <Typography.Text aria-live="polite">{t('opInsight.log.page', { page })}</Typography.Text>
            <Button
              onClick={() => nextCursor && go({ stack: pushCursor(stack, nextCursor) })}
              disabled={!nextCursor}
            >
              {t('opInsight.log.next')}
            </Button>
          </Space>
        </nav>
      </Space>
    </Space>
  );
}

/** What one line says in full: the summary, the events, the request id and where it came from. */
function EntryDetails({ entry }: { entry: Entry }) {
  const { t, i18n } = useTranslation();
  return (
    <Descriptions
      size="small"
      column={1}
      bordered
      title={t('opInsight.log.detailsOf', { action: entry.action })}
      items={[
        { key: 'summary', label: t('opInsight.log.summary'), children: entry.summary || '—' },
        {
          key: 'changes',
          label: t('opInsight.log.changes'),
          children: entry.changes.length ? (
            <Space wrap>
              {entry.changes.map((c, i) => (
                <Typography.Text code key={`${c}-${i}`}>
                  {c}
                </Typography.Text>
              ))}
            </Space>
          ) : (
            '—'
          ),
        },
        {
          key: 'requestId',
          label: t('opInsight.log.requestId'),
          children: <Typography.Text copyable>{entry.requestId}</Typography.Text>,
        },
        {
          key: 'clientIp',
          label: t('opInsight.log.clientIp'),
          children: entry.clientIp ?? t('opInsight.log.noIp'),
        },
        { key: 'subgraph', label: t('opInsight.log.subgraph'), children: entry.subgraph },
        { key: 'at', label: t('opInsight.log.at'), children: formatDateTime(entry.at, i18n.language) },
        {
          key: 'atomic',
          label: t('opInsight.log.atomic'),
          children: entry.atomic ? t('opInsight.log.atomicYes') : t('opInsight.log.atomicNo'),
        },
      ]}
    />
  );
}
