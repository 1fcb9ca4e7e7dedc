import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useHref, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import {
  InstitutionChangeMemberRoleDocument,
  InstitutionInviteMemberDocument,
  InstitutionMembersDocument,
  InstitutionRemoveMemberDocument,
  type InstitutionInviteMemberMutation,
  type OrgRole,
} from '../../../../schema/generated/graphql';
import { EnterSubmits } from '../../components/enter-submits';
import { useAuth } from '../../auth/auth-context';
import { InstCursorPager } from '../../components/inst-cursor-pager';
import { InstSecretOnce } from '../../components/inst-secret-once';
import { formatDateTime } from '../../lib/format';
import { apiErrors, splitFieldErrors } from '../../lib/graphql-errors';
import { useListSort, type SortColumns } from '../../lib/list-sort';
import { signUpSearch } from '../account/invitation-code';
import { pageOf, useCursorTrail } from './cursor-pages';
import { assignableRoles, canActOn, canManage } from './org-roles';
import { INVITATIONS_TAB, withMembersTab } from './pending-invitations';
import { PendingInvitationsPanel } from './pending-invitations-panel';
import { InstitutionPageHeader, NoOrganization } from './institution-page-header';
import { useMemberOrganizations } from './use-current-organization';

const TAKE = 20;
/** Sortable columns of the members (URL `?sort=`) → the server's order fields (default: first to join first). */
const SORT_COLUMNS: SortColumns<'ROLE' | 'JOINED_AT'> = { role: 'ROLE', joinedAt: 'JOINED_AT' };
interface InviteForm {
  email?: string;
  phone?: string;
  role: OrgRole;
}

/**
 * 企业端: the organization's members (cursor-paged by the server), invite, change a role, remove or leave; managers
 * also see the invitations tab (`?tab=invitations`: by status, revoke a pending one).
 */
