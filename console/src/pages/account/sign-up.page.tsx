import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useClient } from 'urql';
import { LoginDocument, SignUpDocument } from '../../../../schema/generated/graphql';
import { useAuth } from '../../auth/auth-context';
import { apiErrors, splitFieldErrors } from '../../lib/graphql-errors';
import { AuthCard } from './auth-card';
import { invitationCodeFrom, signUpInput } from './invitation-code';

interface SignUpForm {
  email: string;
  displayName: string;
  password: string;
  invitationToken?: string;
}

const FIELDS = ['email', 'displayName', 'password', 'invitationToken'] as const;
/** The account subgraph's rule (SignUpInput.password): at least 10 characters with letters and digits. */
const PASSWORD_RULE = /^(?=.*[A-Za-z])(?=.*\d).{10,}$/;

export function SignUpPage() {
  const { t } = useTranslation();
  const client = useClient();
  const { signIn } = useAuth();
  const navigate = useNavigate();
  // A link like /sign-up?invitation=<code> fills the code in; the person can still change or clear it.
  const [params] = useSearchParams();
  const [form] = Form.useForm<SignUpForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (values: SignUpForm) => {
    setError(null);
    setBusy(true);
    try {
      const input = signUpInput(values);
      const created = await client.mutation(SignUpDocument, { input }).toPromise();
      if (!created.data) {
        const { fieldErrors, other } = splitFieldErrors(apiErrors(created.error), FIELDS);
        form.setFields(fieldErrors);
        if (other[0]) setError(other[0].message);
        return;
      }
      const login = await client
        .mutation(LoginDocument, { input: { identifier: input.email, password: input.password } })
        .toPromise();
      if (!login.data) return navigate('/login');
      signIn(login.data.login);
      navigate('/organization', { replace: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t('signUp.title')}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<SignUpForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        requiredMark={false}
        initialValues={{ invitationToken: invitationCodeFrom(params) }}
      >
        <Form.Item
          name="email"
          label={t('signUp.email')}
          rules={[
            { required: true, message: t('validation.required') },
            { type: 'email', message: t('validation.email') },
          ]}
        >
          <Input autoComplete="email" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('signUp.displayName')}
          rules={[{ required: true, message: t('validation.required') }, { max: 64 }]}
        >
          <Input autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('signUp.password')}
          extra={t('signUp.passwordRule')}
          rules={[
            { required: true, message: t('validation.required') },
            { pattern: PASSWORD_RULE, message: t('signUp.passwordRule') },
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="invitationToken"
          label={t('inst.signUpInvitation.label')}
          extra={t('inst.signUpInvitation.help')}
          rules={[{ max: 200 }]}
        >
          <Input autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy}>
          {t('signUp.submit')}
        </Button>
      </Form>
      <p style={{ marginTop: 16, marginBottom: 0 }}>
        {t('signUp.haveAccount')}{' '}
        <Link to="/login" style={{ textDecoration: 'underline' }}>
          {t('signUp.login')}
        </Link>
      </p>
    </AuthCard>
  );
}
