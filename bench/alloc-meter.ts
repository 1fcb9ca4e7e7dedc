import { GCProfiler, getHeapStatistics } from 'node:v8';

/**
 * Bytes a bench server process allocates on the JS heap between `start` and `stop`, asked for over IPC by the
 * runner: heap growth plus what every GC in between freed (V8's GCProfiler reports the heap before and after each).
 */
export function serveAllocationMeter(): void {
  let profiler: GCProfiler | undefined;
  let usedAtStart = 0;
  process.on('message', (message: unknown) => {
    if (message === 'alloc-start') {
      profiler = new GCProfiler();
      usedAtStart = getHeapStatistics().used_heap_size;
      profiler.start();
      process.send?.({ alloc: 'started' });
    } else if (message === 'alloc-stop' && profiler) {
      const result = profiler.stop();
      profiler = undefined;
      const freed = (result?.statistics ?? []).reduce(
        (sum, gc) => sum + gc.beforeGC.heapStatistics.usedHeapSize - gc.afterGC.heapStatistics.usedHeapSize,
        0,
      );
      process.send?.({ alloc: 'stopped', bytes: getHeapStatistics().used_heap_size - usedAtStart + freed });
    }
  });
}
