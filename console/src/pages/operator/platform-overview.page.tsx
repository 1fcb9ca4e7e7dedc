import { lazy, Suspense, useMemo } from 'react';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Flex,
  Input,
  Row,
  Segmented,
  Space,
  Spin,
  Statistic,
  Table,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { useQuery } from 'urql';
import { PlatformOverviewDocument } from '../../../../schema/generated/graphql';
import { formatNumber } from '../../lib/format';
import { apiErrors } from '../../lib/graphql-errors';
import { addDays, overviewRange, toDay } from './platform-overview-range';
import {
  isEmptyPeriod,
  seriesFacts,
  seriesGroup,
  seriesOf,
  SERIES_GROUPS,
  type SeriesGroup,
} from './platform-overview-series';

// ECharts is about 180 KB gzip: its own chunk, loaded when the overview draws its first chart, never by other routes.
const PlatformOverviewChart = lazy(() =>
  import('./platform-overview-chart').then((m) => ({ default: m.PlatformOverviewChart })),
);

const GROUP_LABEL: Record<SeriesGroup, string> = {
  activity: 'opInsight.overview.seriesActivity',
  growth: 'opInsight.overview.seriesGrowth',
  totals: 'opInsight.overview.seriesTotals',
};

/** 运营端: platform totals at the end of a period, what happened in it, and a per-day chart (with its numbers as a table). */
export function PlatformOverviewPage({ now = () => new Date() }: { now?: () => Date }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [params, setParams] = useSearchParams();
  const today = toDay(now());
  const range = overviewRange(
    { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined },
    now(),
  );
  const group = seriesGroup(params.get('series') ?? undefined);
  const view = params.get('view') === 'table' ? 'table' : 'chart';
  const [{ data, fetching, error }] = useQuery({
    query: PlatformOverviewDocument,
    variables: { from: range.from, to: range.to },
    pause: Boolean(range.problem),
  });
  const overview = data?.platformOverview;
  const days = useMemo(() => overview?.days ?? [], [overview]);

  const set = (next: Record<string, string | undefined>) =>
    setParams((current) => {
      const merged = new URLSearchParams(current);
      for (const [key, value] of Object.entries(next)) {
        if (value) merged.set(key, value);
        else merged.delete(key);
      }
      return merged;
    });
  const preset = (length: number) => set({ from: addDays(today, -(length - 1)), to: today });

  const metricName = (metric: string) => t(`opInsight.overview.${metric}`);
  const series = useMemo(() => seriesOf(days, group), [days, group]);
  const dayLabels = useMemo(() => days.map((d) => d.day), [days]);
  const chartSeries = useMemo(
    () => series.map((s) => ({ name: metricName(s.metric), values: s.values })),
    // metricName follows the language
    [series, language],
  );
  const summary = t('opInsight.overview.chartSummary', {
    series: t(GROUP_LABEL[group]),
    days: days.length,
    from: range.from,
    to: range.to,
    details: series
      .map((s) => {
        const facts = seriesFacts(days, s.values);
        return t('opInsight.overview.chartSummaryItem', {
          name: metricName(s.metric),
          sum: formatNumber(facts.sum, language),
          max: formatNumber(facts.max, language),
          maxDay: facts.maxDay,
        });
      })
      .join('; '),
  });

  const problem = range.problem
    ? t(range.problem === 'order' ? 'opInsight.overview.orderProblem' : 'opInsight.overview.tooLongProblem')
    : undefined;
  const serverError = apiErrors(error)[0];

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('opInsight.overview.title')}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>
        {t('opInsight.overview.hint', { timeZone: overview?.timeZone ?? '…' })}
      </Typography.Paragraph>
      <Flex gap={12} wrap="wrap" align="center" role="group" aria-label={t('opInsight.overview.period')}>
        <label>
          <Typography.Text>{t('opInsight.overview.from')} </Typography.Text>
          <Input
            type="date"
            value={range.from}
            max={range.to}
            style={{ width: 170 }}
            status={problem ? 'error' : undefined}
            onChange={(e) => e.target.value && set({ from: e.target.value })}
          />
        </label>
        <label>
          <Typography.Text>{t('opInsight.overview.to')} </Typography.Text>
          <Input
            type="date"
            value={range.to}
            min={range.from}
            style={{ width: 170 }}
            status={problem ? 'error' : undefined}
            onChange={(e) => e.target.value && set({ to: e.target.value })}
          />
        </label>
        <Space.Compact>
          <Button onClick={() => preset(7)}>{t('opInsight.overview.last7')}</Button>
          <Button onClick={() => preset(30)}>{t('opInsight.overview.last30')}</Button>
          <Button onClick={() => preset(90)}>{t('opInsight.overview.last90')}</Button>
        </Space.Compact>
      </Flex>
      {problem && <Alert type="error" showIcon message={problem} role="alert" />}
      {serverError && <Alert type="error" showIcon message={serverError.message} />}
      {fetching && !overview && <Spin style={{ display: 'block', margin: '5vh auto' }} />}
      {overview && (
        <>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('opInsight.overview.atEnd')}
          </Typography.Title>
          <Row gutter={[16, 16]}>
            <StatCard
              title={t('opInsight.overview.organizations')}
              value={overview.totals.organizations}
              extra={t('opInsight.overview.organizationsFrozen', {
                count: overview.totals.organizationsFrozen,
              })}
            />
            <StatCard
              title={t('opInsight.overview.miniPrograms')}
              value={overview.totals.miniPrograms}
              extra={t('opInsight.overview.miniProgramsOnline', {
                count: overview.totals.miniProgramsOnline,
              })}
            />
            <StatCard title={t('opInsight.overview.hostApps')} value={overview.totals.hostApps} />
          </Row>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('opInsight.overview.inPeriod')}
          </Typography.Title>
          <Row gutter={[16, 16]}>
            <StatCard
              title={t('opInsight.overview.organizationsApproved')}
              value={overview.organizationsApproved}
            />
            <StatCard
              title={t('opInsight.overview.miniProgramsCreated')}
              value={overview.miniProgramsCreated}
            />
            <StatCard title={t('opInsight.overview.hostAppsCreated')} value={overview.hostAppsCreated} />
            <StatCard title={t('opInsight.overview.activeDevices')} value={overview.activeDevices} />
            <StatCard title={t('opInsight.overview.launches')} value={overview.launches} />
          </Row>
          <Card
            title={<h3 style={{ margin: 0, fontSize: 16 }}>{t('opInsight.overview.chartTitle')}</h3>}
            extra={
              <Space wrap>
                <Segmented
                  aria-label={t('opInsight.overview.metric')}
                  value={group}
                  options={(Object.keys(SERIES_GROUPS) as SeriesGroup[]).map((g) => ({
                    value: g,
                    label: t(GROUP_LABEL[g]),
                  }))}
                  onChange={(value) => set({ series: value === 'activity' ? undefined : String(value) })}
                />
                <Segmented
                  aria-label={t('opInsight.overview.view')}
                  value={view}
                  options={[
                    { value: 'chart', label: t('opInsight.overview.viewChart') },
                    { value: 'table', label: t('opInsight.overview.viewTable') },
                  ]}
                  onChange={(value) => set({ view: value === 'table' ? 'table' : undefined })}
                />
              </Space>
            }
          >
            {isEmptyPeriod(days) && (
              <Empty description={t('opInsight.overview.empty')} style={{ marginBottom: 16 }} />
            )}
            {view === 'chart' ? (
              <Suspense
                fallback={
                  <Spin tip={t('opInsight.overview.chartLoading')}>
                    <div style={{ height: 320 }} />
                  </Spin>
                }
              >
                <PlatformOverviewChart
                  days={dayLabels}
                  series={chartSeries}
                  summary={summary}
                  language={language}
                />
              </Suspense>
            ) : (
              <Table
                size="small"
                rowKey="day"
                dataSource={days}
                pagination={{ pageSize: 31, hideOnSinglePage: true, showSizeChanger: false }}
                scroll={{ x: true }}
                columns={[
                  { title: t('opInsight.overview.day'), dataIndex: 'day' },
                  ...series.map((s) => ({
                    title: metricName(s.metric),
                    dataIndex: s.metric,
                    align: 'right' as const,
                    render: (value: number) => formatNumber(value, language),
                  })),
                ]}
              />
            )}
            {view === 'chart' && (
              <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{summary}</Typography.Paragraph>
            )}
          </Card>
        </>
      )}
    </Space>
  );
}

function StatCard({ title, value, extra }: { title: string; value: number; extra?: string }) {
  const { i18n } = useTranslation();
  return (
    <Col xs={24} sm={12} lg={8} xl={6}>
      <Card size="small">
        <Statistic title={title} value={value} formatter={(v) => formatNumber(Number(v), i18n.language)} />
        {extra && <Typography.Text>{extra}</Typography.Text>}
      </Card>
    </Col>
  );
}
