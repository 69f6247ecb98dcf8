import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const docker = join(__dirname, '../../../docker');

interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { x: number; y: number; w: number; h: number };
  datasource?: { uid: string };
  targets?: Array<{ expr: string; refId: string }>;
}

/** Every family the api and the worker export that an operator watches (docs/operations.md). */
const families = [
  'plenum_http_request_duration_seconds',
  'plenum_live_sockets',
  'plenum_live_rooms',
  'plenum_live_room_sockets',
  'plenum_live_messages_total',
  'plenum_live_message_duration_seconds',
  'plenum_live_connections_total',
  'plenum_live_disconnections_total',
  'plenum_queue_jobs',
  'plenum_job_duration_seconds',
  'plenum_pg_pool_connections',
  'plenum_pg_pool_max_connections',
  'plenum_pg_pool_waiting',
  'plenum_redis_ping_seconds',
  'plenum_redis_up',
  'nodejs_eventloop_lag_p99_seconds',
  'nodejs_heap_size_used_bytes',
  'process_resident_memory_bytes',
  'process_cpu_seconds_total',
];

describe('docker/grafana/plenum-dashboard.json', () => {
  const dashboard = JSON.parse(
    readFileSync(join(docker, 'grafana/plenum-dashboard.json'), 'utf8'),
  ) as { uid: string; panels: Panel[]; templating: { list: Array<{ name: string }> } };
  const graphs = dashboard.panels.filter((p) => p.type !== 'row');
  const exprs = graphs.flatMap((p) => p.targets?.map((t) => t.expr) ?? []);

  it('is a dashboard with unique panel ids inside the 24-column grid', () => {
    expect(dashboard.uid).toBe('plenum-overview');
    const ids = dashboard.panels.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of dashboard.panels) {
      expect(panel.gridPos.x + panel.gridPos.w).toBeLessThanOrEqual(24);
    }
    expect(dashboard.templating.list.map((v) => v.name)).toEqual(['datasource', 'job']);
  });

  it('queries the chosen data source in every panel', () => {
    for (const panel of graphs) {
      expect(panel.datasource?.uid).toBe('${datasource}');
      expect(panel.targets?.length).toBeGreaterThan(0);
    }
  });

  it('has a panel for every metric family, and names no other', () => {
    for (const family of families) {
      expect(exprs.some((e) => e.includes(family))).toBe(true);
    }
    const named = exprs.flatMap((e) => e.match(/\b(?:plenum|nodejs|process)_[a-z0-9_]+/g) ?? []);
    const known = (name: string) =>
      families.some((f) => name === f || name.replace(/_(bucket|count|sum)$/, '') === f);
    expect(named.filter((name) => !known(name))).toEqual([]);
  });
});

describe('docker/prometheus/prometheus.yml and compose.metrics.yaml', () => {
  it('scrape the ports the compose overlay opens', () => {
    const prometheus = readFileSync(join(docker, 'prometheus/prometheus.yml'), 'utf8');
    const compose = readFileSync(join(docker, 'compose.metrics.yaml'), 'utf8');
    expect(prometheus).toContain("targets: ['api:9464']");
    expect(prometheus).toContain("targets: ['worker:9465']");
    expect(compose).toContain("METRICS_PORT: '9464'");
    expect(compose).toContain("WORKER_METRICS_PORT: '9465'");
  });
});
