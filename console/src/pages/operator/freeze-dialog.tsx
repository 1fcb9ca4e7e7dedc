import { useState } from 'react';
import { Alert, Form, Input, Modal } from 'antd';
import type { CombinedError } from '@urql/core';
import { useTranslation } from 'react-i18next';
import { apiErrors, splitFieldErrors } from '../../lib/graphql-errors';

/**
 * Asks why before freezing (the owner reads the reason) and sends nothing until the reason is valid. `onFreeze`
 * answers the server's error, if any: a refusal about the reason is shown beside the field, anything else above it.
 */
export function FreezeDialog({
  target,
  title,
  onCancel,
  onFreeze,
}: {
  /** Open while set (the row being frozen). */
  target: { name: string } | null;
  title: string;
  onCancel: () => void;
  onFreeze: (reason: string) => Promise<CombinedError | undefined>;
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
      open={target !== null}
      title={title}
      okText={t('operator.freeze.freeze')}
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
          const error = await onFreeze(reason.trim()).finally(() => setSaving(false));
          if (!error) return;
          const { fieldErrors, other } = splitFieldErrors(apiErrors(error), ['reason'] as const);
          form.setFields(fieldErrors);
          if (other[0]) setFailure(other[0].message);
        }}
      >
        <Form.Item
          name="reason"
          label={t('operator.freeze.reason')}
          extra={t('operator.freeze.reasonHint')}
          rules={[
            { required: true, whitespace: true, message: t('validation.required') },
            { max: 500, message: t('operator.freeze.reasonHint') },
          ]}
        >
          <Input.TextArea rows={3} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
