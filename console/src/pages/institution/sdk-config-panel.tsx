import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  InstitutionClearSdkConfigOverrideDocument,
  InstitutionSdkConfigDocument,
  InstitutionSetSdkConfigOverrideDocument,
} from '../../../../schema/generated/graphql';
import { formatNumber } from '../../lib/format';
import { apiErrors, splitFieldErrors } from '../../lib/graphql-errors';
import {
  duplicateExtraKeys,
  fromSdkSettings,
  toSdkConfigInput,
  type SdkOverrideForm,
} from './sdk-config-form';

const LOG_LEVELS = ['ERROR', 'WARN', 'INFO', 'DEBUG'] as const;
const NUMBER_FIELDS = [
  ['packageDownloadTimeoutMs', 1000, 600000],
  ['maxCachedApplets', 1, 100],
  ['reportIntervalSec', 5, 86400],
] as const;

/** 企业端: a host app's SDK configuration — what is in force, and its own override of the global defaults. */
export function SdkConfigPanel({ hostAppId, editable }: { hostAppId: string; editable: boolean }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [{ data, error }, refetch] = useQuery({
    query: InstitutionSdkConfigDocument,
    variables: { hostAppId },
  });
  const [{ fetching: saving }, save] = useMutation(InstitutionSetSdkConfigOverrideDocument);
  const [, clear] = useMutation(InstitutionClearSdkConfigOverrideDocument);
  const [form] = Form.useForm<SdkOverrideForm>();
  const [formError, setFormError] = useState<string | null>(null);
  const override = data?.sdkConfigOverride;
  const effective = data?.effectiveSdkConfig;
  const reload = () => refetch({ requestPolicy: 'network-only' });

  useEffect(() => {
    form.setFieldsValue(fromSdkSettings(override?.settings));
  }, [override, form]);

  const submit = async (values: SdkOverrideForm) => {
    setFormError(null);
    const twice = duplicateExtraKeys(values.extra);
    if (twice.length) {
      setFormError(twice.map((key) => t('inst.sdk.duplicateKey', { key })).join('; '));
      return;
    }
    const result = await save({
      hostAppId,
      input: toSdkConfigInput(values),
      expectedVersion: override?.version ?? 0,
    });
    if (!result.data) {
      const { fieldErrors, other } = splitFieldErrors(apiErrors(result.error), [
        'packageDownloadTimeoutMs',
        'maxCachedApplets',
        'reportIntervalSec',
        'logLevel',
        'allowedApiList',
        'blockedApiList',
      ] as const);
      form.setFields(fieldErrors);
      if (other[0]) setFormError(other[0].message);
      return;
    }
    void message.success(t('inst.sdk.saved'));
    reload();
  };

  const clearOverride = async () => {
    const result = await clear({ hostAppId, expectedVersion: override?.version ?? 0 });
    const first = apiErrors(result.error)[0];
    if (first) void message.error(first.message);
    else void message.success(t('inst.sdk.cleared'));
    reload();
  };

  if (error && !data) return <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />;
  const list = (items: readonly string[] | undefined) =>
    items?.length ? items.join(', ') : t('inst.sdk.all');
  return (
    <Space align="start" wrap size="middle">
      <Card title={t('inst.sdk.effectiveTitle')} size="small" style={{ width: 420 }}>
        {effective && (
          <Descriptions column={1} size="small">
            <Descriptions.Item label="">
              {t('inst.sdk.version', {
                version: effective.version,
                global: effective.globalVersion,
                override: effective.overrideVersion,
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('inst.sdk.packageDownloadTimeoutMs')}>
              {formatNumber(effective.config.packageDownloadTimeoutMs, i18n.language)}
            </Descriptions.Item>
            <Descriptions.Item label={t('inst.sdk.maxCachedApplets')}>
              {formatNumber(effective.config.maxCachedApplets, i18n.language)}
            </Descriptions.Item>
            <Descriptions.Item label={t('inst.sdk.reportIntervalSec')}>
              {formatNumber(effective.config.reportIntervalSec, i18n.language)}
            </Descriptions.Item>
            <Descriptions.Item label={t('inst.sdk.enableDebug')}>
              {effective.config.enableDebug ? t('inst.sdk.debug.on') : t('inst.sdk.debug.off')}
            </Descriptions.Item>
            <Descriptions.Item label={t('inst.sdk.logLevel')}>{effective.config.logLevel}</Descriptions.Item>
            <Descriptions.Item label={t('inst.sdk.allowedApiList')}>
              {list(effective.config.allowedApiList)}
            </Descriptions.Item>
            <Descriptions.Item label={t('inst.sdk.blockedApiList')}>
              {effective.config.blockedApiList.join(', ') || '—'}
            </Descriptions.Item>
            {effective.config.extra.map((e) => (
              <Descriptions.Item key={e.key} label={e.key}>
                {e.value}
              </Descriptions.Item>
            ))}
          </Descriptions>
        )}
      </Card>
      <Card title={t('inst.sdk.overrideTitle')} size="small" style={{ width: 520 }}>
        <Typography.Paragraph>
          {override?.version ? t('inst.sdk.overrideHint') : t('inst.sdk.none')}
        </Typography.Paragraph>
        {formError && (
          <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} role="alert" />
        )}
        <Form<SdkOverrideForm> form={form} layout="vertical" onFinish={submit} disabled={!editable}>
          <Space wrap>
            {NUMBER_FIELDS.map(([name, min, max]) => (
              <Form.Item key={name} name={name} label={t(`inst.sdk.${name}`)}>
                <InputNumber min={min} max={max} style={{ width: 150 }} />
              </Form.Item>
            ))}
          </Space>
          <Form.Item name="enableDebug" label={t('inst.sdk.enableDebug')}>
            <Radio.Group
              options={(['inherit', 'on', 'off'] as const).map((v) => ({
                value: v,
                label: t(`inst.sdk.debug.${v}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="logLevel" label={t('inst.sdk.logLevel')}>
            <Select
              allowClear
              aria-label={t('inst.sdk.logLevel')}
              style={{ width: 160 }}
              options={LOG_LEVELS.map((l) => ({ value: l, label: l }))}
            />
          </Form.Item>
          <Form.Item
            name="allowedApiList"
            label={t('inst.sdk.allowedApiList')}
            extra={t('inst.sdk.allowedHint')}
          >
            <Select mode="tags" open={false} suffixIcon={null} aria-label={t('inst.sdk.allowedApiList')} />
          </Form.Item>
          <Form.Item name="blockedApiList" label={t('inst.sdk.blockedApiList')}>
            <Select mode="tags" open={false} suffixIcon={null} aria-label={t('inst.sdk.blockedApiList')} />
          </Form.Item>
          <Form.List name="extra">
            {(fields, { add, remove }) => (
              <Form.Item label={t('inst.sdk.extra')}>
                {fields.map((field) => (
                  <Space key={field.key} align="baseline">
                    <Form.Item
                      name={[field.name, 'key']}
                      rules={[{ required: true, message: t('validation.required') }]}
                    >
                      <Input placeholder={t('inst.sdk.key')} aria-label={t('inst.sdk.key')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'value']}>
                      <Input placeholder={t('inst.sdk.value')} aria-label={t('inst.sdk.value')} />
                    </Form.Item>
                    <Button onClick={() => remove(field.name)}>{t('inst.sdk.removeExtra')}</Button>
                  </Space>
                ))}
                <Button onClick={() => add({ key: '', value: '' })}>{t('inst.sdk.addExtra')}</Button>
              </Form.Item>
            )}
          </Form.List>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('inst.sdk.save')}
            </Button>
            {override?.version ? (
              <Popconfirm
                title={t('inst.sdk.clearConfirm')}
                okText={t('common.confirm')}
                okButtonProps={{ danger: true }}
                cancelText={t('common.cancel')}
                onConfirm={clearOverride}
              >
                <Button danger>{t('inst.sdk.clear')}</Button>
              </Popconfirm>
            ) : null}
          </Space>
        </Form>
      </Card>
    </Space>
  );
}
