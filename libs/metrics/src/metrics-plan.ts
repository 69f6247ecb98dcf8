import type { PlenumConfig } from '@plenum/config';

export type MetricsProcess = 'api' | 'worker';

/** Where a process serves its metrics, worked out once from the configuration. */
export interface MetricsPlan {
  process: MetricsProcess;
  enabled: boolean;
  /** An internal listener of its own (the api's METRICS_PORT, the worker's WORKER_METRICS_PORT). */
  listener: { port: number; host: string } | undefined;
  /** `/metrics` on the api's own port, next to the app (only with a token). */
  onAppPort: boolean;
  /** The bearer token a scrape must bring, wherever the metrics are served. */
  token: string | undefined;
}

export function metricsPlan(config: PlenumConfig, process: MetricsProcess): MetricsPlan {
  const { token, port, workerPort, host } = config.metrics;
  const listenPort = process === 'api' ? port : workerPort;
  const listener = listenPort === undefined ? undefined : { port: listenPort, host };
  // The worker has no port of its own; the api serves on its port only when no listener is set,
  // so the metrics are in exactly one place.
  const onAppPort = process === 'api' && !listener && token !== undefined;
  return { process, enabled: Boolean(listener) || onAppPort, listener, onAppPort, token };
}
