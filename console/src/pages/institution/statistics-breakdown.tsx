import { useMemo } from 'react';
import { Alert, Select, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import {
  MiniProgramAnalyticsBreakdownDocument,
  type AnalyticsDimension,
} from '../../../../schema/generated/graphql';
import { formatNumber } from '../../lib/format';
import { apiErrors } from '../../lib/graphql-errors';
import { CsvButton, LazyStatisticsChart, StatisticsCard, useParamSetter } from './statistics-card';
import { breakdownBars, formatPercent, formatSeconds, statisticsCsvName } from './statistics-series';

export const DIMENSIONS = [
  'PLATFORM',
  'OS_VERSION',
  'DEVICE_MODEL',
  'NETWORK',
  'SDK_VERSION',
  'REGION',
  'HOST_APP',
  'VERSION',
  'VERSION_SOURCE',
] as const satisfies readonly AnalyticsDimension[];

export function dimensionOf(value: string | null | undefined): AnalyticsDimension {
  return DIMENSIONS.find((d) => d === value) ?? 'PLATFORM';
}

/** The period grouped by one dimension (`?dimension=`): active users per value as bars, every metric in the table. */
export function StatisticsBreakdown({ appId, from, to }: { appId: string; from: string; to: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [params, set] = useParamSetter();
  const dimension = dimensionOf(params.get('dimension'));
  const client = useClient();
  const variables = { appId, from, to, dimension };
  const [{ data, fetching, error }] = useQuery({ query: MiniProgramAnalyticsBreakdownDocument, variables });
  const rows = useMemo(() => data?.miniProgramAnalyticsBreakdown?.rows ?? [], [data]);
  const valueLabel = (value: string) => (value === 'unknown' ? t('stats.breakdown.unknown') : value);
  const bars = useMemo(() => breakdownBars(rows), [rows]);
  const categories = bars.map((b) => (b.other ? t('stats.breakdown.other') : valueLabel(b.label)));
  const format = useMemo(() => (value: number) => formatNumber(value, language), [language]);
  const summary = t('stats.breakdown.summary', {
    dimension: t(`stats.dimension.${dimension}`),
    count: rows.length,
    details: bars
      .slice(0, 5)
      .map((b, i) => `${categories[i]}: ${format(b.value)}`)
      .join('; '),
  });
  const serverError = apiErrors(error)[0];

  return (
    <StatisticsCard
      title={t('stats.breakdown.title')}
      empty={!fetching && rows.length === 0}
      summary={summary}
      note={serverError && <Alert type="error" showIcon message={serverError.message} />}
      controls={
        <Select
          aria-label={t('stats.breakdown.dimension')}
          value={dimension}
          style={{ width: 180 }}
          options={DIMENSIONS.map((d) => ({ value: d, label: t(`stats.dimension.${d}`) }))}
          onChange={(value) => set({ dimension: value === 'PLATFORM' ? undefined : value })}
        />
      }
      csv={
        <CsvButton
          fileName={statisticsCsvName(appId, `breakdown-${dimension.toLowerCase()}`, from, to)}
          load={async () =>
            (
              await client
                .query(
                  MiniProgramAnalyticsBreakdownDocument,
                  { ...variables, withCsv: true },
                  { requestPolicy: 'network-only' },
                )
                .toPromise()
            ).data?.miniProgramAnalyticsBreakdown?.csv ?? undefined
          }
        />
      }
      chart={
        <LazyStatisticsChart
          kind="bar"
          horizontal
          categories={categories}
          series={[{ name: t('stats.metrics.activeUsers'), values: bars.map((b) => b.value) }]}
          summary={summary}
          language={language}
          format={format}
          height={Math.max(160, bars.length * 32 + 48)}
        />
      }
      table={
        <Table
          size="small"
          rowKey="value"
          loading={fetching}
          dataSource={rows}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: true }}
          columns={[
            { title: t(`stats.dimension.${dimension}`), render: (_, r) => valueLabel(r.value) },
            ...(['activeUsers', 'newUsers', 'launches', 'pageViews'] as const).map((metric) => ({
              title: t(`stats.metrics.${metric}`),
              align: 'right' as const,
              render: (_: unknown, r: (typeof rows)[number]) => formatNumber(r.metrics[metric], language),
            })),
            {
              title: t('stats.metrics.averageStayMs'),
              align: 'right' as const,
              render: (_, r) => formatSeconds(r.metrics.averageStayMs / 1000, language),
            },
            {
              title: t('stats.metrics.crashRate'),
              align: 'right' as const,
              render: (_, r) => formatPercent(r.metrics.crashRate, language),
            },
          ]}
        />
      }
    />
  );
}
