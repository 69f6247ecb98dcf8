import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { IntervalHistogram } from 'node:perf_hooks';
import { Controller, Get, Query } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import { Public } from '@plenum/identity';

/**
 * Process figures for the benchmarks in bench/: event-loop delay and heap, read from outside so
 * the load generator does not share the process it measures. Mounted only with
 * PLENUM_BENCH_METRICS=1.
 */
@Controller('bench')
export class BenchMetricsController implements OnModuleDestroy {
  private readonly loop: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  constructor() {
    this.loop.enable();
  }

  onModuleDestroy(): void {
    this.loop.disable();
  }

  /** `?reset=1` starts a new event-loop window; `?gc=1` collects first (node --expose-gc). */
  @Public()
  @Get('metrics')
  metrics(@Query('reset') reset?: string, @Query('gc') gc?: string): Record<string, number> {
    const collect = (globalThis as { gc?: () => void }).gc;
    if (gc === '1' && collect) {
      collect();
      collect();
    }
    const memory = process.memoryUsage();
    const figures = {
      loop_p50_ms: this.loop.percentile(50) / 1e6,
      loop_p99_ms: this.loop.percentile(99) / 1e6,
      loop_max_ms: this.loop.max / 1e6,
      heap_used_mb: memory.heapUsed / 2 ** 20,
      rss_mb: memory.rss / 2 ** 20,
      gc_available: collect ? 1 : 0,
    };
    if (reset === '1') this.loop.reset();
    return figures;
  }
}
