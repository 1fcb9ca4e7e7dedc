import { useMemo } from 'react';
import {
  Alert,
  Breadcrumb,
  Button,
  Card,
  Col,
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
import { Link, useParams } from 'react-router-dom';
import { useClient, useQuery } from 'urql';
import {
  ConsoleStatisticsMiniProgramDocument,
  MiniProgramAnalyticsDocument,
  type AnalyticsMetricsFieldsFragment,
} from '../../../../schema/generated/graphql';
import { formatNumber } from '../../lib/format';
import { apiErrors } from '../../lib/graphql-errors';
import { CsvButton, LazyStatisticsChart, StatisticsCard, useParamSetter } from './statistics-card';
import { StatisticsBreakdown } from './statistics-breakdown';
import { StatisticsDistributions } from './statistics-distributions';
import {
  GRANULARITIES,
  granularityOf,
  PRESETS,
  presetOf,
  presetRange,
  statisticsRange,
} from './statistics-range';
import { StatisticsRetention } from './statistics-retention';
import {
  bucketLabel,
  formatPercent,
  formatSeconds,
  isEmptyTotal,
  seriesFacts,
  seriesGroupOf,
  seriesOf,
  SERIES_GROUPS,
  statisticsCsvName,
  type SeriesMetric,
  type StatisticsSeriesGroup,
} from './statistics-series';
import { StatisticsTopPages } from './statistics-top-pages';

/**
 * 企业端 数据统计: one mini-program's statistics over a period (FinClip's statistics console as the model) — totals,
 * a trend by day / week / month, a breakdown by one dimension, top pages, retention and the stay / depth distributions.
 * Every view is in the URL (`/mini-programs/:appId/statistics?from=&to=&granularity=&series=&dimension=…`).
 */
export function MiniProgramStatisticsPage({ now = () => new Date() }: { now?: () => Date }) {
  const { appId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [params, set] = useParamSetter();
  const range = statisticsRange(
    { from: params.get('from') ?? undefined, to: params.get('to') ?? undefined },
    now(),
  );
  const granularity = granularityOf(params.get('granularity'));
  const group = seriesGroupOf(params.get('series'));
  const client = useClient();
  const [{ data: header }] = useQuery({ query: ConsoleStatisticsMiniProgramDocument, variables: { appId } });
  const variables = { appId, from: range.from, to: range.to, granularity };
  const [{ data, fetching, error }] = useQuery({
    query: MiniProgramAnalyticsDocument,
    variables,
    pause: Boolean(range.problem),
  });
  const series = data?.miniProgramAnalytics;
  const buckets = useMemo(() => series?.days ?? [], [series]);
  const labels = useMemo(() => buckets.map((b) => bucketLabel(b, granularity)), [buckets, granularity]);
  const metricName = (metric: SeriesMetric) => t(`stats.metrics.${metric}`);
  const format = useMemo(
    () =>
      group === 'stay'
        ? (value: number) => formatSeconds(value, language)
        : (value: number) => formatNumber(value, language),
    [group, language],
  );
  const lines = useMemo(() => seriesOf(buckets, group), [buckets, group]);
  const chartSeries = useMemo(
    () => lines.map((s) => ({ name: metricName(s.metric), values: s.values })),
    // metricName follows the language
    [lines, language],
  );
  const summary = t('stats.trend.summary', {
    buckets: buckets.length,
    granularity: t(`stats.granularity.${granularity}`),
    details: lines
      .map((s) => {
        const facts = seriesFacts(labels, s.values);
        return t('stats.trend.summaryItem', {
          name: metricName(s.metric),
          max: format(facts.max),
          maxLabel: facts.maxLabel,
          min: format(facts.min),
        });
      })
      .join('; '),
  });

  const problem = range.problem
    ? t(range.problem === 'order' ? 'stats.orderProblem' : 'stats.tooLongProblem')
    : undefined;
  const serverError = apiErrors(error)[0];
  const preset = presetOf(range, now());
  const name = header?.miniProgram?.name ?? appId;
  const ready = !range.problem && series;

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Breadcrumb
        items={[
          { title: <Link to="/mini-programs">{t('miniPrograms.title')}</Link> },
          { title: <Link to={`/mini-programs/${encodeURIComponent(appId)}`}>{name}</Link> },
          { title: t('stats.title') },
        ]}
      />
      <Typography.Title level={2} style={{ margin: 0 }}>
        {t('stats.pageTitle', { name })}
      </Typography.Title>
      <Typography.Paragraph style={{ margin: 0 }}>
        {t('stats.hint', { timeZone: series?.timeZone ?? '…' })}
      </Typography.Paragraph>
      <Flex gap={12} wrap="wrap" align="center" role="group" aria-label={t('stats.period')}>
        <label>
          <Typography.Text>{t('stats.from')} </Typography.Text>
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
          <Typography.Text>{t('stats.to')} </Typography.Text>
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
          {PRESETS.map((days) => (
            <Button
              key={days}
              type={preset === days ? 'primary' : 'default'}
              aria-pressed={preset === days}
              onClick={() => set(presetRange(days, now()))}
            >
              {t('stats.lastDays', { count: days })}
            </Button>
          ))}
        </Space.Compact>
        <Segmented
          aria-label={t('stats.granularityLabel')}
          value={granularity}
          options={GRANULARITIES.map((g) => ({ value: g, label: t(`stats.granularity.${g}`) }))}
          onChange={(value) => set({ granularity: value === 'DAY' ? undefined : String(value) })}
        />
      </Flex>
      {problem && <Alert type="error" showIcon message={problem} role="alert" />}
      {serverError && <Alert type="error" showIcon message={serverError.message} />}
      {fetching && !series && !problem && <Spin style={{ display: 'block', margin: '5vh auto' }} />}
      {ready && (
        <>
          <Totals total={series.total} />
          <StatisticsCard
            title={t('stats.trend.title')}
            empty={isEmptyTotal(series.total)}
            summary={summary}
            controls={
              <Segmented
                aria-label={t('stats.trend.metric')}
                value={group}
                options={(Object.keys(SERIES_GROUPS) as StatisticsSeriesGroup[]).map((g) => ({
                  value: g,
                  label: t(`stats.trend.group.${g}`),
                }))}
                onChange={(value) => set({ series: value === 'users' ? undefined : String(value) })}
              />
            }
            csv={
              <CsvButton
                fileName={statisticsCsvName(
                  appId,
                  `trend-${granularity.toLowerCase()}`,
                  range.from,
                  range.to,
                )}
                load={async () =>
                  (
                    await client
                      .query(
                        MiniProgramAnalyticsDocument,
                        { ...variables, withCsv: true },
                        { requestPolicy: 'network-only' },
                      )
                      .toPromise()
                  ).data?.miniProgramAnalytics?.csv ?? undefined
                }
              />
            }
            chart={
              <LazyStatisticsChart
                kind="line"
                categories={labels}
                series={chartSeries}
                summary={summary}
                language={language}
                format={format}
              />
            }
            table={
              <Table
                size="small"
                rowKey="day"
                dataSource={buckets}
                pagination={{ pageSize: 31, hideOnSinglePage: true, showSizeChanger: false }}
                scroll={{ x: true }}
                columns={[
                  {
                    title: t(`stats.granularity.${granularity}`),
                    render: (_, b) => bucketLabel(b, granularity),
                  },
                  ...(['activeUsers', 'newUsers', 'launches', 'pageViews'] as const).map((metric) => ({
                    title: t(`stats.metrics.${metric}`),
                    align: 'right' as const,
                    render: (_: unknown, b: (typeof buckets)[number]) =>
                      formatNumber(b.metrics[metric], language),
                  })),
                  {
                    title: t('stats.metrics.averageStayMs'),
                    align: 'right' as const,
                    render: (_, b) => formatSeconds(b.metrics.averageStayMs / 1000, language),
                  },
                ]}
              />
            }
          />
          <StatisticsBreakdown appId={appId} from={range.from} to={range.to} />
          <StatisticsTopPages appId={appId} from={range.from} to={range.to} />
          <StatisticsRetention
            appId={appId}
            from={range.retentionFrom}
            to={range.to}
            clipped={range.retentionClipped}
          />
          <StatisticsDistributions appId={appId} from={range.from} to={range.to} />
        </>
      )}
    </Space>
  );
}

/** The period's totals; active users are distinct over the whole period (the card says so), not a sum of days. */
function Totals({ total }: { total: AnalyticsMetricsFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const cards: Array<{ key: string; value: string; extra?: string }> = [
    {
      key: 'activeUsers',
      value: formatNumber(total.activeUsers, language),
      extra: t('stats.totals.distinct'),
    },
    { key: 'newUsers', value: formatNumber(total.newUsers, language) },
    { key: 'launches', value: formatNumber(total.launches, language) },
    { key: 'pageViews', value: formatNumber(total.pageViews, language) },
    { key: 'averageStayMs', value: formatSeconds(total.averageStayMs / 1000, language) },
    { key: 'bounceRate', value: formatPercent(total.bounceRate, language) },
    { key: 'crashRate', value: formatPercent(total.crashRate, language) },
  ];
  return (
    <section aria-label={t('stats.totals.title')}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('stats.totals.title')}
      </Typography.Title>
      <Row gutter={[16, 16]}>
        {cards.map((card) => (
          <Col key={card.key} xs={24} sm={12} lg={8} xl={6}>
            <Card size="small">
              <Statistic title={t(`stats.metrics.${card.key}`)} value={card.value} />
              {card.extra && <Typography.Text>{card.extra}</Typography.Text>}
            </Card>
          </Col>
        ))}
      </Row>
    </section>
  );
}
