import { useMemo, useState } from 'react';
import { Alert, Segmented, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { ReleasePlanStatisticsDocument } from '../../../../schema/generated/graphql';
import { formatNumber } from '../../lib/format';
import { apiErrors } from '../../lib/graphql-errors';
import {
  GRAY_TIMELINE_METRICS,
  grayTimelineSeries,
  markKind,
  showsPercentage,
  timelineMarks,
  type GrayTimelineMetric,
} from './gray-timeline';
import { LazyStatisticsChart, StatisticsCard } from './statistics-card';
import { formatPercent } from './statistics-series';

/**
 * 企业端 灰度统计: gray against released per day (error rate, crash rate or active users) with the plan's percentage
 * changes marked on the timeline; the same numbers as a table, a mark column saying what changed that day.
 */
export function GrayTimelineChart({ planId }: { planId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [metric, setMetric] = useState<GrayTimelineMetric>('errorRate');
  const [{ data, fetching, error }] = useQuery({
    query: ReleasePlanStatisticsDocument,
    variables: { planId },
  });
  const stats = data?.releasePlanStatistics;
  const days = useMemo(() => stats?.days ?? [], [stats]);
  const format = useMemo(
    () =>
      metric === 'activeUsers'
        ? (value: number) => formatNumber(value, language)
        : (value: number) => formatPercent(value, language),
    [metric, language],
  );
  const lines = useMemo(() => grayTimelineSeries(days, metric), [days, metric]);
  const marks = useMemo(
    () =>
      stats
        ? timelineMarks(stats.marks, days, stats.timeZone, (mark) =>
            showsPercentage(mark.type)
              ? t('stats.gray.mark', { percentage: formatNumber(mark.percentage, language) })
              : t(`stats.gray.markKind.${markKind(mark.type)}`, { defaultValue: markKind(mark.type) }),
          )
        : [],
    // t follows the language
    [stats, days, language],
  );
  const markOf = new Map(marks.map((m) => [m.category, m.label]));
  const series = [
    { name: t('stats.gray.gray'), values: lines.gray },
    { name: t('stats.gray.released'), values: lines.released },
  ];
  const summary = stats
    ? t('stats.gray.summary', {
        metric: t(`stats.gray.metrics.${metric}`),
        from: stats.from,
        to: stats.to,
        gray: format(stats.total.gray[metric]),
        released: format(stats.total.released[metric]),
        marks: marks.length
          ? marks.map((m) => t('stats.gray.markItem', { day: m.category, label: m.label })).join('; ')
          : t('stats.gray.noMarks'),
      })
    : '';
  const serverError = apiErrors(error)[0];
  const empty =
    !fetching && (!stats || (stats.total.gray.activeUsers === 0 && stats.total.released.activeUsers === 0));

  return (
    <StatisticsCard
      title={t('stats.gray.chartTitle')}
      empty={empty}
      summary={summary}
      note={serverError && <Alert type="error" showIcon message={serverError.message} />}
      controls={
        <Segmented
          aria-label={t('stats.gray.metric')}
          value={metric}
          options={GRAY_TIMELINE_METRICS.map((m) => ({ value: m, label: t(`stats.gray.metrics.${m}`) }))}
          onChange={(value) => setMetric(value as GrayTimelineMetric)}
        />
      }
      chart={
        <LazyStatisticsChart
          kind="line"
          categories={days.map((d) => d.day)}
          series={series}
          marks={marks}
          summary={summary}
          language={language}
          format={format}
          height={260}
        />
      }
      table={
        <Table
          size="small"
          rowKey="day"
          dataSource={days}
          pagination={{ pageSize: 31, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { title: t('stats.gray.day'), dataIndex: 'day' },
            {
              title: t('stats.gray.gray'),
              align: 'right' as const,
              render: (_, d) => format(d.comparison.gray[metric]),
            },
            {
              title: t('stats.gray.released'),
              align: 'right' as const,
              render: (_, d) => format(d.comparison.released[metric]),
            },
            { title: t('stats.gray.marksColumn'), render: (_, d) => markOf.get(d.day) ?? '' },
          ]}
        />
      }
    />
  );
}
