import type { BreakdownView, MetricsView, SeriesView } from '../service/analytics-query.service';
import type { DistributionView, RetentionView, TopPagesView } from '../service/analytics-tables.service';
import type {
  CohortComparisonView,
  CohortMetricsView,
  ReleasePlanStatisticsView,
} from '../service/release-plan-statistics.service';
import { renderCsv, type CsvColumn } from './table-csv';

/** Column definitions of each statistics table; every table goes through the same renderer (renderCsv). */
const metricColumns = <Row>(metrics: (row: Row) => MetricsView): CsvColumn<Row>[] =>
  (
    [
      'newUsers',
      'activeUsers',
      'launches',
      'pageViews',
      'totalStayMs',
      'averageStayMs',
      'bounces',
      'bounceRate',
      'jsErrors',
      'crashes',
      'crashRate',
    ] as const
  ).map((k) => ({ header: snake(k), value: (row: Row) => metrics(row)[k] }));

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

type SeriesRow = { day: string; until: string; hour?: number | null; metrics: MetricsView };

/** Buckets in order, then a `total` row (activeUsers distinct over the period). */
export function seriesCsv(view: SeriesView): string {
  const columns: CsvColumn<SeriesRow>[] = [
    { header: 'day', value: (r) => r.day },
    { header: 'until', value: (r) => r.until },
    ...(view.granularity === 'hour' ? [{ header: 'hour', value: (r: SeriesRow) => r.hour }] : []),
    ...metricColumns<SeriesRow>((r) => r.metrics),
  ];
  return renderCsv(columns, [...view.days, { day: 'total', until: '', hour: null, metrics: view.total }]);
}

export function breakdownCsv(view: BreakdownView): string {
  type Row = BreakdownView['rows'][number];
  return renderCsv<Row>(
    [{ header: view.dimension, value: (r) => r.value }, ...metricColumns<Row>((r) => r.metrics)],
    view.rows,
  );
}

export function topPagesCsv(view: TopPagesView): string {
  type Row = TopPagesView['rows'][number];
  const keys = ['views', 'visitors', 'totalStayMs', 'averageStayMs', 'entries', 'exits', 'exitRate'] as const;
  return renderCsv<Row>(
    [
      { header: 'page_path', value: (r) => r.pagePath },
      ...keys.map((k) => ({ header: snake(k), value: (r: Row) => r[k] })),
    ],
    view.rows,
  );
}

/** cohort_day, cohort_size, then day_N (users retained) and day_N_rate per offset; empty while unknown. */
export function retentionCsv(view: RetentionView): string {
  type Row = RetentionView['rows'][number];
  return renderCsv<Row>(
    [
      { header: 'cohort_day', value: (r) => r.cohortDay },
      { header: 'cohort_size', value: (r) => r.cohortSize },
      ...view.offsets.map((n, i) => ({ header: `day_${n}`, value: (r: Row) => r.retained[i] })),
      ...view.offsets.map((n, i) => ({ header: `day_${n}_rate`, value: (r: Row) => r.rates[i] })),
    ],
    view.rows,
  );
}

export function distributionsCsv(view: DistributionView): string {
  type Row = DistributionView['stay'][number] & { kind: string };
  return renderCsv<Row>(
    [
      { header: 'kind', value: (r) => r.kind },
      { header: 'bucket', value: (r) => r.bucket },
      { header: 'min', value: (r) => r.min },
      { header: 'max', value: (r) => r.max },
      { header: 'launches', value: (r) => r.launches },
      { header: 'share', value: (r) => r.share },
    ],
    [...view.stay.map((b) => ({ ...b, kind: 'stay' })), ...view.depth.map((b) => ({ ...b, kind: 'depth' }))],
  );
}

/** One row per day and cohort (gray, released), then the period's two `total` rows. */
export function grayComparisonCsv(view: ReleasePlanStatisticsView): string {
  type Row = { day: string; cohort: 'gray' | 'released'; metrics: CohortMetricsView };
  const keys = [
    'devicesExposed',
    'activeUsers',
    'launches',
    'pageViews',
    'jsErrors',
    'crashes',
    'totalStayMs',
    'averageStayMs',
    'errorRate',
    'crashRate',
  ] as const;
  const rowsOf = (day: string, c: CohortComparisonView): Row[] => [
    { day, cohort: 'gray', metrics: c.gray },
    { day, cohort: 'released', metrics: c.released },
  ];
  return renderCsv<Row>(
    [
      { header: 'day', value: (r) => r.day },
      { header: 'cohort', value: (r) => r.cohort },
      ...keys.map((k) => ({ header: snake(k), value: (r: Row) => r.metrics[k] })),
    ],
    [...view.days.flatMap((d) => rowsOf(d.day, d.comparison)), ...rowsOf('total', view.total)],
  );
}
