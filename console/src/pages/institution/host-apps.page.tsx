import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  Modal,
  Popconfirm,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import {
  InstitutionApproveLinkRequestDocument,
  InstitutionCreateHostAppDocument,
  InstitutionHostAppsDocument,
  InstitutionLinkRequestsDocument,
  InstitutionRejectLinkRequestDocument,
  type HostAppLinkDirection,
  type HostAppLinkStatus,
  type OrgRole,
} from '../../../../schema/generated/graphql';
import { useAuth } from '../../auth/auth-context';
import { InstCursorPager } from '../../components/inst-cursor-pager';
import { formatDateTime } from '../../lib/format';
import { apiErrors, splitFieldErrors } from '../../lib/graphql-errors';
import { useListSort, type SortColumns } from '../../lib/list-sort';
import { TAG_COLORS } from '../../theme';

import { pageOf, useCursorTrail } from './cursor-pages';
import { HostAppCredentials, type ShownCredentials } from './host-app-credentials';
import { LinkRejectDialog } from './link-reject-dialog';
import { canManage } from './org-roles';
import { InstitutionPageHeader, NoOrganization } from './institution-page-header';
import { useMemberOrganizations } from './use-current-organization';

const TAKE = 20;
/** Sortable columns of the host apps (URL `?sort=`) → the server's order fields (default: newest first). */
const SORT_COLUMNS: SortColumns<'NAME' | 'CREATED_AT'> = { name: 'NAME', createdAt: 'CREATED_AT' };
export const LINK_COLORS: Record<HostAppLinkStatus, string> = {
  PENDING: TAG_COLORS.gold,
  ACTIVE: TAG_COLORS.green,
  REJECTED: TAG_COLORS.red,
};

export interface HostAppForm {
  name: string;
  iosBundleIds?: string[];
  androidPackageNames?: string[];
  harmonyBundleNames?: string[];
}

/** The identifier fields of a host app (at most 2 each, the server's limit). */
export function HostAppIdentifierFields() {
  const { t } = useTranslation();
  return (
    <>
      {(['iosBundleIds', 'androidPackageNames', 'harmonyBundleNames'] as const).map((name) => (
        <Form.Item
          key={name}
          name={name}
          label={t(`inst.hostApps.${name}`)}
          extra={t('inst.hostApps.identifiersHint')}
          dependencies={name === 'iosBundleIds' ? ['androidPackageNames', 'harmonyBundleNames'] : undefined}
          rules={[
            { type: 'array', max: 2, message: t('inst.hostApps.identifiersHint') },
            ...(name === 'iosBundleIds'
              ? [
                  ({ getFieldValue }: { getFieldValue: (n: string) => unknown }) => ({
                    validator: async () => {
                      const given = ['iosBundleIds', 'androidPackageNames', 'harmonyBundleNames'].some(
                        (n) => ((getFieldValue(n) as string[] | undefined) ?? []).length > 0,
                      );
                      if (!given) throw new Error(t('inst.hostApps.identifiersRequired'));
                    },
                  }),
                ]
              : []),
          ]}
        >
          <Select mode="tags" open={false} suffixIcon={null} aria-label={t(`inst.hostApps.${name}`)} />
        </Form.Item>
      ))}
    </>
  );
}

