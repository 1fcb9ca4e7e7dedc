import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  OpPlatformSdkConfigHistoryDocument,
  OpPlatformSdkGlobalConfigDocument,
  OpPlatformUpdateSdkGlobalConfigDocument,
} from '../../../../schema/generated/graphql';
import { InstCursorPager } from '../../components/inst-cursor-pager';
import { formatDateTime, formatNumber } from '../../lib/format';
import { apiErrors, splitFieldErrors } from '../../lib/graphql-errors';
import { pageOf, useCursorTrail } from '../institution/cursor-pages';
import {
  GLOBAL_SDK_LIMITS,
  badApiNames,
  changedSettings,
  extraProblems,
  fromGlobalSdkConfig,
  toGlobalSdkConfigInput,
  type GlobalSdkConfigForm,
} from './sdk-config-values';

const LOG_LEVELS = ['ERROR', 'WARN', 'INFO', 'DEBUG'] as const;
const FIELDS = [
  'packageDownloadTimeoutMs',
  'maxCachedApplets',
  'reportIntervalSec',
  'enableDebug',
  'logLevel',
  'allowedApiList',
  'blockedApiList',
  'extra',
] as const;
const HISTORY_TAKE = 10;

/** The changes to the global defaults, newest first, a page at a time (`?after=` in the URL). */
function SdkConfigHistory({ generation }: { generation: number }) {
  const { t, i18n } = useTranslation();
  const trail = useCursorTrail('historyAfter');
  const [{ data, fetching, error }, refetch] = useQuery({
    query: OpPlatformSdkConfigHistoryDocument,
    variables: { after: trail.after, take: HISTORY_TAKE + 1 },
  });
  useEffect(() => {
    if (generation > 0) refetch({ requestPolicy: 'network-only' });
  }, [generation, refetch]);
  const all = data?.sdkConfigHistory ?? [];
  const { rows, hasNext, lastCursor } = pageOf(all, HISTORY_TAKE);
  return (
    <Card
      title={
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('opPlatform.sdkConfig.history')}
        </Typography.Title>
      }
    >
      {error && <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />}
      <Table
        size="small"
        rowKey="version"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: t('opPlatform.sdkConfig.historyEmpty') }}
        columns={[
          { title: t('opPlatform.version'), dataIndex: 'version', width: 90 },
          {
            title: t('opPlatform.sdkConfig.changed'),
            render: (_, revision, index) =>
              changedSettings(revision.settings, all[index + 1]?.settings)
                .map((name) => t(`opPlatform.sdkConfig.${name}`))
                .join('; ') || '—',
          },
          { title: t('opPlatform.sdkConfig.by'), dataIndex: 'createdBy' },
          {
            title: t('opPlatform.createdAt'),
            dataIndex: 'createdAt',
            render: (d: string) => formatDateTime(d, i18n.language),
          },
        ]}
      />
      <InstCursorPager
        page={trail.page}
        hasNext={hasNext}
        onPrevious={trail.previous}
        onNext={() => lastCursor && trail.next(lastCursor)}
      />
    </Card>
  );
}