export function MembersPage() {
  const { t, i18n } = useTranslation();
  const { message, modal } = App.useApp();
  const { viewer } = useAuth();
  const { organizations, loading } = useMemberOrganizations();
  const [params, setParams] = useSearchParams();
  const orgId = params.get('org') ?? organizations[0]?.id;
  const trail = useCursorTrail();
  const { orderBy, sortable, onSorterChange } = useListSort(SORT_COLUMNS);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: InstitutionMembersDocument,
    variables: { orgId: orgId!, after: trail.after, take: TAKE + 1, orderBy },
    pause: !orgId,
  });
  const [, changeRole] = useMutation(InstitutionChangeMemberRoleDocument);
  const [, remove] = useMutation(InstitutionRemoveMemberDocument);
  const [{ fetching: inviting }, invite] = useMutation(InstitutionInviteMemberDocument);
  const [inviteOpen, setInviteOpen] = useState(false);
  const [inviteError, setInviteError] = useState<string | null>(null);
  const [invitation, setInvitation] = useState<InstitutionInviteMemberMutation['inviteMember'] | null>(null);
  const [form] = Form.useForm<InviteForm>();
  // A sign-up link that fills the code in, for someone who has no account yet.
  const signUpHref = useHref({
    pathname: '/sign-up',
    search: invitation ? signUpSearch(invitation.token) : '',
  });

  if (!loading && organizations.length === 0)
    return <NoOrganization description={t('inst.noOrganization')} />;

  const myRole = viewer?.memberships.find((m) => m.orgId === orgId)?.role as OrgRole | undefined;
  const manager = canManage(myRole);
  const tab = manager && params.get('tab') === INVITATIONS_TAB ? INVITATIONS_TAB : 'members';
  const { rows, hasNext, lastCursor } = pageOf(data?.members, TAKE);
  const reload = () => refetch({ requestPolicy: 'network-only' });

  const act = async (run: () => Promise<{ error?: Parameters<typeof apiErrors>[0] }>, done: string) => {
    const result = await run();
    const first = apiErrors(result.error)[0];
    if (first) void message.error(first.message);
    else void message.success(done);
    reload();
  };

  const submitInvite = async (values: InviteForm) => {
    setInviteError(null);
    const result = await invite({
      input: {
        orgId: orgId!,
        role: values.role,
        email: values.email?.trim() || undefined,
        phone: values.phone?.trim() || undefined,
      },
    });
    if (!result.data) {
      const { fieldErrors, other } = splitFieldErrors(apiErrors(result.error), [
        'email',
        'phone',
        'role',
      ] as const);
      form.setFields(fieldErrors);
      if (other[0]) setInviteError(other[0].message);
      return;
    }
    void message.success(t('inst.members.invited'));
    setInviteOpen(false);
    setInvitation(result.data.inviteMember);
  };

  const membersList = (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {error && <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />}
      <Table
        rowKey="userId"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        onChange={(_pagination, _filters, sorter) => onSorterChange(sorter)}
        locale={{ emptyText: <Empty description={t('inst.members.emptyHint')} /> }}
        columns={[
          {
            title: t('inst.members.name'),
            render: (_, m) => (
              <Space>
                {m.user?.displayName ?? m.userId}
                {m.userId === viewer?.user.id && <Typography.Text>({t('inst.members.you')})</Typography.Text>}
              </Space>
            ),
          },
          { title: t('inst.members.contact'), render: (_, m) => m.user?.email ?? m.user?.phone ?? '—' },
          {
            title: t('inst.members.role'),
            ...sortable('role'),
            render: (_, m) =>
              canActOn(myRole, m.role) && m.userId !== viewer?.user.id ? (
                <Select
                  aria-label={`${t('inst.members.role')}: ${m.user?.displayName ?? m.userId}`}
                  size="small"
                  value={m.role}
                  style={{ width: 140 }}
                  options={assignableRoles(myRole).map((role) => ({
                    value: role,
                    label: t(`inst.role.${role}`),
                  }))}
                  onChange={(role: OrgRole) =>
                    // A role change takes or gives rights at once: confirmed, as on the operator accounts page.
                    void modal.confirm({
                      title: t('inst.members.roleConfirm', {
                        name: m.user?.displayName ?? m.userId,
                        role: t(`inst.role.${role}`),
                      }),
                      okText: t('common.confirm'),
                      cancelText: t('common.cancel'),
                      onOk: () =>
                        act(
                          () => changeRole({ orgId: orgId!, userId: m.userId, role }),
                          t('inst.members.roleChanged'),
                        ),
                    })
                  }
                />
              ) : (
                t(`inst.role.${m.role}`)
              ),
          },
          {
            title: t('inst.members.joinedAt'),
            ...sortable('joinedAt'),
            render: (_, m) => formatDateTime(m.joinedAt, i18n.language),
          },
          {
            title: t('common.actions'),
            render: (_, m) => {
              const self = m.userId === viewer?.user.id;
              if (!self && !canActOn(myRole, m.role)) return null;
              return (
                <Popconfirm
                  title={
                    self
                      ? t('inst.members.leaveConfirm')
                      : t('inst.members.removeConfirm', { name: m.user?.displayName ?? m.userId })
                  }
                  okText={t('common.confirm')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() =>
                    act(() => remove({ orgId: orgId!, userId: m.userId }), t('inst.members.removed'))
                  }
                >
                  <Button size="small" danger>
                    {t('inst.members.remove')}
                  </Button>
                </Popconfirm>
              );
            },
          },
        ]}
      />
      <InstCursorPager
        page={trail.page}
        hasNext={hasNext}
        onPrevious={trail.previous}
        onNext={() => lastCursor && trail.next(lastCursor)}
      />
    </Space>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <InstitutionPageHeader
        title={t('inst.members.title')}
        action={
          manager && (
            <Button type="primary" onClick={() => setInviteOpen(true)}>
              {t('inst.members.invite')}
            </Button>
          )
        }
        organization={{ organizations, value: orgId, onChange: (value) => setParams({ org: value }) }}
      />
      {!manager && myRole && <Alert type="info" showIcon message={t('inst.members.readOnly')} />}
      {manager && orgId ? (
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams((current) => withMembersTab(current, key))}
          items={[
            { key: 'members', label: t('inst.members.tab'), children: membersList },
            {
              key: INVITATIONS_TAB,
              label: t('inst.invitations.tab'),
              children: <PendingInvitationsPanel orgId={orgId} />,
            },
          ]}
        />
      ) : (
        membersList
      )}
      <Modal
        open={inviteOpen}
        title={t('inst.members.invite')}
        onCancel={() => setInviteOpen(false)}
        onOk={() => form.submit()}
        okText={t('inst.members.invite')}
        cancelText={t('common.cancel')}
        confirmLoading={inviting}
        destroyOnClose
      >
        {inviteError && (
          <Alert type="error" showIcon message={inviteError} style={{ marginBottom: 16 }} role="alert" />
        )}
        <Form<InviteForm>
          form={form}
          layout="vertical"
          onFinish={submitInvite}
          preserve={false}
          initialValues={{ role: 'ORG_DEVELOPER' }}
        >
          <Form.Item
            name="email"
            label={t('inst.members.inviteEmail')}
            dependencies={['phone']}
            rules={[
              { type: 'email', message: t('validation.email') },
              ({ getFieldValue }) => ({
                validator: async (_rule, value) => {
                  if (!value?.trim() && !getFieldValue('phone')?.trim())
                    throw new Error(t('inst.members.inviteEitherRule'));
                },
              }),
            ]}
          >
            <Input type="email" autoFocus />
          </Form.Item>
          <Form.Item
            name="phone"
            label={t('inst.members.invitePhone')}
            rules={[{ pattern: /^(\+[1-9]\d{6,14}|1\d{10})$/, message: t('validation.phone') }]}
          >
            <Input type="tel" />
          </Form.Item>
          <Form.Item name="role" label={t('inst.members.role')}>
            <Select
              options={assignableRoles(myRole).map((role) => ({
                value: role,
                label: t(`inst.role.${role}`),
              }))}
            />
          </Form.Item>
          <EnterSubmits />
        </Form>
      </Modal>
      <Modal
        open={invitation !== null}
        title={t('inst.members.tokenTitle', {
          who: invitation?.invitation.email ?? invitation?.invitation.phone ?? '',
        })}
        onCancel={() => setInvitation(null)}
        footer={
          <Button type="primary" onClick={() => setInvitation(null)}>
            {t('inst.hostApps.secretSaved')}
          </Button>
        }
      >
        {invitation && (
          <InstSecretOnce
            warning={t('inst.members.tokenOnce')}
            entries={[
              { label: t('inst.members.joinCode'), value: invitation.token, secret: true },
              {
                label: t('inst.members.signUpLink'),
                value: `${window.location.origin}${signUpHref}`,
                secret: true,
              },
              {
                label: t('inst.members.role'),
                value: t(`inst.role.${invitation.invitation.role}`),
              },
            ]}
          />
        )}
        {invitation && (
          <Typography.Paragraph style={{ marginTop: 12 }}>
            {t('inst.members.expiresAt', {
              date: formatDateTime(invitation.invitation.expiresAt, i18n.language),
            })}
          </Typography.Paragraph>
        )}
      </Modal>
    </Space>
  );
}
