import { useMemo } from 'react';
import { Alert, Col, Row, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import {
  MiniProgramLaunchDistributionsDocument,
  type DistributionBucketFieldsFragment,
} from '../../../../schema/generated/graphql';
import { formatNumber } from '../../lib/format';
import { apiErrors } from '../../lib/graphql-errors';
import { CsvButton, LazyStatisticsChart, StatisticsCard } from './statistics-card';
import { formatPercent, statisticsCsvName } from './statistics-series';

/** Launches of the period by stay and by depth (pages per launch): two bar charts, their buckets as tables. */
export function StatisticsDistributions({ appId, from, to }: { appId: string; from: string; to: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const client = useClient();
  const variables = { appId, from, to };
  const [{ data, fetching, error }] = useQuery({ query: MiniProgramLaunchDistributionsDocument, variables });
  const distributions = data?.miniProgramLaunchDistributions;
  const serverError = apiErrors(error)[0];
  const format = useMemo(() => (value: number) => formatNumber(value, language), [language]);
  const kinds = (['stay', 'depth'] as const).map((kind) => {
    const buckets = distributions?.[kind] ?? [];
    const title = t(`stats.distributions.${kind}`);
    const summary = t('stats.distributions.summary', {
      title,
      launches: format(distributions?.launches ?? 0),
      details: buckets
        .filter((b) => b.launches > 0)
        .map((b) => `${b.bucket}: ${format(b.launches)} (${formatPercent(b.share, language)})`)
        .join('; '),
    });
    return { kind, buckets, title, summary };
  });

  const table = (title: string, buckets: DistributionBucketFieldsFragment[]) => (
    <Table
      size="small"
      rowKey="bucket"
      loading={fetching}
      dataSource={buckets}
      pagination={false}
      columns={[
        { title, dataIndex: 'bucket' },
        {
          title: t('stats.metrics.launches'),
          align: 'right' as const,
          render: (_, b) => formatNumber(b.launches, language),
        },
        {
          title: t('stats.distributions.share'),
          align: 'right' as const,
          render: (_, b) => formatPercent(b.share, language),
        },
      ]}
    />
  );

  return (
    <StatisticsCard
      title={t('stats.distributions.title')}
      empty={!fetching && (distributions?.launches ?? 0) === 0}
      note={serverError && <Alert type="error" showIcon message={serverError.message} />}
      csv={
        <CsvButton
          fileName={statisticsCsvName(appId, 'distributions', from, to)}
          load={async () =>
            (
              await client
                .query(
                  MiniProgramLaunchDistributionsDocument,
                  { ...variables, withCsv: true },
                  { requestPolicy: 'network-only' },
                )
                .toPromise()
            ).data?.miniProgramLaunchDistributions?.csv ?? undefined
          }
        />
      }
      chart={
        <Row gutter={[24, 16]}>
          {kinds.map(({ kind, buckets, title, summary }) => (
            <Col key={kind} xs={24} xl={12}>
              <Typography.Title level={4} style={{ marginTop: 0 }}>
                {title}
              </Typography.Title>
              <LazyStatisticsChart
                kind="bar"
                categories={buckets.map((b) => b.bucket)}
                series={[{ name: t('stats.metrics.launches'), values: buckets.map((b) => b.launches) }]}
                summary={summary}
                language={language}
                format={format}
                height={240}
              />
              <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{summary}</Typography.Paragraph>
            </Col>
          ))}
        </Row>
      }
      table={
        <Row gutter={[24, 16]}>
          {kinds.map(({ kind, buckets, title }) => (
            <Col key={kind} xs={24} xl={12}>
              {table(title, buckets)}
            </Col>
          ))}
        </Row>
      }
    />
  );
}
