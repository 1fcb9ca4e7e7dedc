import type { GrayComparisonFieldsFragment } from '../../../../schema/generated/graphql';

/** The metrics of the gray-vs-released comparison, in the order shown; rates are fractions of launches. */
export const GRAY_METRICS = [
  'devicesExposed',
  'activeUsers',
  'launches',
  'pageViews',
  'jsErrors',
  'crashes',
  'averageStayMs',
  'errorRate',
  'crashRate',
] as const;
export type GrayMetric = (typeof GRAY_METRICS)[number];

const RATES = new Set<GrayMetric>(['errorRate', 'crashRate']);

export interface GrayComparisonRow {
  metric: GrayMetric;
  gray: number | null;
  released: number | null;
  /** gray − released for rates and the stay time (what the server computes); null for counts, which differ by size. */
  delta: number | null;
  /** The gray cohort does worse by this metric (more errors or crashes, shorter stays). */
  worse: boolean;
}

export function comparisonRows(comparison: GrayComparisonFieldsFragment): GrayComparisonRow[] {
  const deltas: Partial<Record<GrayMetric, number>> = {
    errorRate: comparison.errorRateDelta,
    crashRate: comparison.crashRateDelta,
    averageStayMs: comparison.averageStayMsDelta,
  };
  return GRAY_METRICS.map((metric) => {
    const delta = deltas[metric] ?? null;
    const worse = delta !== null && (metric === 'averageStayMs' ? delta < 0 : delta > 0);
    return {
      metric,
      gray: comparison.gray[metric] ?? null,
      released: comparison.released[metric] ?? null,
      delta,
      worse,
    };
  });
}

/** A metric's value in the console's language: rates as percentages, stay time in seconds, counts as integers. */
export function formatGrayMetric(
  metric: GrayMetric,
  value: number | null,
  language: string,
  signed = false,
): string {
  if (value === null) return '—';
  const sign = signed ? 'exceptZero' : 'auto';
  if (RATES.has(metric))
    return new Intl.NumberFormat(language, {
      style: 'percent',
      maximumFractionDigits: 2,
      signDisplay: sign,
    }).format(value);
  if (metric === 'averageStayMs')
    return new Intl.NumberFormat(language, {
      style: 'unit',
      unit: 'second',
      unitDisplay: 'short',
      maximumFractionDigits: 1,
      signDisplay: sign,
    }).format(value / 1000);
  return new Intl.NumberFormat(language, { signDisplay: sign }).format(value);
}
