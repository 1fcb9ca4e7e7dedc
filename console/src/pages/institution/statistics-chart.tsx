import { useEffect, useRef } from 'react';
// Only what line and bar charts need (tree-shaken): this module is a lazy chunk of the statistics routes alone.
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([LineChart, BarChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11 for graphics), told apart by marker too. */
const PALETTE = ['#1f5fbf', '#b3401e', '#1e7a4a', '#7a3fb0'];
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond'];

export interface StatisticsChartSeries {
  name: string;
  values: number[];
}

/** A vertical line at a category with a label (a release plan's percentage change on the timeline). */
export interface StatisticsChartMark {
  category: string;
  label: string;
}

export type ChartValueFormat = (value: number) => string;

/**
 * A thin React wrapper over ECharts: lines over categories (days, weeks, months) or bars (buckets, values). The drawing
 * is hidden from assistive technology (role="img", the caller's summary as its name); the numbers are in the caller's
 * table view.
 */
export function StatisticsChart({
  kind,
  categories,
  series,
  marks = [],
  summary,
  language,
  format,
  horizontal = false,
  height = 300,
}: {
  kind: 'line' | 'bar';
  categories: string[];
  series: StatisticsChartSeries[];
  marks?: StatisticsChartMark[];
  summary: string;
  language: string;
  format: ChartValueFormat;
  horizontal?: boolean;
  height?: number;
}) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);

  useEffect(() => {
    const node = element.current!;
    const instance = init(node, undefined, { renderer: 'svg', locale: language === 'en' ? 'EN' : 'ZH' });
    chart.current = instance;
    const observer = new ResizeObserver(() => instance.resize());
    observer.observe(node);
    return () => {
      observer.disconnect();
      instance.dispose();
      chart.current = null;
    };
  }, [language]);

  useEffect(() => {
    const reduceMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    const categoryAxis = {
      type: 'category' as const,
      data: categories,
      axisLabel: { color: '#434343', hideOverlap: true },
      inverse: horizontal, // the first (largest) bar on top
    };
    const valueAxis = {
      type: 'value' as const,
      axisLabel: { color: '#434343', formatter: (value: number) => format(value) },
    };
    chart.current?.setOption(
      {
        animation: !reduceMotion,
        color: PALETTE,
        textStyle: { color: '#1f1f1f' },
        tooltip: {
          trigger: 'axis',
          valueFormatter: (value: unknown) => format(Number(value)),
        },
        legend: series.length > 1 ? { top: 0, textStyle: { color: '#1f1f1f' } } : undefined,
        grid: { left: 16, right: 32, top: series.length > 1 ? 40 : 16, bottom: 24, containLabel: true },
        xAxis: horizontal ? valueAxis : categoryAxis,
        yAxis: horizontal ? categoryAxis : valueAxis,
        series: series.map((s, i) => ({
          type: kind,
          name: s.name,
          data: s.values,
          ...(kind === 'line'
            ? { symbol: SYMBOLS[i % SYMBOLS.length], symbolSize: 6, showSymbol: categories.length <= 92 }
            : { barMaxWidth: 32 }),
          ...(i === 0 && marks.length
            ? {
                markLine: {
                  symbol: 'none',
                  silent: true,
                  lineStyle: { color: '#595959', type: 'dashed' },
                  label: { color: '#1f1f1f', formatter: '{b}', position: 'insideEndTop' },
                  data: marks.map((m) => ({ xAxis: m.category, name: m.label })),
                },
              }
            : {}),
        })),
      },
      { notMerge: true },
    );
  }, [kind, categories, series, marks, language, format, horizontal]);

  return <div ref={element} role="img" aria-label={summary} style={{ width: '100%', height }} />;
}
