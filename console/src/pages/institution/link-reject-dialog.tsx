import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import type { CombinedError } from '@urql/core';
import { useTranslation } from 'react-i18next';
import { apiErrors, splitFieldErrors } from '../../lib/graphql-errors';

/**
 * Asks why (the requesting organization reads it) before a link request is refused; the reason is optional. A refusal
 * by the server keeps the dialog open (beside the reason when it is about it), progress shows while it is sent.
 */
export function LinkRejectDialog({
  open,
  title,
  onCancel,
  onReject,
}: {
  open: boolean;
  title: string;
  onCancel: () => void;
  onReject: (reason: string | undefined) => Promise<CombinedError | undefined>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
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
      okText={t('inst.hostApps.reject')}
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
          const error = await onReject(reason?.trim() || undefined).finally(() => setSaving(false));
          if (!error) return;
          const { fieldErrors, other } = splitFieldErrors(apiErrors(error), ['reason'] as const);
          form.setFields(fieldErrors);
          if (other[0]) setFailure(other[0].message);
        }}
      >
        <Form.Item name="reason" label={t('inst.hostApps.rejectReason')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
