import { Form, Input, Modal } from 'antd';
import { useTranslation } from 'react-i18next';

/** Asks why (the requesting organization reads it) before a link request is refused; the reason is optional. */
export function LinkRejectDialog({
  open,
  title,
  onCancel,
  onReject,
}: {
  open: boolean;
  title: string;
  onCancel: () => void;
  onReject: (reason: string | undefined) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ reason?: string }>();
  return (
    <Modal
      open={open}
      title={title}
      okText={t('inst.hostApps.reject')}
      okButtonProps={{ danger: true }}
      cancelText={t('common.cancel')}
      onCancel={onCancel}
      onOk={() => form.submit()}
      destroyOnClose
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        onFinish={({ reason }) => onReject(reason?.trim() || undefined)}
      >
        <Form.Item name="reason" label={t('inst.hostApps.rejectReason')} rules={[{ max: 500 }]}>
          <Input.TextArea rows={3} autoFocus />
        </Form.Item>
      </Form>
    </Modal>
  );
}
