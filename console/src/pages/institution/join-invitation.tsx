import { App, Button, Card, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { InstitutionAcceptInvitationDocument } from '../../../../schema/generated/graphql';
import { useAuth } from '../../auth/auth-context';
import { apiErrors } from '../../lib/graphql-errors';

/** A signed-in person redeems an invitation code (acceptInvitation); the new membership shows after `me` is read again. */
export function JoinInvitation() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { reload } = useAuth();
  const [form] = Form.useForm<{ token: string }>();
  const [{ fetching }, accept] = useMutation(InstitutionAcceptInvitationDocument);
  const submit = async ({ token }: { token: string }) => {
    const result = await accept({ token: token.trim() });
    if (!result.data) {
      form.setFields([{ name: 'token', errors: [apiErrors(result.error)[0]?.message ?? ''] }]);
      return;
    }
    void message.success(t('inst.members.joined'));
    form.resetFields();
    await reload();
  };
  return (
    <Card title={t('inst.members.joinTitle')} size="small" style={{ maxWidth: 560 }}>
      <Form form={form} layout="inline" onFinish={submit}>
        <Form.Item
          name="token"
          label={t('inst.members.joinCode')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input style={{ width: 260 }} />
        </Form.Item>
        <Button htmlType="submit" loading={fetching}>
          {t('inst.members.join')}
        </Button>
      </Form>
    </Card>
  );
}
