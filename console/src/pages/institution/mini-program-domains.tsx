import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Popconfirm,
  Space,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  InstitutionAddBusinessDomainDocument,
  InstitutionDomainsDocument,
  InstitutionRemoveBusinessDomainDocument,
  InstitutionSetServiceDomainsDocument,
  InstitutionVerifyBusinessDomainDocument,
} from '../../../../schema/generated/graphql';
import { formatDateTime } from '../../lib/format';
import { apiErrors } from '../../lib/graphql-errors';
import { TAG_COLORS } from '../../theme';
import {
  domainListProblems,
  SCHEME_OF,
  SERVICE_DOMAIN_KINDS,
  serverDomainProblems,
  splitDomainEntries,
  verificationFileHref,
  type ServiceDomainKindName,
} from './domain-lists';

const FIELD: Record<ServiceDomainKindName, 'request' | 'socket' | 'upload' | 'download'> = {
  REQUEST: 'request',
  SOCKET: 'socket',
  UPLOAD: 'upload',
  DOWNLOAD: 'download',
};

/** 企业端: a mini-program's service domain lists and its business domains (verification file to download, verify). */
export function MiniProgramDomains({ appId }: { appId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [{ data, fetching, error }, refetch] = useQuery({
    query: InstitutionDomainsDocument,
    variables: { appId },
  });
  const [, setLists] = useMutation(InstitutionSetServiceDomainsDocument);
  const [{ fetching: adding }, add] = useMutation(InstitutionAddBusinessDomainDocument);
  const [, verify] = useMutation(InstitutionVerifyBusinessDomainDocument);
  const [, remove] = useMutation(InstitutionRemoveBusinessDomainDocument);
  const [texts, setTexts] = useState<Partial<Record<ServiceDomainKindName, string>>>({});
  const [problems, setProblems] = useState<Partial<Record<ServiceDomainKindName, string[]>>>({});
  const [addForm] = Form.useForm<{ domain: string }>();
  const domains = data?.miniProgramDomains;
  const reload = () => refetch({ requestPolicy: 'network-only' });

  useEffect(() => {
    if (!domains) return;
    setTexts(Object.fromEntries(SERVICE_DOMAIN_KINDS.map((k) => [k, domains[FIELD[k]].join('\n')])));
  }, [domains]);

  const saveList = async (kind: ServiceDomainKindName) => {
    const entries = splitDomainEntries(texts[kind] ?? '');
    const local = domainListProblems(kind, entries).map((p) => t(p.key, p.values));
    setProblems({ ...problems, [kind]: local });
    if (local.length) return;
    const result = await setLists({ appId, kind, domains: entries, expectedVersion: domains?.version ?? 0 });
    if (!result.data) {
      const first = result.error?.graphQLErrors[0];
      const lines = serverDomainProblems(first?.extensions);
      setProblems({
        ...problems,
        [kind]: lines.length ? lines : [apiErrors(result.error)[0]?.message ?? ''],
      });
      return;
    }
    void message.success(t('inst.domains.listSaved'));
    reload();
  };

  const act = async (run: () => Promise<{ error?: Parameters<typeof apiErrors>[0] }>, done: string) => {
    const result = await run();
    const first = apiErrors(result.error)[0];
    if (first) void message.error(first.message);
    else void message.success(done);
    reload();
  };

  const addDomain = async ({ domain }: { domain: string }) => {
    const result = await add({ appId, domain: domain.trim() });
    if (!result.data) {
      addForm.setFields([{ name: 'domain', errors: [apiErrors(result.error)[0]?.message ?? ''] }]);
      return;
    }
    void message.success(t('inst.domains.added'));
    addForm.resetFields();
    reload();
  };

  if (error && !domains) return <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={t('inst.domains.serviceTitle')}
        size="small"
        extra={domains ? t('inst.domains.version', { version: domains.version }) : null}
      >
        <Space wrap align="start" size="middle">
          {SERVICE_DOMAIN_KINDS.map((kind) => {
            const label = t(`inst.domains.kind.${kind}`);
            return (
              <Form.Item
                key={kind}
                label={label}
                layout="vertical"
                style={{ width: 320 }}
                validateStatus={problems[kind]?.length ? 'error' : undefined}
                help={
                  problems[kind]?.length ? (
                    <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                      {problems[kind]!.map((p) => (
                        <li key={p}>{p}</li>
                      ))}
                    </ul>
                  ) : (
                    t('inst.domains.serviceHint', { scheme: SCHEME_OF[kind] })
                  )
                }
              >
                <Input.TextArea
                  aria-label={label}
                  rows={4}
                  value={texts[kind] ?? ''}
                  placeholder={`${SCHEME_OF[kind]}://api.example.com`}
                  onChange={(e) => setTexts({ ...texts, [kind]: e.target.value })}
                />
                <Button
                  size="small"
                  style={{ marginTop: 8 }}
                  onClick={() => saveList(kind)}
                  disabled={fetching}
                >
                  {t('inst.domains.saveList', { kind: label })}
                </Button>
              </Form.Item>
            );
          })}
        </Space>
      </Card>
      <Card title={t('inst.domains.businessTitle')} size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>{t('inst.domains.businessHint')}</Typography.Paragraph>
          <Form form={addForm} layout="inline" onFinish={addDomain}>
            <Form.Item
              name="domain"
              label={t('inst.domains.domain')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
            >
              <Input placeholder="www.example.com" style={{ width: 260 }} />
            </Form.Item>
            <Button htmlType="submit" loading={adding}>
              {t('inst.domains.add')}
            </Button>
          </Form>
          <Table
            rowKey="id"
            loading={fetching}
            dataSource={domains?.businessDomains ?? []}
            pagination={false}
            locale={{ emptyText: <Empty description={t('inst.domains.emptyHint')} /> }}
            columns={[
              { title: t('inst.domains.domain'), dataIndex: 'domain' },
              {
                title: t('inst.domains.status'),
                render: (_, d) => (
                  <Space direction="vertical" size={0}>
                    <Tag color={d.status === 'VERIFIED' ? TAG_COLORS.green : TAG_COLORS.gold}>
                      {t(`inst.domains.statusName.${d.status}`)}
                      {d.verificationMethod ? ` · ${t(`inst.domains.method.${d.verificationMethod}`)}` : ''}
                    </Tag>
                    {d.status !== 'VERIFIED' && d.failureReason && (
                      <Typography.Text type="danger">
                        {t('inst.domains.notVerified', { reason: d.failureDetail ?? d.failureReason })}
                      </Typography.Text>
                    )}
                  </Space>
                ),
              },
              {
                title: t('inst.domains.file'),
                render: (_, d) =>
                  d.status === 'VERIFIED' ? (
                    '—'
                  ) : (
                    <Tooltip title={`https://${d.domain}/${d.verificationFile.fileName}`}>
                      <a
                        href={verificationFileHref(d.verificationFile.content)}
                        download={d.verificationFile.fileName}
                      >
                        {t('inst.domains.download', { file: d.verificationFile.fileName })}
                      </a>
                    </Tooltip>
                  ),
              },
              {
                title: t('inst.domains.lastChecked'),
                render: (_, d) => formatDateTime(d.lastCheckedAt ?? d.verifiedAt, i18n.language),
              },
              {
                title: t('common.actions'),
                render: (_, d) => (
                  <Space>
                    {d.status !== 'VERIFIED' && (
                      <Button
                        size="small"
                        onClick={() => act(() => verify({ id: d.id }), t('inst.domains.verified'))}
                      >
                        {t('inst.domains.verify')}
                      </Button>
                    )}
                    <Popconfirm
                      title={t('inst.domains.removeConfirm', { domain: d.domain })}
                      okText={t('common.confirm')}
                      okButtonProps={{ danger: true }}
                      cancelText={t('common.cancel')}
                      onConfirm={() => act(() => remove({ id: d.id }), t('inst.domains.removed'))}
                    >
                      <Button size="small" danger>
                        {t('inst.domains.remove')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        </Space>
      </Card>
    </Space>
  );
}
