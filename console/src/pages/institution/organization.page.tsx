import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  ApplyForOrganizationDocument,
  ConsoleMyOrganizationsDocument,
  type OrganizationStatus,
} from '../../../../schema/generated/graphql';
import { useAuth } from '../../auth/auth-context';
import { creditCodeProblem, normaliseCreditCode } from '../../lib/credit-code';
import { formatDateTime } from '../../lib/format';
import { apiErrors, splitFieldErrors } from '../../lib/graphql-errors';
import { TAG_COLORS } from '../../theme';
import { JoinInvitation } from './join-invitation';

interface ApplicationForm {
  name: string;
  creditCode: string;
  contactName: string;
  contactPhone: string;
  contactEmail?: string;
  licenceDocumentRef: string;
}
const FIELDS = [
  'name',
  'creditCode',
  'contactName',
  'contactPhone',
  'contactEmail',
  'licenceDocumentRef',
] as const;
const STATUS_COLOR: Record<OrganizationStatus, string> = {
  PENDING: TAG_COLORS.gold,
  APPROVED: TAG_COLORS.green,
  REJECTED: TAG_COLORS.red,
};

export function OrganizationStatusTag({ status }: { status: OrganizationStatus }) {
  const { t } = useTranslation();
  return <Tag color={STATUS_COLOR[status]}>{t(`organizationStatus.${status}`)}</Tag>;
}

/** 企业端: the caller's organizations and their review status, and the application for a new one. */
export function OrganizationPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { viewer, reload } = useAuth();
  const [{ data, fetching }, refetch] = useQuery({
    query: ConsoleMyOrganizationsDocument,
    requestPolicy: 'cache-and-network',
  });
  const [{ fetching: applying }, apply] = useMutation(ApplyForOrganizationDocument);
  const [form] = Form.useForm<ApplicationForm>();
  const [error, setError] = useState<string | null>(null);
  const organizations = data?.myOrganizations ?? [];

  // An organization approved since the token was issued: refresh it, so its permissions (members' rights) apply.
  const memberOf = new Set(viewer?.memberships.map((m) => m.orgId));
  const approvedNotInToken = organizations.some((org) => org.status === 'APPROVED' && !memberOf.has(org.id));
  useEffect(() => {
    if (approvedNotInToken) void reload();
  }, [approvedNotInToken, reload]);

  const submit = async (values: ApplicationForm) => {
    setError(null);
    const input = {
      ...values,
      creditCode: normaliseCreditCode(values.creditCode),
      contactEmail: values.contactEmail || undefined,
    };
    const result = await apply({ input });
    if (!result.data) {
      const { fieldErrors, other } = splitFieldErrors(apiErrors(result.error), FIELDS);
      form.setFields(fieldErrors);
      if (other[0]) setError(other[0].message);
      return;
    }
    void message.success(t('organization.applied'));
    form.resetFields();
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Title level={2}>{t('organization.title')}</Typography.Title>
      <Card title={t('organization.mine')} loading={fetching && !data}>
        {organizations.length === 0 ? (
          <Empty description={t('organization.emptyHint')} />
        ) : (
          organizations.map((org) => (
            <Descriptions
              key={org.id}
              bordered
              size="small"
              column={2}
              style={{ marginBottom: 16 }}
              title={org.name}
              data-testid={`organization-${org.id}`}
            >
              <Descriptions.Item label={t('organization.status')}>
                <OrganizationStatusTag status={org.status} />{' '}
                {org.frozen && <Tag color={TAG_COLORS.red}>{t('organization.frozen')}</Tag>}
              </Descriptions.Item>
              <Descriptions.Item label={t('organization.creditCode')}>{org.creditCode}</Descriptions.Item>
              <Descriptions.Item label={t('organization.contactName')}>{org.contactName}</Descriptions.Item>
              <Descriptions.Item label={t('organization.submittedAt')}>
                {formatDateTime(org.submittedAt, i18n.language)}
              </Descriptions.Item>
              {org.rejectionReason && (
                <Descriptions.Item label={t('organization.rejectionReason')}>
                  {org.rejectionReason}
                </Descriptions.Item>
              )}
            </Descriptions>
          ))
        )}
      </Card>
      <Card title={t('organization.apply')}>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} role="alert" />}
        <Form<ApplicationForm> form={form} layout="vertical" onFinish={submit} style={{ maxWidth: 560 }}>
          <Form.Item
            name="name"
            label={t('organization.name')}
            rules={[{ required: true, message: t('validation.required') }, { max: 100 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="creditCode"
            label={t('organization.creditCode')}
            extra={t('organization.creditCodeHint')}
            validateTrigger="onChange"
            hasFeedback
            rules={[
              { required: true, message: t('validation.required') },
              {
                validator: async (_rule, value: string | undefined) => {
                  if (!value) return;
                  const problem = creditCodeProblem(normaliseCreditCode(value));
                  if (problem) throw new Error(t(problem.key, problem.values));
                },
              },
            ]}
          >
            <Input maxLength={24} style={{ fontFamily: 'monospace' }} />
          </Form.Item>
          <Form.Item
            name="contactName"
            label={t('organization.contactName')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="contactPhone"
            label={t('organization.contactPhone')}
            rules={[
              { required: true, message: t('validation.required') },
              { pattern: /^(\+\d{8,15}|1\d{10})$/, message: t('validation.phone') },
            ]}
          >
            <Input placeholder="+8613700137000" />
          </Form.Item>
          <Form.Item
            name="contactEmail"
            label={t('organization.contactEmail')}
            rules={[{ type: 'email', message: t('validation.email') }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="licenceDocumentRef"
            label={t('organization.licence')}
            extra={t('organization.licenceHint')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Input placeholder="licences/business-licence.pdf" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={applying}>
            {t('organization.submit')}
          </Button>
        </Form>
      </Card>
      <JoinInvitation />
    </Space>
  );
}
