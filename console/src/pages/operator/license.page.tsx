import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Form,
  Input,
  Modal,
  Progress,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  ConsoleInstallLicenseDocument,
  ConsoleLicenseDocument,
  ConsoleLicenseHistoryDocument,
} from '../../../../schema/generated/graphql';
import { useAuth } from '../../auth/auth-context';
import { formatDateTime, formatNumber } from '../../lib/format';
import { apiErrors } from '../../lib/graphql-errors';
import { TAG_COLORS } from '../../theme';
import { licenseExpiry, usagePercent } from './license-expiry';

/** The server refuses documents over 64 KB; a bigger file is not a license and is not read. */
const MAX_DOCUMENT_BYTES = 64 * 1024;
const PLATFORM_CONFIGURE = 'platform:configure';

/** 运营端: the license in force (usage against limits, expiry warning, expired banner), installing a new one, history. */
export function LicensePage({ now = () => new Date() }: { now?: () => Date }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const { viewer } = useAuth();
  // The menu shows the page to every operator; installing and the history are the operator admin's (the server decides).
  const canConfigure = viewer?.permissions.includes(PLATFORM_CONFIGURE) ?? false;
  const [{ data, fetching, error }, refetch] = useQuery({ query: ConsoleLicenseDocument });
  const [history, refetchHistory] = useQuery({
    query: ConsoleLicenseHistoryDocument,
    variables: { skip: 0, take: 20 },
    pause: !canConfigure,
  });
  const [installing, setInstalling] = useState(false);
  const license = data?.license;
  const expiry = license ? licenseExpiry(license, now()) : null;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('opInsight.license.title')}
        </Typography.Title>
        {canConfigure && (
          <Button type="primary" onClick={() => setInstalling(true)}>
            {t('opInsight.license.install')}
          </Button>
        )}
      </Space>
      <Typography.Paragraph style={{ margin: 0 }}>{t('opInsight.license.hint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />}
      {expiry?.kind === 'expired' && (
        <Alert
          type="error"
          showIcon
          banner
          role="alert"
          message={t('opInsight.license.expiredTitle')}
          description={t('opInsight.license.expired', { days: expiry.daysAgo })}
        />
      )}
      {expiry?.kind === 'expiring' && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          message={t('opInsight.license.expiringTitle')}
          description={t('opInsight.license.expiring', { days: expiry.daysLeft })}
        />
      )}
      {license?.source === 'EVALUATION' && (
        <Alert type="info" showIcon message={t('opInsight.license.evaluationHint')} />
      )}
      {!canConfigure && <Typography.Text>{t('opInsight.license.noPermission')}</Typography.Text>}
      <Card loading={fetching && !license}>
        {license && (
          <Descriptions
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'licensee', label: t('opInsight.license.licensee'), children: license.licensee },
              {
                key: 'licenseId',
                label: t('opInsight.license.licenseId'),
                children: <Typography.Text code>{license.licenseId}</Typography.Text>,
              },
              {
                key: 'source',
                label: t('opInsight.license.source'),
                children: t(`opInsight.license.source${license.source}`),
              },
              {
                key: 'expiresAt',
                label: t('opInsight.license.expiresAt'),
                children: license.expiresAt ? (
                  <Space>
                    {formatDateTime(license.expiresAt, language)}
                    {expiry?.kind === 'expired' && (
                      <Tag color={TAG_COLORS.red}>{t('opInsight.license.expiredTitle')}</Tag>
                    )}
                  </Space>
                ) : (
                  t('opInsight.license.never')
                ),
              },
              {
                key: 'issuedAt',
                label: t('opInsight.license.issuedAt'),
                children: formatDateTime(license.issuedAt, language),
              },
              {
                key: 'installedAt',
                label: t('opInsight.license.installedAt'),
                children: formatDateTime(license.installedAt, language),
              },
            ]}
          />
        )}
      </Card>
      {license && (
        <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('opInsight.license.usage')}</h3>}>
          <Table
            rowKey="name"
            pagination={false}
            dataSource={license.limits}
            columns={[
              {
                title: t('opInsight.license.limit'),
                dataIndex: 'name',
                render: (name: string) => t(`opInsight.license.limit${name}`),
              },
              {
                title: t('opInsight.license.used'),
                dataIndex: 'used',
                align: 'right',
                render: (used?: number | null) =>
                  used === null || used === undefined
                    ? t('opInsight.license.notTracked')
                    : formatNumber(used, language),
              },
              {
                title: t('opInsight.license.max'),
                dataIndex: 'max',
                align: 'right',
                render: (max?: number | null) =>
                  max === null || max === undefined
                    ? t('opInsight.license.unlimited')
                    : formatNumber(max, language),
              },
              {
                title: t('opInsight.license.remaining'),
                dataIndex: 'remaining',
                align: 'right',
                render: (remaining?: number | null) =>
                  remaining === null || remaining === undefined ? '—' : formatNumber(remaining, language),
              },
              {
                title: t('opInsight.license.usage'),
                width: 240,
                render: (_, limit) => {
                  const percent = usagePercent(limit);
                  return percent === null ? (
                    '—'
                  ) : (
                    <Progress
                      percent={percent}
                      size="small"
                      status={percent >= 100 ? 'exception' : 'normal'}
                      aria-label={`${t(`opInsight.license.limit${limit.name}`)} ${percent}%`}
                    />
                  );
                },
              },
            ]}
          />
        </Card>
      )}
      {canConfigure && (
        <Card title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('opInsight.license.history')}</h3>}>
          {history.error && <Alert type="error" showIcon message={apiErrors(history.error)[0]?.message} />}
          <Table
            rowKey="id"
            size="small"
            loading={history.fetching}
            dataSource={history.data?.licenseHistory?.items ?? []}
            pagination={false}
            locale={{ emptyText: <Empty description={t('opInsight.license.historyEmpty')} /> }}
            columns={[
              {
                title: t('opInsight.license.licenseId'),
                render: (_, item) => (
                  <Space>
                    <Typography.Text code>{item.licenseId}</Typography.Text>
                    {item.active && <Tag color={TAG_COLORS.green}>{t('opInsight.license.active')}</Tag>}
                    {!item.valid && <Tag color={TAG_COLORS.red}>{t('opInsight.license.invalid')}</Tag>}
                  </Space>
                ),
              },
              { title: t('opInsight.license.licensee'), dataIndex: 'licensee' },
              {
                title: t('opInsight.license.installedAt'),
                dataIndex: 'installedAt',
                render: (d: string) => formatDateTime(d, language),
              },
              {
                title: t('opInsight.license.expiresAt'),
                dataIndex: 'expiresAt',
                render: (d?: string | null) =>
                  d ? formatDateTime(d, language) : t('opInsight.license.never'),
              },
              {
                title: t('opInsight.license.installedBy'),
                dataIndex: 'installedBy',
                render: (id: string) => <Typography.Text code>{id}</Typography.Text>,
              },
            ]}
          />
        </Card>
      )}
      <InstallLicenseDialog
        open={installing}
        onClose={() => setInstalling(false)}
        onInstalled={() => {
          setInstalling(false);
          refetch({ requestPolicy: 'network-only' });
          refetchHistory({ requestPolicy: 'network-only' });
        }}
      />
    </Space>
  );
}

