import { useState } from 'react';
import { Alert, Segmented, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import {
  InstitutionReleasePlanStatisticsDocument,
  type GrayStatisticsDimension,
} from '../../../../schema/generated/graphql';
import { apiErrors } from '../../lib/graphql-errors';
import { GrayTimelineChart } from './gray-timeline-chart';
import { comparisonRows, formatGrayMetric, type GrayComparisonRow } from './gray-statistics';

const DIMENSIONS: GrayStatisticsDimension[] = ['REGION', 'PLATFORM', 'MODEL', 'OS'];

/** 企业端: gray version vs released version of one release plan — the totals, and one dimension broken down. */
export function GrayStatisticsPanel({ planId }: { planId: string }) {
  const { t, i18n } = useTranslation();
  const [dimension, setDimension] = useState<GrayStatisticsDimension>('REGION');
  const [{ data, fetching, error }] = useQuery({
    query: InstitutionReleasePlanStatisticsDocument,
    variables: { planId, dimension },
  });
  const stats = data?.releasePlanStatistics;
  const breakdown = data?.releasePlanStatisticsBreakdown?.rows ?? [];
  const value = (row: GrayComparisonRow, key: 'gray' | 'released' | 'delta') =>
    formatGrayMetric(row.metric, row[key], i18n.language, key === 'delta');

  if (error && !data) return <Alert type="error" showIcon message={apiErrors(error)[0]?.message} />;
  return (
    <Space direction="vertical" style={{ width: '100%' }} aria-label={t('inst.gray.title')}>
      {stats && (
        <Typography.Text>
          {t('inst.gray.period', { from: stats.from, to: stats.to, timeZone: stats.timeZone })}
        </Typography.Text>
      )}
      <Table<GrayComparisonRow>
        size="small"
        rowKey="metric"
        loading={fetching}
        pagination={false}
        dataSource={stats ? comparisonRows(stats.total) : []}
        columns={[
          { title: t('inst.gray.metric'), render: (_, r) => t(`inst.gray.metrics.${r.metric}`) },
          { title: t('inst.gray.gray'), render: (_, r) => value(r, 'gray') },
          { title: t('inst.gray.released'), render: (_, r) => value(r, 'released') },
          {
            title: t('inst.gray.delta'),
            render: (_, r) =>
              r.delta === null ? (
                '—'
              ) : (
                <Typography.Text type={r.worse ? 'danger' : undefined}>
                  {value(r, 'delta')}
                  {r.worse ? ` (${t('inst.gray.worse')})` : ''}
                </Typography.Text>
              ),
          },
        ]}
      />
      <GrayTimelineChart planId={planId} />
      <Space>
        <Typography.Text>{t('inst.gray.byDimension')}</Typography.Text>
        <Segmented
          aria-label={t('inst.gray.byDimension')}
          value={dimension}
          options={DIMENSIONS.map((d) => ({ value: d, label: t(`inst.gray.dimension.${d}`) }))}
          onChange={(d) => setDimension(d as GrayStatisticsDimension)}
        />
      </Space>
      <Table
        size="small"
        rowKey="value"
        loading={fetching}
        pagination={false}
        dataSource={breakdown}
        locale={{ emptyText: t('inst.gray.empty') }}
        columns={[
          { title: t(`inst.gray.dimension.${dimension}`), dataIndex: 'value' },
          ...(['activeUsers', 'launches', 'errorRate', 'crashRate'] as const).flatMap((metric) => [
            {
              key: `${metric}-gray`,
              title: `${t(`inst.gray.metrics.${metric}`)} · ${t('inst.gray.gray')}`,
              render: (_: unknown, r: (typeof breakdown)[number]) =>
                formatGrayMetric(metric, r.comparison.gray[metric], i18n.language),
            },
            {
              key: `${metric}-released`,
              title: `${t(`inst.gray.metrics.${metric}`)} · ${t('inst.gray.released')}`,
              render: (_: unknown, r: (typeof breakdown)[number]) =>
                formatGrayMetric(metric, r.comparison.released[metric], i18n.language),
            },
          ]),
        ]}
      />
    </Space>
  );
}
