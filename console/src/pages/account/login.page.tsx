import { useState } from 'react';
import { Alert, Button, Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { useMutation } from 'urql';
import { LoginDocument } from '../../../../schema/generated/graphql';
import { useAuth } from '../../auth/auth-context';
import { apiErrors } from '../../lib/graphql-errors';
import { AuthCard } from './auth-card';

interface LoginForm {
  identifier: string;
  password: string;
}

export function LoginPage() {
  const { t } = useTranslation();
  const { session, signIn } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const state = (location.state ?? {}) as { from?: string; reason?: string };
  const [{ fetching }, login] = useMutation(LoginDocument);
  const [error, setError] = useState<string | null>(null);
  if (session) return <Navigate to={state.from ?? '/'} replace />;

  const submit = async (values: LoginForm) => {
    setError(null);
    const result = await login({
      input: { identifier: values.identifier.trim(), password: values.password },
    });
    const payload = result.data?.login;
    if (!payload) {
      const first = apiErrors(result.error)[0];
      setError(
        first?.code === 'UNAUTHENTICATED'
          ? t('login.invalid')
          : t(`errors.${first?.code ?? 'INTERNAL_SERVER_ERROR'}`, { defaultValue: first?.message }),
      );
      return;
    }
    signIn(payload);
    navigate(state.from ?? '/', { replace: true });
  };

  return (
    <AuthCard title={t('login.title')}>
      {state.reason && (
        <Alert type="warning" showIcon message={t('login.sessionEnded')} style={{ marginBottom: 16 }} />
      )}
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
      <Form<LoginForm> layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="identifier"
          label={t('login.identifier')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input autoComplete="username" autoFocus />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={fetching}>
          {t('login.submit')}
        </Button>
      </Form>
      <p style={{ marginTop: 16, marginBottom: 0 }}>
        {t('login.noAccount')}{' '}
        <Link to="/sign-up" style={{ textDecoration: 'underline' }}>
          {t('login.signUp')}
        </Link>
      </p>
    </AuthCard>
  );
}