/** Paste or choose the vendor's license document, checked as JSON here, confirmed, then verified by the server. */
function InstallLicenseDialog({
  open,
  onClose,
  onInstalled,
}: {
  open: boolean;
  onClose: () => void;
  onInstalled: () => void;
}) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<{ document: string }>();
  const [, install] = useMutation(ConsoleInstallLicenseDocument);
  const [sending, setSending] = useState(false);

  const send = async ({ document }: { document: string }) => {
    const confirmed = await modal.confirm({
      title: t('opInsight.license.confirmTitle'),
      content: t('opInsight.license.confirmBody'),
      okText: t('opInsight.license.installButton'),
      cancelText: t('common.cancel'),
    });
    if (!confirmed) return;
    setSending(true);
    const result = await install({ document: document.trim() });
    setSending(false);
    const first = apiErrors(result.error)[0];
    if (first) {
      // Every refusal (malformed, bad signature, expired, not allowed) is about the document: show it beside it.
      form.setFields([{ name: 'document', errors: [first.message] }]);
      return;
    }
    void message.success(
      t('opInsight.license.installed', { licenseId: result.data!.installLicense.licenseId }),
    );
    form.resetFields();
    onInstalled();
  };

  return (
    <Modal
      open={open}
      title={t('opInsight.license.installTitle')}
      okText={t('opInsight.license.installButton')}
      cancelText={t('common.cancel')}
      confirmLoading={sending}
      onOk={() => form.submit()}
      onCancel={() => {
        form.resetFields();
        onClose();
      }}
      width={640}
    >
      <Typography.Paragraph>{t('opInsight.license.installHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => void send(values)}>
        <Form.Item
          name="document"
          label={t('opInsight.license.document')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            {
              validator: async (_, value?: string) => {
                if (!value?.trim()) return;
                try {
                  JSON.parse(value);
                } catch {
                  throw new Error(t('opInsight.license.notJson'));
                }
              },
            },
          ]}
        >
          <Input.TextArea rows={10} spellCheck={false} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
        <Upload
          accept=".json,.lic,.txt,application/json,text/plain"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(file) => {
            if (file.size > MAX_DOCUMENT_BYTES) {
              form.setFields([{ name: 'document', errors: [t('opInsight.license.fileTooLarge')] }]);
              return Upload.LIST_IGNORE;
            }
            void file.text().then((text) => {
              form.setFieldsValue({ document: text });
              void form.validateFields(['document']);
            });
            return false; // read here, never uploaded: the document goes in the mutation
          }}
        >
          <Button>{t('opInsight.license.chooseFile')}</Button>
        </Upload>
      </Form>
    </Modal>
  );
}
