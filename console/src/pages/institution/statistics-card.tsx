import { lazy, Suspense, useState, type ComponentProps, type ReactNode } from 'react';
import { App, Button, Card, Empty, Segmented, Space, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { downloadText } from '../operator/operation-log-csv';

// ECharts is about 180 KB gzip: its own chunk, loaded when a statistics card draws its first chart, never by other routes.
const StatisticsChart = lazy(() =>
  import('./statistics-chart').then((m) => ({ default: m.StatisticsChart })),
);
export type StatisticsChartProps = ComponentProps<typeof StatisticsChart>;

/** The chart, loaded on first use; a spinner of the same height until then. */
export function LazyStatisticsChart(props: StatisticsChartProps) {
  const { t } = useTranslation();
  return (
    <Suspense
      fallback={
        <Spin tip={t('stats.chartLoading')}>
          <div style={{ height: props.height ?? 300 }} />
        </Spin>
      }
    >
      <StatisticsChart {...props} />
    </Suspense>
  );
}

/** Sets (or, with undefined, removes) search parameters, keeping the others: each view of the page has a link. */
export function useParamSetter() {
  const [params, setParams] = useSearchParams();
  const set = (next: Record<string, string | undefined>) =>
    setParams(
      (current) => {
        const merged = new URLSearchParams(current);
        for (const [key, value] of Object.entries(next)) {
          if (value) merged.set(key, value);
          else merged.delete(key);
        }
        return merged;
      },
      { replace: true },
    );
  return [params, set] as const;
}

/**
 * Reads a table's CSV from the server (its `csv` field, formula-like cells already neutralized there) and offers it as
 * a file; the button spins meanwhile and a failure is said in a message.
 */
export function CsvButton({ load, fileName }: { load: () => Promise<string | undefined>; fileName: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const csv = await load();
          if (csv === undefined) throw new Error(t('stats.csvFailed'));
          downloadText(csv, fileName);
        } catch (error) {
          void message.error((error as Error).message || t('stats.csvFailed'));
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('stats.downloadCsv')}
    </Button>
  );
}

/**
 * One statistics block: a title, its controls, a chart with its numbers as a table (the text alternative, one switch
 * away; the chart's summary is also its accessible name and is printed under it), an empty state when the period has
 * no data, and the CSV download.
 */
export function StatisticsCard({
  title,
  controls,
  chart,
  table,
  summary,
  empty,
  csv,
  note,
}: {
  title: string;
  controls?: ReactNode;
  /** Undefined: the block is a table only. */
  chart?: ReactNode;
  table: ReactNode;
  summary?: string;
  empty: boolean;
  csv?: ReactNode;
  note?: ReactNode;
}) {
  const { t } = useTranslation();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const showChart = chart !== undefined && view === 'chart';
  return (
    <Card
      title={<h3 style={{ margin: 0, fontSize: 16 }}>{title}</h3>}
      extra={
        <Space wrap>
          {controls}
          {chart !== undefined && (
            <Segmented
              aria-label={t('stats.view')}
              value={view}
              options={[
                { value: 'chart', label: t('stats.viewChart') },
                { value: 'table', label: t('stats.viewTable') },
              ]}
              onChange={(value) => setView(value === 'table' ? 'table' : 'chart')}
            />
          )}
          {csv}
        </Space>
      }
    >
      {note && <Typography.Paragraph style={{ marginTop: 0 }}>{note}</Typography.Paragraph>}
      {empty ? (
        <Empty description={t('stats.empty')} />
      ) : showChart ? (
        <>
          {chart}
          {summary && (
            <Typography.Paragraph style={{ marginTop: 8, marginBottom: 0 }}>{summary}</Typography.Paragraph>
          )}
        </>
      ) : (
        table
      )}
    </Card>
  );
}