/** 运营端: the global SDK defaults — view, edit (checked before sending, saved with the version read), history. */
export function SdkConfigPage() {
  const { t, i18n } = useTranslation();
  // The app's modal (not the static one): it follows the theme and the language.
  const { message, modal } = App.useApp();
  const [{ data, error }, refetch] = useQuery({ query: OpPlatformSdkGlobalConfigDocument });
  const [{ fetching: saving }, save] = useMutation(OpPlatformUpdateSdkGlobalConfigDocument);
  const [form] = Form.useForm<GlobalSdkConfigForm>();
  const [formError, setFormError] = useState<string | null>(null);
  const [generation, setGeneration] = useState(0);
  const global = data?.sdkGlobalConfig;

  useEffect(() => {
    if (global) form.setFieldsValue(fromGlobalSdkConfig(global.config));
  }, [global, form]);

  const submit = (values: GlobalSdkConfigForm) =>
    modal.confirm({
      title: t('opPlatform.sdkConfig.saveConfirm'),
      okText: t('opPlatform.sdkConfig.save'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        setFormError(null);
        const result = await save({
          input: toGlobalSdkConfigInput(values),
          expectedVersion: global?.version ?? 0,
        });
        if (result.error) {
          const errors = apiErrors(result.error);
          if (errors.some((e) => e.code === 'CONFLICT')) {
            setFormError(t('opPlatform.sdkConfig.conflict'));
            refetch({ requestPolicy: 'network-only' });
            return;
          }
          const { fieldErrors, other } = splitFieldErrors(errors, FIELDS);
          form.setFields(fieldErrors);
          if (other[0]) setFormError(other[0].message);
          return;
        }
        void message.success(
          t('opPlatform.sdkConfig.saved', { version: result.data?.updateSdkGlobalConfig.version }),
        );
        refetch({ requestPolicy: 'network-only' });
        setGeneration((g) => g + 1);
      },
    });

  const numberField = (name: keyof typeof GLOBAL_SDK_LIMITS) => {
    const [min, max] = GLOBAL_SDK_LIMITS[name];
    const range = t('opPlatform.sdkConfig.range', {
      min: formatNumber(min, i18n.language),
      max: formatNumber(max, i18n.language),
    });
    return (
      <Form.Item
        name={name}
        label={t(`opPlatform.sdkConfig.${name}`)}
        extra={range}
        rules={[
          { required: true, message: t('validation.required') },
          { type: 'integer', min, max, message: range },
        ]}
      >
        <InputNumber style={{ width: 220 }} precision={0} />
      </Form.Item>
    );
  };
  const apiListField = (name: 'allowedApiList' | 'blockedApiList') => (
    <Form.Item
      name={name}
      label={t(`opPlatform.sdkConfig.${name}`)}
      rules={[
        {
          validator: async (_, value?: string[]) => {
            const bad = badApiNames(value);
            if (bad.length) throw new Error(t('opPlatform.sdkConfig.badApiNames', { names: bad.join(', ') }));
          },
        },
      ]}
    >
      <Select
        mode="tags"
        tokenSeparators={[',', ' ']}
        open={false}
        placeholder={t('opPlatform.sdkConfig.apiListPlaceholder')}
      />
    </Form.Item>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('opPlatform.sdkConfig.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>{t('opPlatform.sdkConfig.hint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />}
      {global && (
        <Typography.Text>
          {global.version === 0
            ? t('opPlatform.sdkConfig.builtIn')
            : t('opPlatform.sdkConfig.versionInfo', {
                version: global.version,
                at: formatDateTime(global.updatedAt, i18n.language),
              })}
        </Typography.Text>
      )}
      {formError && <Alert type="error" showIcon role="alert" message={formError} />}
      <Card>
        <Form form={form} layout="vertical" onFinish={submit} disabled={!global} style={{ maxWidth: 720 }}>
          {numberField('packageDownloadTimeoutMs')}
          {numberField('maxCachedApplets')}
          {numberField('reportIntervalSec')}
          <Form.Item name="enableDebug" label={t('opPlatform.sdkConfig.enableDebug')}>
            <Radio.Group
              options={[
                { value: true, label: t('opPlatform.on') },
                { value: false, label: t('opPlatform.off') },
              ]}
            />
          </Form.Item>
          <Form.Item name="logLevel" label={t('opPlatform.sdkConfig.logLevel')}>
            <Select
              style={{ width: 220 }}
              options={LOG_LEVELS.map((level) => ({
                value: level,
                label: t(`opPlatform.logLevel.${level}`),
              }))}
            />
          </Form.Item>
          {apiListField('allowedApiList')}
          {apiListField('blockedApiList')}
          <Form.Item label={t('opPlatform.sdkConfig.extra')}>
            <Form.List
              name="extra"
              rules={[
                {
                  validator: async (_, extra: GlobalSdkConfigForm['extra']) => {
                    const problems = extraProblems(extra);
                    if (problems.length)
                      throw new Error(problems.map((p) => t(p.key, { name: p.name })).join('; '));
                  },
                },
              ]}
            >
              {(fields, { add, remove }, { errors }) => (
                <Space direction="vertical" style={{ width: '100%' }}>
                  {fields.map((field) => (
                    <Space key={field.key} align="baseline">
                      <Form.Item name={[field.name, 'key']} noStyle>
                        <Input
                          placeholder={t('opPlatform.sdkConfig.extraKey')}
                          aria-label={t('opPlatform.sdkConfig.extraKey')}
                        />
                      </Form.Item>
                      <Form.Item name={[field.name, 'value']} noStyle>
                        <Input
                          placeholder={t('opPlatform.sdkConfig.extraValue')}
                          aria-label={t('opPlatform.sdkConfig.extraValue')}
                        />
                      </Form.Item>
                      <Button
                        onClick={() => remove(field.name)}
                        aria-label={t('opPlatform.sdkConfig.removeExtra', {
                          key: form.getFieldValue(['extra', field.name, 'key']) ?? '',
                        })}
                      >
                        {t('common.delete')}
                      </Button>
                    </Space>
                  ))}
                  <Button type="dashed" onClick={() => add({ key: '', value: '' })}>
                    {t('opPlatform.sdkConfig.addExtra')}
                  </Button>
                  <Form.ErrorList errors={errors} />
                </Space>
              )}
            </Form.List>
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={saving}>
              {t('opPlatform.sdkConfig.save')}
            </Button>
            <Button onClick={() => global && form.setFieldsValue(fromGlobalSdkConfig(global.config))}>
              {t('opPlatform.sdkConfig.reset')}
            </Button>
          </Space>
        </Form>
      </Card>
      <SdkConfigHistory generation={generation} />
    </Space>
  );
}
