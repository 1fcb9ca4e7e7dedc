import { RouterMetrics } from './router-metrics';

describe('router metrics: the SDK runtime exposure record (ADR 0012)', () => {
  it("exports the recorder's counters as they are at each scrape", async () => {
    const metrics = new RouterMetrics({ defaultMetrics: false });
    const stats = { published: 1500, dropped: 0, deduplicated: 7, buffered: 12 };
    metrics.trackExposures(() => stats);
    const scrape = async () =>
      (await metrics.render()).body.split('\n').filter((line) => line.startsWith('grove_runtime_exposures'));
    expect(await scrape()).toEqual([
      'grove_runtime_exposures_published_total 1500',
      'grove_runtime_exposures_dropped_total 0',
      'grove_runtime_exposures_deduplicated_total 7',
      'grove_runtime_exposures_buffered 12',
    ]);
    Object.assign(stats, { published: 2000, dropped: 500, buffered: 0 });
    expect(await scrape()).toEqual([
      'grove_runtime_exposures_published_total 2000',
      'grove_runtime_exposures_dropped_total 500',
      'grove_runtime_exposures_deduplicated_total 7',
      'grove_runtime_exposures_buffered 0',
    ]);
  });
});
