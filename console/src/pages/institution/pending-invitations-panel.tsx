import { Alert, App, Button, Empty, Popconfirm, Select, Space, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import {
  InstitutionInvitationsDocument,
  InstitutionRevokeInvitationDocument,
  type InvitationStatus,
} from '../../../../schema/generated/graphql';
import { InstCursorPager } from '../../components/inst-cursor-pager';
import { formatDateTime } from '../../lib/format';
import { TAG_COLORS } from '../../theme';
import { apiErrors } from '../../lib/graphql-errors';
import { pageOf, useCursorTrail } from './cursor-pages';
import {
  INVITATION_FILTERS,
  INVITATIONS_AFTER_PARAM,
  STATUS_PARAM,
  canRevoke,
  invitationFilterOf,
  statusVariable,
  withInvitationFilter,
} from './pending-invitations';

const TAKE = 20;
// The theme's tag colours: they keep the contrast axe-core asks for (antd's preset status colours do not).
const STATUS_COLOR: Record<InvitationStatus, string> = {
  PENDING: TAG_COLORS.blue,
  ACCEPTED: TAG_COLORS.green,
  REVOKED: TAG_COLORS.gray,
  EXPIRED: TAG_COLORS.gold,
};

/** 企业端 members page, "pending invitations" tab: the organization's invitations by status, revoke a pending one. */
export function PendingInvitationsPanel({ orgId }: { orgId: string }) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const filter = invitationFilterOf(params.get(STATUS_PARAM));
  const trail = useCursorTrail(INVITATIONS_AFTER_PARAM);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: InstitutionInvitationsDocument,
    variables: { orgId, status: statusVariable(filter), after: trail.after, take: TAKE + 1 },
  });
  const [, revoke] = useMutation(InstitutionRevokeInvitationDocument);
  const { rows, hasNext, lastCursor } = pageOf(data?.invitations, TAKE);

  const revokeOne = async (invitationId: string) => {
    const result = await revoke({ invitationId });
    const first = apiErrors(result.error)[0];
    if (first) void message.error(first.message);
    else void message.success(t('inst.invitations.revoked'));
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Select
        aria-label={t('inst.invitations.statusFilter')}
        value={filter}
        style={{ width: 200 }}
        options={INVITATION_FILTERS.map((value) => ({ value, label: t(`inst.invitations.filter.${value}`) }))}
        onChange={(value) => setParams((current) => withInvitationFilter(current, value))}
      />
      {error && <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />}
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={rows}
        pagination={false}
        locale={{
          emptyText: (
            <Empty
              description={
                filter === 'PENDING' ? t('inst.invitations.emptyPending') : t('inst.invitations.empty')
              }
            />
          ),
        }}
        columns={[
          { title: t('inst.members.contact'), render: (_, inv) => inv.email ?? inv.phone ?? '—' },
          { title: t('inst.members.role'), render: (_, inv) => t(`inst.role.${inv.role}`) },
          {
            title: t('inst.invitations.status'),
            render: (_, inv) => (
              <Tag color={STATUS_COLOR[inv.status]}>{t(`inst.invitations.filter.${inv.status}`)}</Tag>
            ),
          },
          {
            title: t('inst.invitations.createdAt'),
            render: (_, inv) => formatDateTime(inv.createdAt, i18n.language),
          },
          {
            title: t('inst.invitations.expiresAt'),
            render: (_, inv) => formatDateTime(inv.expiresAt, i18n.language),
          },
          {
            title: t('common.actions'),
            render: (_, inv) =>
              canRevoke(inv.status) ? (
                <Popconfirm
                  title={t('inst.invitations.revokeConfirm', { who: inv.email ?? inv.phone ?? '' })}
                  okText={t('common.confirm')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => revokeOne(inv.id)}
                >
                  <Button size="small" danger>
                    {t('inst.invitations.revoke')}
                  </Button>
                </Popconfirm>
              ) : null,
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
}
