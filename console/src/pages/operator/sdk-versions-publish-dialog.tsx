import { useState } from 'react';
import { Alert, Checkbox, Form, Input, Modal, Progress, Select, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SdkPlatform } from '../../../../schema/generated/graphql';
import { useAuth } from '../../auth/auth-context';
import { UploadFailedError } from '../../lib/upload-package';
import { isSemver, uploadErrorFields, uploadRelease } from './sdk-versions-upload';

export const SDK_PLATFORMS: SdkPlatform[] = ['IOS', 'ANDROID', 'HARMONY'];

interface PublishForm {
  version: string;
  minSdkVersion?: string;
  platforms?: SdkPlatform[];
  platform?: SdkPlatform;
  releaseNotes?: string;
}

/**
 * Publishes a base library or an SDK release: the details are checked before sending, the ZIP goes up with progress,
 * and the server's refusal of a detail is shown beside that field.
 */
export function SdkVersionsPublishDialog({
  kind,
  open,
  onClose,
  onPublished,
}: {
  kind: 'base-library' | 'sdk-version';
  open: boolean;
  onClose: () => void;
  onPublished: (version: string) => void;
}) {
  const { t } = useTranslation();
  const { manager } = useAuth();
  const [form] = Form.useForm<PublishForm>();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    if (progress !== null) return; // an upload in flight finishes first
    setFile(null);
    setFileError(null);
    setFailure(null);
    onClose();
  };
  const semverRule = {
    validator: async (_: unknown, value?: string) => {
      if (value && !isSemver(value)) throw new Error(t('opPlatform.semver'));
    },
  };

  const submit = async (values: PublishForm) => {
    if (!file) return setFileError(t('opPlatform.upload.fileRequired'));
    const token = await manager.accessToken();
    if (!token) return;
    setFailure(null);
    setProgress(0);
    try {
      await uploadRelease({
        upload:
          kind === 'base-library'
            ? {
                kind,
                version: values.version,
                minSdkVersion: values.minSdkVersion ?? '',
                platforms: values.platforms ?? [],
                releaseNotes: values.releaseNotes,
              }
            : {
                kind,
                version: values.version,
                platform: values.platform!,
                releaseNotes: values.releaseNotes,
              },
        file,
        token,
        onProgress: setProgress,
      });
      setProgress(null);
      setFile(null);
      onPublished(values.version.trim());
    } catch (error) {
      setProgress(null);
      const failed = error instanceof UploadFailedError ? error : null;
      const fields = uploadErrorFields(failed?.details).filter((f) =>
        ['version', 'minSdkVersion', 'platforms', 'platform', 'releaseNotes'].includes(f),
      );
      const text = failed
        ? failed.message || t(`errors.${failed.code}`, t('errors.INTERNAL_SERVER_ERROR'))
        : String(error);
      if (fields.length)
        form.setFields(fields.map((name) => ({ name: name as keyof PublishForm, errors: [text] })));
      else setFailure(text);
    }
  };

  return (
    <Modal
      open={open}
      title={t(
        kind === 'base-library' ? 'opPlatform.baseLibraries.publish' : 'opPlatform.sdkVersions.publish',
      )}
      okText={t('opPlatform.upload.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={progress !== null}
      onCancel={close}
      onOk={() => form.submit()}
      destroyOnClose
      width={560}
    >
      {failure && <Alert type="error" showIcon role="alert" message={failure} style={{ marginBottom: 16 }} />}
      <Form form={form} layout="vertical" preserve={false} onFinish={submit}>
        <Form.Item
          name="version"
          label={t('opPlatform.version')}
          extra={t('opPlatform.semver')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, semverRule]}
        >
          <Input placeholder="1.2.3" autoFocus />
        </Form.Item>
        {kind === 'base-library' ? (
          <>
            <Form.Item
              name="minSdkVersion"
              label={t('opPlatform.baseLibraries.minSdkVersion')}
              rules={[{ required: true, whitespace: true, message: t('validation.required') }, semverRule]}
            >
              <Input placeholder="1.0.0" />
            </Form.Item>
            <Form.Item
              name="platforms"
              label={t('opPlatform.baseLibraries.platforms')}
              rules={[{ required: true, type: 'array', min: 1, message: t('validation.required') }]}
            >
              <Checkbox.Group
                options={SDK_PLATFORMS.map((p) => ({ value: p, label: t(`opPlatform.platform.${p}`) }))}
              />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="platform"
            label={t('opPlatform.platformFilter')}
            // A validator, not `required`: antd would put aria-required on the Select's wrapper (an axe violation).
            rules={[
              {
                validator: async (_, v) => {
                  if (!v) throw new Error(t('validation.required'));
                },
              },
            ]}
          >
            <Select
              options={SDK_PLATFORMS.map((p) => ({ value: p, label: t(`opPlatform.platform.${p}`) }))}
            />
          </Form.Item>
        )}
        <Form.Item
          name="releaseNotes"
          label={t('opPlatform.releaseNotes')}
          rules={[{ max: 2000, message: t('opPlatform.notesHint') }]}
        >
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item
          label={t('opPlatform.upload.file')}
          required
          validateStatus={fileError ? 'error' : undefined}
          help={fileError ?? file?.name}
        >
          <Upload.Dragger
            accept=".zip,application/zip"
            multiple={false}
            showUploadList={false}
            disabled={progress !== null}
            beforeUpload={(chosen) => {
              setFile(chosen);
              setFileError(null);
              return false; // sent with the form, not on choice
            }}
          >
            <p>{t('opPlatform.upload.drop')}</p>
          </Upload.Dragger>
        </Form.Item>
        {progress !== null && (
          <Progress percent={progress} status="active" aria-label={t('opPlatform.upload.uploading')} />
        )}
      </Form>
    </Modal>
  );
}
