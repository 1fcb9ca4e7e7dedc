import { Alert, Segmented, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useClient, useQuery } from 'urql';
import { MiniProgramRetentionDocument, type RetentionCohort } from '../../../../schema/generated/graphql';
import { formatNumber } from '../../lib/format';
import { apiErrors } from '../../lib/graphql-errors';
import { CsvButton, StatisticsCard, useParamSetter } from './statistics-card';
import { formatPercent, heatColor, statisticsCsvName } from './statistics-series';

/**
 * The retention table of new or active users (`?cohort=ACTIVE`): one row per cohort day, the share of the cohort seen
 * again on day 1–7, 14 and 30 as a heat table (the number is in every cell, the colour only repeats it).
 */
export function StatisticsRetention({
  appId,
  from,
  to,
  clipped,
}: {
  appId: string;
  from: string;
  to: string;
  clipped: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [params, set] = useParamSetter();
  const cohort: RetentionCohort = params.get('cohort') === 'ACTIVE' ? 'ACTIVE' : 'NEW';
  const client = useClient();
  const variables = { appId, from, to, cohort };
  const [{ data, fetching, error }] = useQuery({ query: MiniProgramRetentionDocument, variables });
  const table = data?.miniProgramRetention;
  const rows = table?.rows ?? [];
  const offsets = table?.offsets ?? [];
  const serverError = apiErrors(error)[0];

  return (
    <StatisticsCard
      title={t('stats.retention.title')}
      empty={!fetching && rows.every((r) => r.cohortSize === 0)}
      note={
        <>
          {serverError && <Alert type="error" showIcon message={serverError.message} />}
          <Typography.Text>
            {t(cohort === 'NEW' ? 'stats.retention.hintNew' : 'stats.retention.hintActive')}
            {clipped ? ` ${t('stats.retention.clipped', { from })}` : ''}
          </Typography.Text>
        </>
      }
      controls={
        <Segmented
          aria-label={t('stats.retention.cohort')}
          value={cohort}
          options={[
            { value: 'NEW', label: t('stats.retention.cohortNew') },
            { value: 'ACTIVE', label: t('stats.retention.cohortActive') },
          ]}
          onChange={(value) => set({ cohort: value === 'ACTIVE' ? 'ACTIVE' : undefined })}
        />
      }
      csv={
        <CsvButton
          fileName={statisticsCsvName(appId, `retention-${cohort.toLowerCase()}`, from, to)}
          load={async () =>
            (
              await client
                .query(
                  MiniProgramRetentionDocument,
                  { ...variables, withCsv: true },
                  { requestPolicy: 'network-only' },
                )
                .toPromise()
            ).data?.miniProgramRetention?.csv ?? undefined
          }
        />
      }
      table={
        <Table
          size="small"
          rowKey="cohortDay"
          loading={fetching}
          dataSource={rows}
          scroll={{ x: true }}
          pagination={{ pageSize: 31, hideOnSinglePage: true, showSizeChanger: false }}
          columns={[
            { title: t('stats.retention.cohortDay'), dataIndex: 'cohortDay', fixed: 'left' },
            {
              title: t(cohort === 'NEW' ? 'stats.retention.sizeNew' : 'stats.retention.sizeActive'),
              align: 'right' as const,
              render: (_, r) => formatNumber(r.cohortSize, language),
            },
            ...offsets.map((offset, i) => ({
              key: `d${offset}`,
              title: t('stats.retention.day', { day: offset }),
              align: 'right' as const,
              onCell: (r: (typeof rows)[number]) => ({ style: heatColor(r.rates[i]) }),
              render: (_: unknown, r: (typeof rows)[number]) => {
                const rate = r.rates[i];
                const retained = r.retained[i];
                if (rate === null || rate === undefined || retained === null || retained === undefined)
                  return <span title={t('stats.retention.future')}>—</span>;
                return (
                  <span title={t('stats.retention.cell', { count: retained })}>
                    {formatPercent(rate, language)}
                  </span>
                );
              },
            })),
          ]}
        />
      }
    />
  );
}