/** 企业端: the organization's host apps (create, the secret shown once) and the link requests in and out. */
export function HostAppsPage() {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { viewer } = useAuth();
  const { organizations, loading } = useMemberOrganizations();
  const [params, setParams] = useSearchParams();
  const orgId = params.get('org') ?? organizations[0]?.id;
  const direction = (
    params.get('direction') === 'OUTGOING' ? 'OUTGOING' : 'INCOMING'
  ) as HostAppLinkDirection;
  const linkStatus = (params.get('linkStatus') ?? 'PENDING') as HostAppLinkStatus;
  const trail = useCursorTrail();
  const requestTrail = useCursorTrail('requestsAfter');
  const { orderBy, sortable, onSorterChange } = useListSort(SORT_COLUMNS);
  const [{ data, fetching, error }, refetch] = useQuery({
    query: InstitutionHostAppsDocument,
    variables: { orgId: orgId!, after: trail.after, take: TAKE + 1, orderBy },
    pause: !orgId,
  });
  const [{ data: requests, fetching: requestsFetching }, refetchRequests] = useQuery({
    query: InstitutionLinkRequestsDocument,
    variables: { orgId: orgId!, direction, status: linkStatus, after: requestTrail.after, take: TAKE + 1 },
    pause: !orgId,
  });
  const [{ fetching: creating }, create] = useMutation(InstitutionCreateHostAppDocument);
  const [, approve] = useMutation(InstitutionApproveLinkRequestDocument);
  const [, reject] = useMutation(InstitutionRejectLinkRequestDocument);
  const [createOpen, setCreateOpen] = useState(false);
  const [createError, setCreateError] = useState<string | null>(null);
  const [shown, setShown] = useState<ShownCredentials | null>(null);
  const [rejecting, setRejecting] = useState<string | null>(null);
  const [form] = Form.useForm<HostAppForm>();

  if (!loading && organizations.length === 0)
    return <NoOrganization description={t('inst.noOrganization')} />;

  const manager = canManage(viewer?.memberships.find((m) => m.orgId === orgId)?.role as OrgRole | undefined);
  const apps = pageOf(data?.hostApps, TAKE);
  const links = pageOf(requests?.linkRequests, TAKE);
  const setFilter = (next: Record<string, string>) =>
    setParams((current) => {
      const merged = new URLSearchParams(current);
      for (const [k, v] of Object.entries(next)) merged.set(k, v);
      merged.delete('requestsAfter');
      return merged;
    });

  const submit = async (values: HostAppForm) => {
    setCreateError(null);
    const result = await create({ input: { orgId: orgId!, ...values, name: values.name.trim() } });
    if (!result.data) {
      const { fieldErrors, other } = splitFieldErrors(apiErrors(result.error), [
        'name',
        'iosBundleIds',
        'androidPackageNames',
        'harmonyBundleNames',
      ] as const);
      form.setFields(fieldErrors);
      if (other[0]) setCreateError(other[0].message);
      return;
    }
    const created = result.data.createHostApp;
    void message.success(t('inst.hostApps.created'));
    setCreateOpen(false);
    setShown({ name: created.hostApp.name, sdkKey: created.sdkKey, sdkSecret: created.sdkSecret });
    refetch({ requestPolicy: 'network-only' });
  };

  const decide = async (run: () => Promise<{ error?: Parameters<typeof apiErrors>[0] }>, done: string) => {
    const result = await run();
    const first = apiErrors(result.error)[0];
    if (first) void message.error(first.message);
    else void message.success(done);
    refetchRequests({ requestPolicy: 'network-only' });
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <InstitutionPageHeader
        title={t('inst.hostApps.title')}
        action={
          manager && (
            <Button type="primary" onClick={() => setCreateOpen(true)}>
              {t('inst.hostApps.create')}
            </Button>
          )
        }
        organization={{ organizations, value: orgId, onChange: (value) => setParams({ org: value }) }}
      />
      {error && <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />}
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={apps.rows}
        pagination={false}
        onChange={(_pagination, _filters, sorter) => onSorterChange(sorter)}
        locale={{ emptyText: <Empty description={t('inst.hostApps.emptyHint')} /> }}
        columns={[
          {
            title: t('inst.hostApps.name'),
            ...sortable('name'),
            render: (_, h) => <Link to={`/host-apps/${h.id}`}>{h.name}</Link>,
          },
          {
            title: t('inst.hostApps.sdkKey'),
            render: (_, h) => (
              <Typography.Text code copyable>
                {h.sdkKey}
              </Typography.Text>
            ),
          },
          {
            title: t('inst.hostApps.secret'),
            render: (_, h) => t('inst.hostApps.secretHint', { hint: h.secretHint }),
          },
          {
            title: t('inst.hostApps.linkStatus'),
            render: (_, h) => (
              <Tag color={h.enabled ? TAG_COLORS.green : TAG_COLORS.gray}>
                {h.enabled ? t('inst.hostApps.enabled') : t('inst.hostApps.disabled')}
              </Tag>
            ),
          },
          {
            title: t('inst.hostApps.rotatedAt'),
            render: (_, h) => formatDateTime(h.secretRotatedAt, i18n.language),
          },
          {
            title: t('inst.hostApps.createdAt'),
            ...sortable('createdAt'),
            render: (_, h) => formatDateTime(h.createdAt, i18n.language),
          },
        ]}
      />
      <InstCursorPager
        page={trail.page}
        hasNext={apps.hasNext}
        onPrevious={trail.previous}
        onNext={() => apps.lastCursor && trail.next(apps.lastCursor)}
      />
      <Card title={t('inst.hostApps.requestsTitle')} size="small">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Paragraph style={{ margin: 0 }}>{t('inst.hostApps.requestsHint')}</Typography.Paragraph>
          <Space wrap>
            <Segmented
              aria-label={t('inst.hostApps.requestsTitle')}
              value={direction}
              options={[
                { value: 'INCOMING', label: t('inst.hostApps.incoming') },
                { value: 'OUTGOING', label: t('inst.hostApps.outgoing') },
              ]}
              onChange={(value) => setFilter({ direction: String(value) })}
            />
            <Select
              aria-label={t('inst.hostApps.linkStatus')}
              value={linkStatus}
              style={{ width: 160 }}
              options={(['PENDING', 'ACTIVE', 'REJECTED'] as const).map((s) => ({
                value: s,
                label: t(`inst.hostApps.linkStatusName.${s}`),
              }))}
              onChange={(value: string) => setFilter({ linkStatus: value })}
            />
          </Space>
          <Table
            rowKey="id"
            loading={requestsFetching}
            dataSource={links.rows}
            pagination={false}
            locale={{ emptyText: <Empty description={t('inst.hostApps.requestsEmpty')} /> }}
            columns={[
              {
                title: t('inst.hostApps.miniProgram'),
                render: (_, l) => (
                  <Space direction="vertical" size={0}>
                    {l.miniProgram?.name ?? ''}
                    <Typography.Text code>{l.appId}</Typography.Text>
                  </Space>
                ),
              },
              {
                title: t('inst.hostApps.hostApp'),
                render: (_, l) =>
                  direction === 'OUTGOING' ? (
                    <Link to={`/host-apps/${l.hostAppId}`}>{l.hostAppId}</Link>
                  ) : (
                    l.hostAppId
                  ),
              },
              {
                title: t('inst.hostApps.linkStatus'),
                render: (_, l) => (
                  <Space direction="vertical" size={0}>
                    <Tag color={LINK_COLORS[l.status]}>{t(`inst.hostApps.linkStatusName.${l.status}`)}</Tag>
                    {l.rejectionReason && <Typography.Text>{l.rejectionReason}</Typography.Text>}
                  </Space>
                ),
              },
              {
                title: t('inst.hostApps.requestedAt'),
                render: (_, l) => formatDateTime(l.createdAt, i18n.language),
              },
              {
                title: t('common.actions'),
                render: (_, l) =>
                  direction === 'INCOMING' && l.status === 'PENDING' && manager ? (
                    <Space>
                      <Popconfirm
                        title={t('inst.hostApps.approveConfirm', { appId: l.appId })}
                        okText={t('inst.hostApps.approve')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => decide(() => approve({ id: l.id }), t('inst.hostApps.approved'))}
                      >
                        <Button size="small" type="primary">
                          {t('inst.hostApps.approve')}
                        </Button>
                      </Popconfirm>
                      <Button size="small" danger onClick={() => setRejecting(l.id)}>
                        {t('inst.hostApps.reject')}
                      </Button>
                    </Space>
                  ) : null,
              },
            ]}
          />
          <InstCursorPager
            page={requestTrail.page}
            hasNext={links.hasNext}
            onPrevious={requestTrail.previous}
            onNext={() => links.lastCursor && requestTrail.next(links.lastCursor)}
          />
        </Space>
      </Card>
      <Modal
        open={createOpen}
        title={t('inst.hostApps.create')}
        onCancel={() => setCreateOpen(false)}
        onOk={() => form.submit()}
        okText={t('common.create')}
        cancelText={t('common.cancel')}
        confirmLoading={creating}
        destroyOnClose
      >
        {createError && (
          <Alert type="error" showIcon message={createError} style={{ marginBottom: 16 }} role="alert" />
        )}
        <Form<HostAppForm> form={form} layout="vertical" onFinish={submit} preserve={false}>
          <Form.Item
            name="name"
            label={t('inst.hostApps.name')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }, { max: 64 }]}
          >
            <Input autoFocus />
          </Form.Item>
          <HostAppIdentifierFields />
        </Form>
      </Modal>
      <HostAppCredentials shown={shown} onClose={() => setShown(null)} />
      <LinkRejectDialog
        open={rejecting !== null}
        title={t('inst.hostApps.reject')}
        onCancel={() => setRejecting(null)}
        onReject={async (reason) => {
          const result = await reject({ id: rejecting!, reason });
          refetchRequests({ requestPolicy: 'network-only' });
          if (result.error) return result.error;
          void message.success(t('inst.hostApps.rejected'));
          setRejecting(null);
          return undefined;
        }}
      />
    </Space>
  );
}
