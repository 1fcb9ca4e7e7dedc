import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Empty,
  Flex,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  OpPlatformChangeOperatorRoleDocument,
  OpPlatformCreateOperatorDocument,
  OpPlatformDisableOperatorDocument,
  OpPlatformEnableOperatorDocument,
  OpPlatformOperatorsDocument,
  type OperatorRole,
} from '../../../../schema/generated/graphql';
import { EnterSubmits } from '../../components/enter-submits';
import { useAuth } from '../../auth/auth-context';
import { InstCursorPager } from '../../components/inst-cursor-pager';
import { InstSecretOnce } from '../../components/inst-secret-once';
import { formatDateTime } from '../../lib/format';
import { apiErrors, splitFieldErrors } from '../../lib/graphql-errors';
import { useListSort, type SortColumns } from '../../lib/list-sort';
import { pageOf, useCursorTrail } from '../institution/cursor-pages';
import { TAG_COLORS } from '../../theme';

const TAKE = 20;
const ROLES: OperatorRole[] = ['OPERATOR_REVIEWER', 'OPERATOR_ADMIN'];
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
/** Sortable columns (URL `?sort=`) → the server's order fields. */
const SORT_COLUMNS: SortColumns<'DISPLAY_NAME' | 'CREATED_AT'> = {
  name: 'DISPLAY_NAME',
  createdAt: 'CREATED_AT',
};
type CreateForm = { email: string; displayName: string; role: OperatorRole; password?: string };

/**
 * 运营端: operator accounts, oldest first or sorted by name / creation on the server (cursor paged); create one
 * (password shown once), change another's role, disable / enable.
 */
