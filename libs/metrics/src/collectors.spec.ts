import { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { DataSource } from 'typeorm';
import { loadConfig } from '@plenum/config';
import { processFaults } from '@plenum/platform';
import { metricsPlan } from './metrics-plan';
import { Metrics } from './metrics.service';
import { QueueMetrics } from './queue-metrics';
import { ServiceMetrics } from './service-metrics';

describe('scrape-time collectors when Redis does not answer', () => {
  // A real client to a port where nothing listens, that gives up after the first attempt.
  const unreachable = new Redis('redis://127.0.0.1:1', {
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  unreachable.on('error', () => undefined);
  const config = loadConfig({ METRICS_TOKEN: 'scrape-token-0123456789' });
  // Never initialised: its pool does not exist, and the pool gauges are left out.
  const dataSource = new DataSource({ type: 'postgres', url: config.databaseUrl });
  const metrics = new Metrics(metricsPlan(config, 'api'));
  const queues = new QueueMetrics(metrics, config, unreachable);

  beforeAll(() => {
    jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    new ServiceMetrics(metrics, dataSource, unreachable).onModuleInit();
    queues.onModuleInit();
  });
  afterAll(async () => {
    await queues.onModuleDestroy();
    // It gave up connecting already; disconnect() would hold a 2 s timer of ioredis.
    if (unreachable.status !== 'end') unreachable.disconnect();
    jest.restoreAllMocks();
  });

  it('still answers the scrape, with Redis down and without the figures it could not read', async () => {
    const text = await metrics.registry.metrics();
    expect(text).toMatch(/^plenum_redis_up 0$/m);
    // prom-client writes NaN as "Nan"; Prometheus parses either.
    expect(text).toMatch(/^plenum_redis_ping_seconds nan$/im);
    expect(text).not.toMatch(/^plenum_queue_jobs\{/m);
    expect(text).not.toMatch(/^plenum_pg_pool_connections\{/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes \d+/m);
  });

  it('reports the faults the process caught instead of ending', async () => {
    processFaults.count('emit-failed');
    const text = await metrics.registry.metrics();
    const failed = processFaults.totals()['emit-failed'];
    expect(text).toMatch(
      new RegExp(`^plenum_process_faults_total\\{kind="emit-failed"\\} ${failed}$`, 'm'),
    );
    expect(text).toMatch(/^plenum_process_faults_total\{kind="unhandled-rejection"\} \d+$/m);
  });
});
