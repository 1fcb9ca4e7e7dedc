import { useEffect, useRef } from 'react';
// Only what a line chart needs (tree-shaken): this module is its own lazy chunk, loaded by the overview page alone.
import { LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use, type ECharts } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([LineChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11 for graphics), told apart by marker too. */
const PALETTE = ['#1f5fbf', '#b3401e', '#1e7a4a', '#7a3fb0'];
const SYMBOLS = ['circle', 'rect', 'triangle', 'diamond'];

export interface ChartSeries {
  name: string;
  values: number[];
}

/**
 * A thin React wrapper over ECharts: one line per series over the days. The drawing is hidden from assistive
 * technology (role="img" with the caller's summary as its name); the numbers are in the page's table view.
 */
export function PlatformOverviewChart({
  days,
  series,
  summary,
  language,
}: {
  days: string[];
  series: ChartSeries[];
  summary: string;
  language: string;
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
    const number = new Intl.NumberFormat(language);
    chart.current?.setOption(
      {
        animation: !reduceMotion,
        color: PALETTE,
        textStyle: { color: '#1f1f1f' },
        tooltip: { trigger: 'axis', valueFormatter: (value: unknown) => number.format(Number(value)) },
        legend: { top: 0, textStyle: { color: '#1f1f1f' } },
        grid: { left: 48, right: 24, top: 40, bottom: 32, containLabel: true },
        xAxis: { type: 'category', data: days, axisLabel: { color: '#434343' } },
        yAxis: {
          type: 'value',
          minInterval: 1,
          axisLabel: { color: '#434343', formatter: (value: number) => number.format(value) },
        },
        series: series.map((s, i) => ({
          type: 'line',
          name: s.name,
          data: s.values,
          symbol: SYMBOLS[i % SYMBOLS.length],
          symbolSize: 6,
          showSymbol: days.length <= 92,
        })),
      },
      { notMerge: true },
    );
  }, [days, series, language]);

  return <div ref={element} role="img" aria-label={summary} style={{ width: '100%', height: 320 }} />;
}