export function OperatorAccountsPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const { viewer } = useAuth();
  const trail = useCursorTrail();
  const { orderBy, sortable, onSorterChange } = useListSort(SORT_COLUMNS);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: OpPlatformOperatorsDocument,
    variables: { after: trail.after, take: TAKE + 1, orderBy },
  });
  const [, changeRole] = useMutation(OpPlatformChangeOperatorRoleDocument);
  const [{ fetching: creating }, create] = useMutation(OpPlatformCreateOperatorDocument);
  const [, disable] = useMutation(OpPlatformDisableOperatorDocument);
  const [, enable] = useMutation(OpPlatformEnableOperatorDocument);
  const [form] = Form.useForm<CreateForm>();
  const [open, setOpen] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ email: string; password: string } | null>(null);
  const { rows, hasNext, lastCursor } = pageOf(data?.operators, TAKE);
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const done = (result: { error?: Parameters<typeof apiErrors>[0] }, success: string) => {
    const first = apiErrors(result.error)[0];
    if (first) void message.error(first.message);
    else void message.success(success);
    reload();
  };

  const submit = async (values: CreateForm) => {
    setFormError(null);
    const result = await create({
      input: {
        email: values.email.trim(),
        displayName: values.displayName.trim(),
        role: values.role,
        ...(values.password ? { password: values.password } : {}),
      },
    });
    if (result.error) {
      const { fieldErrors, other } = splitFieldErrors(apiErrors(result.error), [
        'email',
        'displayName',
        'role',
        'password',
      ] as const);
      form.setFields(fieldErrors);
      if (other[0]) setFormError(other[0].message);
      return;
    }
    const payload = result.data!.createOperator;
    void message.success(t('opPlatform.operators.created', { name: payload.user.displayName }));
    setOpen(false);
    if (payload.initialPassword)
      setCreated({ email: payload.user.email ?? '', password: payload.initialPassword });
    reload();
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Flex justify="space-between" align="center" wrap="wrap" gap={12}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          {t('opPlatform.operators.title')}
        </Typography.Title>
        <Button type="primary" onClick={() => setOpen(true)}>
          {t('opPlatform.operators.create')}
        </Button>
      </Flex>
      <Typography.Paragraph style={{ margin: 0 }}>{t('opPlatform.operators.hint')}</Typography.Paragraph>
      {error && <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />}
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        onChange={(_pagination, _filters, sorter) => onSorterChange(sorter)}
        locale={{ emptyText: <Empty description={t('opPlatform.operators.empty')} /> }}
        columns={[
          {
            title: t('opPlatform.operators.name'),
            ...sortable('name'),
            render: (_, user) => (
              <Space>
                {user.displayName}
                {user.id === viewer?.user.id && <Tag>{t('opPlatform.operators.you')}</Tag>}
              </Space>
            ),
          },
          {
            title: t('opPlatform.operators.email'),
            dataIndex: 'email',
            render: (e?: string | null) => e ?? '—',
          },
          {
            title: t('opPlatform.operators.roles'),
            render: (_, user) =>
              user.id === viewer?.user.id ? (
                (user.operatorRoles ?? []).map((r) => t(`opPlatform.role.${r}`)).join(', ') || '—'
              ) : (
                <Select
                  size="small"
                  aria-label={t('opPlatform.operators.roleChange', { name: user.displayName })}
                  value={user.operatorRoles?.[0]}
                  style={{ width: 140 }}
                  options={ROLES.map((r) => ({ value: r, label: t(`opPlatform.role.${r}`) }))}
                  onChange={(role: OperatorRole) =>
                    void modal.confirm({
                      title: t('opPlatform.operators.roleConfirm', {
                        name: user.displayName,
                        role: t(`opPlatform.role.${role}`),
                      }),
                      okText: t('common.confirm'),
                      cancelText: t('common.cancel'),
                      onOk: async () =>
                        done(
                          await changeRole({ userId: user.id, role }),
                          t('opPlatform.operators.roleChanged'),
                        ),
                    })
                  }
                />
              ),
          },
          {
            title: t('opPlatform.operators.createdAt'),
            dataIndex: 'createdAt',
            ...sortable('createdAt'),
            render: (d?: string | null) => formatDateTime(d, i18n.language),
          },
          {
            title: t('opPlatform.operators.state'),
            render: (_, user) => (
              <Tag color={user.disabled ? TAG_COLORS.gray : TAG_COLORS.green}>
                {t(user.disabled ? 'opPlatform.disabled' : 'opPlatform.enabled')}
              </Tag>
            ),
          },
          {
            title: t('opPlatform.operators.lastLogin'),
            render: (_, user) =>
              user.lastLoginAt
                ? formatDateTime(user.lastLoginAt, i18n.language)
                : t('opPlatform.operators.never'),
          },
          {
            title: t('common.actions'),
            render: (_, user) =>
              user.id === viewer?.user.id ? null : (
                <Popconfirm
                  title={t(
                    user.disabled
                      ? 'opPlatform.operators.enableConfirm'
                      : 'opPlatform.operators.disableConfirm',
                    {
                      name: user.displayName,
                    },
                  )}
                  okText={t(user.disabled ? 'opPlatform.enable' : 'opPlatform.disable')}
                  okButtonProps={{ danger: !user.disabled }}
                  cancelText={t('common.cancel')}
                  onConfirm={async () =>
                    user.disabled
                      ? done(await enable({ userId: user.id }), t('opPlatform.operators.enabledDone'))
                      : done(await disable({ userId: user.id }), t('opPlatform.operators.disabledDone'))
                  }
                >
                  <Button size="small" danger={!user.disabled}>
                    {t(user.disabled ? 'opPlatform.enable' : 'opPlatform.disable')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <InstCursorPager
        page={trail.page}
        hasNext={hasNext}
        onPrevious={trail.previous}
        onNext={() => lastCursor && trail.next(lastCursor)}
      />
      <Modal
        open={open}
        title={t('opPlatform.operators.create')}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        confirmLoading={creating}
        onCancel={() => {
          setFormError(null);
          setOpen(false);
        }}
        onOk={() => form.submit()}
        destroyOnClose
      >
        {formError && (
          <Alert type="error" showIcon role="alert" message={formError} style={{ marginBottom: 16 }} />
        )}
        <Form
          form={form}
          layout="vertical"
          preserve={false}
          onFinish={submit}
          initialValues={{ role: 'OPERATOR_REVIEWER' }}
        >
          <Form.Item
            name="email"
            label={t('opPlatform.operators.email')}
            rules={[
              { required: true, whitespace: true, message: t('validation.required') },
              { pattern: EMAIL, message: t('validation.email') },
            ]}
          >
            <Input type="email" autoComplete="off" autoFocus />
          </Form.Item>
          <Form.Item
            name="displayName"
            label={t('opPlatform.operators.name')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 80 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="role" label={t('opPlatform.operators.roles')}>
            <Select options={ROLES.map((r) => ({ value: r, label: t(`opPlatform.role.${r}`) }))} />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('opPlatform.operators.password')}
            extra={t('opPlatform.operators.passwordRule')}
            rules={[{ min: 10, message: t('opPlatform.operators.passwordRule') }]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <EnterSubmits />
        </Form>
      </Modal>
      <Modal
        open={created !== null}
        title={t('opPlatform.operators.createdTitle')}
        onOk={() => setCreated(null)}
        onCancel={() => setCreated(null)}
        okText={t('common.confirm')}
        cancelButtonProps={{ style: { display: 'none' } }}
      >
        {created && (
          <InstSecretOnce
            warning={t('opPlatform.operators.initialPasswordWarning')}
            entries={[
              { label: t('opPlatform.operators.email'), value: created.email },
              { label: t('opPlatform.operators.initialPassword'), value: created.password, secret: true },
            ]}
          />
        )}
      </Modal>
    </Space>
  );
}
