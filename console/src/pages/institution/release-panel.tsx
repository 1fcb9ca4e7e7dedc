import { useEffect, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';
import {
  CompleteReleasePlanDocument,
  ConsoleRaiseReleasePercentageDocument,
  ConsoleReleasesDocument,
  ConsoleRevertReleasePlanDocument,
  CreateGrayRuleDocument,
  StartReleasePlanDocument,
  type ConsoleVersionFieldsFragment,
} from '../../../../schema/generated/graphql';
import { InstCursorPager } from '../../components/inst-cursor-pager';
import { formatDateTime } from '../../lib/format';
import { apiErrors, splitFieldErrors } from '../../lib/graphql-errors';
import { useListSort, type SortColumns } from '../../lib/list-sort';
import { pageOf, useCursorTrail } from './cursor-pages';
import { GrayStatisticsPanel } from './gray-statistics-panel';
import { PlanStateTag } from './version-status-tag';

const PLATFORMS = ['IOS', 'ANDROID', 'HARMONY'] as const;
const RUNNING = new Set(['ACTIVE', 'PAUSED', 'COMPLETING']);
const TAKE = 20;
/** Sortable columns of the plans (URL `?sort=`) → the server's order fields (default: newest start first). */
const PLAN_SORT_COLUMNS: SortColumns<'STATE' | 'PERCENTAGE' | 'STARTED_AT'> = {
  state: 'STATE',
  percentage: 'PERCENTAGE',
  startedAt: 'STARTED_AT',
};

/**
 * "Choose one" for a Select: a validator rather than `required`, which would make antd put aria-required on the
 * Select's <div> (not allowed there: axe's aria-allowed-attr).
 */
const chosen = (message: string) => ({
  validator: async (_rule: unknown, value: unknown) => {
    if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
      throw new Error(message);
  },
});

interface RuleForm {
  name: string;
  platforms: string[];
}
interface PlanForm {
  grayVersionId: string;
  ruleId: string;
  percentage: number;
}

/** 企业端: gray rules and release plans of a mini-program — choose a rule, start at a percentage, raise it, complete or revert. */
export function ReleasePanel({
  appId,
  versions,
  canRelease,
  onChanged,
}: {
  appId: string;
  versions: ConsoleVersionFieldsFragment[];
  /**
   * Whether the viewer's role may run releases (owners and admins): otherwise the plans are shown, not the actions;
   * undefined while not known yet (neither is shown).
   */
  canRelease: boolean | undefined;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const [params] = useSearchParams();
  const trail = useCursorTrail();
  const { orderBy, sortable, onSorterChange } = useListSort(PLAN_SORT_COLUMNS);
  // One row more than shown says whether there is a next page (the server pages plans by cursor).
  const [{ data, fetching }, refetch] = useQuery({
    query: ConsoleReleasesDocument,
    variables: { appId, orderBy, after: trail.after, take: TAKE + 1 },
  });
  const [ruleForm] = Form.useForm<RuleForm>();
  const [planForm] = Form.useForm<PlanForm>();
  const [{ fetching: creatingRule }, createRule] = useMutation(CreateGrayRuleDocument);
  const [{ fetching: starting }, startPlan] = useMutation(StartReleasePlanDocument);
  const [, raise] = useMutation(ConsoleRaiseReleasePercentageDocument);
  const [, complete] = useMutation(CompleteReleasePlanDocument);
  const [, revert] = useMutation(ConsoleRevertReleasePlanDocument);
  const [raiseTo, setRaiseTo] = useState<Record<string, number>>({});
  const [error, setError] = useState<string | null>(null);
  const rules = data?.grayRules ?? [];
  const { rows: plans, hasNext, lastCursor } = pageOf(data?.releasePlans, TAKE);
  const reload = () => {
    refetch({ requestPolicy: 'network-only' });
    onChanged();
  };

  // A completing plan finishes when app-manage has published the version: look again until it has.
  const completing = plans.some((p) => p.state === 'COMPLETING');
  useEffect(() => {
    if (!completing) return;
    const timer = setInterval(() => refetch({ requestPolicy: 'network-only' }), 1000);
    return () => clearInterval(timer);
  }, [completing, refetch]);

  const approved = versions.filter((v) => v.status === 'APPROVED');
  const versionName = (id: string) => versions.find((v) => v.id === id)?.versionName ?? id;

  const act = async (run: () => Promise<{ error?: Parameters<typeof apiErrors>[0] }>, done: string) => {
    const result = await run();
    const first = apiErrors(result.error)[0];
    if (first) void message.error(first.message);
    else void message.success(done);
    reload();
  };

  const submitRule = async (values: RuleForm) => {
    const rule = { salt: values.name, match: { field: 'platform', op: 'in', value: values.platforms } };
    const result = await createRule({ input: { appId, name: values.name.trim(), rule } });
    if (!result.data) {
      const { fieldErrors, other } = splitFieldErrors(apiErrors(result.error), ['name'] as const);
      ruleForm.setFields(fieldErrors);
      if (other[0]) void message.error(other[0].message);
      return;
    }
    void message.success(t('releases.ruleCreated'));
    ruleForm.resetFields();
    planForm.setFieldValue('ruleId', result.data.createGrayRule.id);
    refetch({ requestPolicy: 'network-only' });
  };

  const submitPlan = async (values: PlanForm) => {
    setError(null);
    const result = await startPlan({ input: { appId, ...values } });
    if (!result.data) {
      const { fieldErrors, other } = splitFieldErrors(apiErrors(result.error), [
        'grayVersionId',
        'ruleId',
        'percentage',
      ] as const);
      planForm.setFields(fieldErrors);
      if (other[0]) setError(other[0].message);
      return;
    }
    void message.success(t('releases.started'));
    reload();
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      {canRelease === false && <Alert type="info" showIcon message={t('releases.releaseRole')} />}
      {canRelease && (
        <Space align="start" wrap size="middle">
          <Card title={t('releases.newRule')} size="small" style={{ width: 360 }}>
            <Form<RuleForm>
              form={ruleForm}
              layout="vertical"
              onFinish={submitRule}
              initialValues={{ platforms: ['IOS', 'ANDROID'] }}
            >
              <Form.Item
                name="name"
                label={t('releases.ruleName')}
                rules={[{ required: true, message: t('validation.required') }, { max: 64 }]}
              >
                <Input />
              </Form.Item>
              <Form.Item
                name="platforms"
                label={t('releases.platforms')}
                rules={[chosen(t('validation.required'))]}
              >
                <Select
                  mode="multiple"
                  options={PLATFORMS.map((p) => ({ value: p, label: t(`platform.${p}`) }))}
                />
              </Form.Item>
              <Button htmlType="submit" loading={creatingRule}>
                {t('releases.createRule')}
              </Button>
            </Form>
          </Card>
          <Card title={t('releases.newPlan')} size="small" style={{ width: 420 }}>
            {error && (
              <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />
            )}
            {approved.length === 0 ? (
              <Empty description={t('releases.noApproved')} />
            ) : (
              <Form<PlanForm>
                form={planForm}
                layout="vertical"
                onFinish={submitPlan}
                initialValues={{
                  percentage: 20,
                  grayVersionId: approved.find((v) => v.id === params.get('version'))?.id ?? approved[0]?.id,
                  ruleId: rules[0]?.id,
                }}
              >
                <Form.Item
                  name="grayVersionId"
                  label={t('releases.version')}
                  rules={[chosen(t('validation.required'))]}
                >
                  <Select options={approved.map((v) => ({ value: v.id, label: v.versionName }))} />
                </Form.Item>
                <Form.Item name="ruleId" label={t('releases.rule')} rules={[chosen(t('releases.ruleFirst'))]}>
                  <Select
                    options={rules.map((r) => ({ value: r.id, label: r.name }))}
                    notFoundContent={t('releases.ruleFirst')}
                  />
                </Form.Item>
                <Form.Item
                  name="percentage"
                  label={t('releases.percentage')}
                  rules={[
                    { required: true, message: t('validation.required') },
                    { type: 'number', min: 0.01, max: 100 },
                  ]}
                >
                  <InputNumber min={0.01} max={100} step={5} addonAfter="%" style={{ width: 160 }} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={starting}>
                  {t('releases.start')}
                </Button>
              </Form>
            )}
          </Card>
        </Space>
      )}
      <Table
        rowKey="id"
        loading={fetching}
        dataSource={plans}
        pagination={false}
        onChange={(_pagination, _filters, sorter) => onSorterChange(sorter)}
        locale={{ emptyText: <Empty description={t('releases.emptyHint')} /> }}
        expandable={{
          expandedRowRender: (p) => <GrayStatisticsPanel planId={p.id} />,
          columnTitle: t('inst.gray.statistics'),
        }}
        columns={[
          { title: t('releases.version'), render: (_, p) => versionName(p.grayVersionId) },
          { title: t('releases.rule'), render: (_, p) => p.rule?.name ?? '—' },
          {
            title: t('releases.state'),
            ...sortable('state'),
            render: (_, p) => <PlanStateTag state={p.state} />,
          },
          {
            title: t('releases.percentage'),
            ...sortable('percentage'),
            render: (_, p) => `${new Intl.NumberFormat(i18n.language).format(p.percentage)}%`,
          },
          {
            title: t('releases.startedAt'),
            ...sortable('startedAt'),
            render: (_, p) => formatDateTime(p.startedAt, i18n.language),
          },
          {
            title: t('common.actions'),
            render: (_, p) =>
              canRelease && RUNNING.has(p.state) && p.state !== 'COMPLETING' ? (
                <Space wrap>
                  <InputNumber
                    size="small"
                    min={p.percentage}
                    max={100}
                    value={raiseTo[p.id] ?? p.percentage}
                    onChange={(value) => setRaiseTo({ ...raiseTo, [p.id]: Number(value) })}
                    aria-label={t('releases.newPercentage')}
                    addonAfter="%"
                    style={{ width: 120 }}
                  />
                  {/* The percentage only goes up: confirmed, since it cannot be taken back. */}
                  <Popconfirm
                    title={t('releases.raiseConfirm', {
                      percentage: `${new Intl.NumberFormat(i18n.language).format(raiseTo[p.id] ?? p.percentage)}%`,
                    })}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    disabled={(raiseTo[p.id] ?? p.percentage) <= p.percentage}
                    onConfirm={() =>
                      act(() => raise({ id: p.id, percentage: raiseTo[p.id]! }), t('releases.raised'))
                    }
                  >
                    <Button size="small" disabled={(raiseTo[p.id] ?? p.percentage) <= p.percentage}>
                      {t('releases.raise')}
                    </Button>
                  </Popconfirm>
                  <Popconfirm
                    title={t('releases.completeConfirm')}
                    okText={t('common.confirm')}
                    cancelText={t('common.cancel')}
                    onConfirm={() => act(() => complete({ id: p.id }), t('releases.completing'))}
                  >
                    <Button size="small" type="primary">
                      {t('releases.complete')}
                    </Button>
                  </Popconfirm>
                  <Popconfirm
                    title={t('releases.revertConfirm')}
                    okText={t('common.confirm')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => act(() => revert({ id: p.id }), t('releases.reverted'))}
                  >
                    <Button size="small" danger>
                      {t('releases.revert')}
                    </Button>
                  </Popconfirm>
                </Space>
              ) : (
                (p.failureReason ?? (p.completedAt ? formatDateTime(p.completedAt, i18n.language) : '—'))
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
    </Space>
  );
}
