import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Avatar,
  Button,
  Card,
  Form,
  Input,
  Progress,
  Select,
  Space,
  Typography,
  Upload,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  InstitutionMiniProgramSettingsDocument,
  InstitutionUpdateMiniProgramDocument,
} from '../../../../schema/generated/graphql';
import { useAuth } from '../../auth/auth-context';
import { apiErrors, splitFieldErrors } from '../../lib/graphql-errors';
import { UploadFailedError } from '../../lib/upload-package';
import { logoProblem, LOGO_TYPES, uploadLogo } from './upload-logo';

interface SettingsForm {
  name: string;
  description?: string;
  category?: string;
  tags: string[];
}

/** 企业端: a mini-program's name, description, category and tags, and its logo (uploaded with progress). */
export function MiniProgramSettings({ appId, onChanged }: { appId: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { manager } = useAuth();
  const [{ data }, refetch] = useQuery({
    query: InstitutionMiniProgramSettingsDocument,
    variables: { appId },
  });
  const [{ fetching: saving }, update] = useMutation(InstitutionUpdateMiniProgramDocument);
  const [form] = Form.useForm<SettingsForm>();
  const [formError, setFormError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [logoError, setLogoError] = useState<string | null>(null);
  const mp = data?.miniProgram;

  useEffect(() => {
    if (mp)
      form.setFieldsValue({
        name: mp.name,
        description: mp.description ?? '',
        category: mp.category ?? '',
        tags: [...mp.tags],
      });
  }, [mp, form]);

  const submit = async (values: SettingsForm) => {
    setFormError(null);
    const result = await update({
      appId,
      input: {
        name: values.name.trim(),
        description: values.description ?? '',
        category: values.category ?? '',
        tags: values.tags.map((tag) => tag.trim()).filter(Boolean),
      },
    });
    if (!result.data) {
      const { fieldErrors, other } = splitFieldErrors(apiErrors(result.error), [
        'name',
        'description',
        'category',
        'tags',
      ] as const);
      form.setFields(fieldErrors);
      if (other[0]) setFormError(other[0].message);
      return;
    }
    void message.success(t('inst.saved'));
    onChanged();
  };

  return (
    <Space align="start" wrap size="middle">
      <Card title={t('inst.settings.title')} size="small" style={{ width: 480 }}>
        {formError && (
          <Alert type="error" showIcon message={formError} style={{ marginBottom: 12 }} role="alert" />
        )}
        <Form<SettingsForm> form={form} layout="vertical" onFinish={submit} initialValues={{ tags: [] }}>
          <Form.Item
            name="name"
            label={t('inst.settings.name')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 64 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="category" label={t('inst.settings.category')} rules={[{ max: 64 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('inst.settings.description')}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
          <Form.Item
            name="tags"
            label={t('inst.settings.tags')}
            extra={t('inst.settings.tagsHint')}
            rules={[{ type: 'array', max: 10, message: t('inst.settings.tagsHint') }]}
          >
            <Select mode="tags" open={false} suffixIcon={null} aria-label={t('inst.settings.tags')} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={saving}>
            {t('inst.settings.save')}
          </Button>
        </Form>
      </Card>
      <Card title={t('inst.settings.logo')} size="small" style={{ width: 360 }}>
        <Space direction="vertical" style={{ width: '100%' }}>
          {mp?.logoUrl ? (
            <Avatar
              shape="square"
              size={96}
              src={mp.logoUrl}
              alt={t('inst.settings.logoAlt', { name: mp.name })}
            />
          ) : (
            <Typography.Text>{t('inst.settings.noLogo')}</Typography.Text>
          )}
          <Upload.Dragger
            accept={LOGO_TYPES.join(',')}
            multiple={false}
            showUploadList={false}
            disabled={progress !== null}
            customRequest={async ({ file }) => {
              const blob = file as File;
              const problem = logoProblem(blob);
              if (problem) {
                setLogoError(t(problem.key, 'values' in problem ? problem.values : undefined));
                return;
              }
              setLogoError(null);
              setProgress(0);
              try {
                const token = await manager.accessToken();
                if (!token) return;
                await uploadLogo({ appId, file: blob, token, onProgress: setProgress });
                void message.success(t('inst.settings.logoUploaded'));
                refetch({ requestPolicy: 'network-only' });
              } catch (error) {
                setLogoError(error instanceof UploadFailedError ? error.message : String(error));
              } finally {
                setProgress(null);
              }
            }}
          >
            <p style={{ padding: '0 12px' }}>{t('inst.settings.logoDrop')}</p>
          </Upload.Dragger>
          {progress !== null && <Progress percent={progress} aria-label={t('versions.uploading')} />}
          {logoError && <Alert type="error" showIcon message={logoError} role="alert" />}
        </Space>
      </Card>
    </Space>
  );
}
