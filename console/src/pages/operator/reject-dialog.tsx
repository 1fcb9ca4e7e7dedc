import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import type { CombinedError } from '@urql/core';
import { useTranslation } from 'react-i18next';
import { apiErrors, splitFieldErrors } from '../../lib/graphql-errors';

/**
 * Asks why (the applicant reads it) before a rejection is sent. `onReject` answers the server's error, if any: the
 * dialog stays open with a refusal about the reason beside the field and anything else above it, so nothing typed is
 * lost; the button shows progress while the rejection is sent (no second one).
 */
export function RejectDialog({
  open,
  title,
  onCancel,
  onReject,
}: {
  open: boolean;
  title: string;
  onCancel: () => void;
  onReject: (reason: string) => Promise<CombinedError | undefined>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const close = () => {
    setFailure(null);
    onCancel();
  };
  return (
    <Modal
      open={open}
      title={title}
      okText={t('review.reject')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
      onCancel={close}
      onOk={() => form.submit()}
      destroyOnClose
    >
      {failure && <Alert type="error" showIcon role="alert" message={failure} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={async ({ reason }) => {
          setSaving(true);
          setFailure(null);
          const error = await onReject(reason.trim()).finally(() => setSaving(false));
          if (!error) return;
          const { fieldErrors, other } = splitFieldErrors(apiErrors(error), ['reason'] as const);
          form.setFields(fieldErrors);
          if (other[0]) setFailure(other[0].message);
        }}
      >
        <Form.Item
          name="reason"
          label={t('review.reason')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 500 }]}
        >
          <Input.TextArea rows={3} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
