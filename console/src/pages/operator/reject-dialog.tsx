import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

/** Asks why (the applicant reads it) before a rejection is sent. */
export function RejectDialog({
  open,
  title,
  onCancel,
  onReject,
}: {
  open: boolean;
  title: string;
  onCancel: () => void;
  onReject: (reason: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={t('review.reject')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnClose
    >
      <Form form={form} layout="vertical" preserve={false} onFinish={({ reason }) => onReject(reason.trim())}>
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
