import { useState } from 'react';
import { Alert, Form, Input, Progress, Space, Typography, Upload } from 'antd';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../auth/auth-context';
import { UploadFailedError, uploadPackage } from '../../lib/upload-package';

/** What the package validator found, as the upload route reports it (`data` of a refused upload). */
function findings(details: unknown): string[] {
  if (!details || typeof details !== 'object') return [];
  const d = details as { problems?: unknown; files?: unknown; reason?: unknown; foundAt?: unknown };
  const lines: string[] = [];
  if (typeof d.reason === 'string') lines.push(d.reason);
  if (Array.isArray(d.problems)) {
    for (const p of d.problems as Array<{ member?: unknown; message?: unknown }>)
      lines.push(`${String(p.member ?? '')}: ${String(p.message ?? '')}`);
  }
  if (Array.isArray(d.files)) lines.push(...d.files.map(String));
  if (typeof d.foundAt === 'string') lines.push(d.foundAt);
  return lines;
}

/** Drag a ZIP here: uploads it as a new version with progress, and shows what the validator refused. */
export function VersionUpload({ appId, onUploaded }: { appId: string; onUploaded: () => void }) {
  const { t } = useTranslation();
  const { manager } = useAuth();
  const [versionName, setVersionName] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<{ message: string; findings: string[] } | null>(null);
  const validName = /^\d+\.\d+\.\d+([-+][\w.-]+)?$/.test(versionName);

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Form layout="vertical">
        <Form.Item
          label={t('versions.versionName')}
          validateStatus={versionName && !validName ? 'error' : undefined}
          help={versionName && !validName ? t('versions.versionNameRule') : undefined}
          style={{ maxWidth: 240, marginBottom: 8 }}
        >
          <Input
            value={versionName}
            placeholder="1.0.0"
            onChange={(e) => setVersionName(e.target.value.trim())}
            aria-label={t('versions.versionName')}
          />
        </Form.Item>
      </Form>
      <Upload.Dragger
        accept=".zip,application/zip"
        multiple={false}
        showUploadList={false}
        disabled={progress !== null}
        customRequest={async ({ file }) => {
          if (!validName) {
            setFailure({ message: t('versions.nameFirst'), findings: [] });
            return;
          }
          setFailure(null);
          setProgress(0);
          try {
            const token = await manager.accessToken();
            if (!token) return;
            await uploadPackage({ appId, versionName, file: file as Blob, token, onProgress: setProgress });
            setVersionName('');
            onUploaded();
          } catch (error) {
            const e =
              error instanceof UploadFailedError
                ? error
                : new UploadFailedError('INTERNAL_SERVER_ERROR', String(error), null);
            setFailure({ message: e.message, findings: findings(e.details) });
          } finally {
            setProgress(null);
          }
        }}
      >
        <p className="ant-upload-text">{validName ? t('versions.dropHere') : t('versions.nameFirst')}</p>
        <p className="ant-upload-hint">{t('versions.dropHint')}</p>
      </Upload.Dragger>
      {progress !== null && (
        <Progress percent={progress} status="active" aria-label={t('versions.uploading')} />
      )}
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          message={t('versions.refused')}
          description={
            <>
              <Typography.Paragraph style={{ marginBottom: 4 }}>{failure.message}</Typography.Paragraph>
              {failure.findings.length > 0 && (
                <ul>
                  {failure.findings.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              )}
            </>
          }
        />
      )}
    </Space>
  );
}
