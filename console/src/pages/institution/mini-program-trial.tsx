import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Image,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  InstitutionAddTrialMemberDocument,
  InstitutionClearTrialVersionDocument,
  InstitutionRemoveTrialMemberDocument,
  InstitutionSetTrialVersionDocument,
  InstitutionTrialDocument,
  InstitutionTrialQrCodeDocument,
  type ConsoleVersionFieldsFragment,
} from '../../../../schema/generated/graphql';
import { formatDateTime } from '../../lib/format';
import { apiErrors, splitFieldErrors } from '../../lib/graphql-errors';
import { VersionStatusTag } from './version-status-tag';

const TRIAL_STATUSES = new Set(['DEVELOPMENT', 'SUBMITTED', 'APPROVED', 'GRAY', 'PUBLISHED']);

/**
 * 企业端: the trial version (体验版), its testers and the preview QR code. The server draws the code (trialQrCode gives a
 * data: URL with a signed, expiring grant), so the console needs no QR library.
 */
export function MiniProgramTrial({
  appId,
  versions,
}: {
  appId: string;
  versions: ConsoleVersionFieldsFragment[];
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [{ data, fetching }, refetch] = useQuery({ query: InstitutionTrialDocument, variables: { appId } });
  const [ttlHours, setTtlHours] = useState(24);
  const trial = data?.trialVersion;
  const [{ data: qr, error: qrError, fetching: qrFetching }, refetchQr] = useQuery({
    query: InstitutionTrialQrCodeDocument,
    variables: { appId, ttlHours },
    pause: !trial,
    requestPolicy: 'network-only',
  });
  const [, setTrial] = useMutation(InstitutionSetTrialVersionDocument);
  const [, clearTrial] = useMutation(InstitutionClearTrialVersionDocument);
  const [{ fetching: adding }, addMember] = useMutation(InstitutionAddTrialMemberDocument);
  const [, removeMember] = useMutation(InstitutionRemoveTrialMemberDocument);
  const [chosen, setChosen] = useState<string | undefined>();
  const [memberForm] = Form.useForm<{ userId: string; label?: string }>();
  const candidates = versions.filter((v) => TRIAL_STATUSES.has(v.status));
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const act = async (run: () => Promise<{ error?: Parameters<typeof apiErrors>[0] }>, done: string) => {
    const result = await run();
    const first = apiErrors(result.error)[0];
    if (first) void message.error(first.message);
    else void message.success(done);
    reload();
  };

  const submitMember = async (values: { userId: string; label?: string }) => {
    const result = await addMember({
      appId,
      userId: values.userId.trim(),
      label: values.label?.trim() || undefined,
    });
    if (!result.data) {
      const { fieldErrors, other } = splitFieldErrors(apiErrors(result.error), ['userId', 'label'] as const);
      memberForm.setFields(fieldErrors);
      if (other[0]) void message.error(other[0].message);
      return;
    }
    void message.success(t('inst.trial.memberAdded'));
    memberForm.resetFields();
    reload();
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space align="start" wrap size="middle">
        <Card title={t('inst.trial.versionTitle')} size="small" style={{ width: 420 }}>
          <Space direction="vertical" style={{ width: '100%' }}>
            {trial ? (
              <Space>
                <Typography.Text strong>{trial.versionName}</Typography.Text>
                <VersionStatusTag status={trial.status} />
              </Space>
            ) : (
              <Typography.Text>{t('inst.trial.noVersion')}</Typography.Text>
            )}
            <Space wrap>
              <Select
                aria-label={t('inst.trial.chooseVersion')}
                placeholder={t('inst.trial.chooseVersion')}
                style={{ width: 180 }}
                value={chosen}
                onChange={setChosen}
                options={candidates.map((v) => ({ value: v.id, label: v.versionName }))}
              />
              <Button
                type="primary"
                disabled={!chosen}
                onClick={() => act(() => setTrial({ versionId: chosen! }), t('inst.trial.versionSet'))}
              >
                {t('inst.trial.setVersion')}
              </Button>
              {trial && (
                <Popconfirm
                  title={t('inst.trial.clearConfirm')}
                  okText={t('common.confirm')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => act(() => clearTrial({ appId }), t('inst.trial.cleared'))}
                >
                  <Button danger>{t('inst.trial.clear')}</Button>
                </Popconfirm>
              )}
            </Space>
          </Space>
        </Card>
        <Card title={t('inst.trial.qrTitle')} size="small" style={{ width: 360 }}>
          {!trial ? (
            <Empty description={t('inst.trial.qrNeedsVersion')} />
          ) : qrError ? (
            <Alert type="error" showIcon message={apiErrors(qrError)[0]?.message} />
          ) : (
            <Space direction="vertical" style={{ width: '100%' }}>
              {qr?.trialQrCode && (
                <>
                  <Image
                    src={qr.trialQrCode.dataUrl}
                    alt={t('inst.trial.qrAlt')}
                    width={200}
                    height={200}
                    preview={false}
                  />
                  <Typography.Text>
                    {t('inst.trial.qrHint', {
                      date: formatDateTime(qr.trialQrCode.expiresAt, i18n.language),
                    })}
                  </Typography.Text>
                  <Typography.Text code copyable style={{ wordBreak: 'break-all' }}>
                    {qr.trialQrCode.deepLink}
                  </Typography.Text>
                </>
              )}
              <Space>
                <InputNumber
                  aria-label={t('inst.trial.validity')}
                  addonBefore={t('inst.trial.validity')}
                  min={1}
                  max={720}
                  value={ttlHours}
                  onChange={(v) => v && setTtlHours(v)}
                  style={{ width: 220 }}
                />
                <Button loading={qrFetching} onClick={() => refetchQr({ requestPolicy: 'network-only' })}>
                  {t('inst.trial.refresh')}
                </Button>
              </Space>
            </Space>
          )}
        </Card>
      </Space>
      <Card title={t('inst.trial.membersTitle')} size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Form form={memberForm} layout="inline" onFinish={submitMember}>
            <Form.Item
              name="userId"
              label={t('inst.trial.userId')}
              tooltip={t('inst.trial.userIdHint')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 128 }]}
            >
              <Input style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="label" label={t('inst.trial.label')} rules={[{ max: 64 }]}>
              <Input style={{ width: 180 }} />
            </Form.Item>
            <Button htmlType="submit" loading={adding}>
              {t('inst.trial.addMember')}
            </Button>
          </Form>
          <Table
            rowKey="id"
            loading={fetching}
            dataSource={data?.trialMembers ?? []}
            pagination={{ pageSize: 20, hideOnSinglePage: true }}
            locale={{ emptyText: <Empty description={t('inst.trial.membersEmpty')} /> }}
            columns={[
              { title: t('inst.trial.userId'), dataIndex: 'userId' },
              { title: t('inst.trial.label'), render: (_, m) => m.label ?? '—' },
              {
                title: t('inst.trial.addedAt'),
                render: (_, m) => formatDateTime(m.createdAt, i18n.language),
              },
              {
                title: t('common.actions'),
                render: (_, m) => (
                  <Popconfirm
                    title={t('inst.trial.removeMemberConfirm', { userId: m.userId })}
                    okText={t('common.confirm')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() =>
                      act(() => removeMember({ appId, userId: m.userId }), t('inst.trial.memberRemoved'))
                    }
                  >
                    <Button size="small" danger>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                ),
              },
            ]}
          />
        </Space>
      </Card>
    </Space>
  );
}
