import { existsSync } from 'node:fs';
import { builtWorker, randomPort, runNode, waitFor } from '../support/processes';
import type { RunningProcess } from '../support/processes';
import { scrape, series, total } from '../support/prometheus';
import { ApiClient, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

const built = existsSync(builtWorker) ? describe : describe.skip;
const TOKEN = 'worker-metrics-token-7c2e9b1f';

built('worker metrics: job durations and the process, on an internal port', () => {
  let t: TestApp;
  let worker: RunningProcess | undefined;

  beforeAll(async () => {
    t = await startTestApp({ seedDemo: true });
  });
  afterAll(async () => {
    worker?.child.kill('SIGKILL');
    await t.close();
  });

  it('times the jobs it runs by queue, job and outcome, and stops cleanly', async () => {
    const port = randomPort();
    const url = `http://127.0.0.1:${port}/metrics`;
    worker = runNode(builtWorker, {
      DATABASE_URL: t.config.databaseUrl,
      REDIS_URL: t.config.redisUrl,
      REDIS_PREFIX: t.config.redisPrefix,
      WORKER_METRICS_PORT: port,
      METRICS_TOKEN: TOKEN,
      LOG_LEVEL: 'info',
    });
    expect(await waitFor(() => worker!.output().includes('Metrics at http://127.0.0.1:'))).toBe(
      true,
    );
    expect((await scrape(url)).status).toBe(401);

    // Without SMTP_URL the mail processor writes the invitation to its log: a completed job.
    const organizer = new ApiClient(t.baseUrl);
    await organizer.login('organizer@plenum.test');
    const invite = await organizer.request('POST', '/api/events/digitale-staedte/invitations', {
      email: 'worker-metrics@example.org',
      displayName: 'Herr Metrik',
      role: 'speaker',
    });
    expect(invite.status).toBe(201);

    const job = { queue: 'mail', job: 'invitation', outcome: 'completed' };
    let samples: Awaited<ReturnType<typeof scrape>>['samples'] = [];
    expect(
      await waitFor(async () => {
        samples = (await scrape(url, TOKEN)).samples;
        return total(samples, 'plenum_job_duration_seconds_count', job) === 1;
      }, 20_000),
    ).toBe(true);
    expect(total(samples, 'plenum_job_duration_seconds_bucket', { ...job, le: '+Inf' })).toBe(1);
    expect(total(samples, 'plenum_job_duration_seconds_sum', job)).toBeGreaterThanOrEqual(0);
    expect(total(samples, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
    expect(total(samples, 'nodejs_heap_size_used_bytes')).toBeGreaterThan(1e6);
    expect(total(samples, 'plenum_pg_pool_max_connections')).toBe(20);
    expect(total(samples, 'plenum_redis_up')).toBe(1);
    // Queue depths are the api's to report, and the worker has no HTTP routes.
    expect(series(samples, 'plenum_queue_jobs')).toEqual([]);
    expect(series(samples, 'plenum_http_request_duration_seconds_count')).toEqual([]);

    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    await expect(fetch(url)).rejects.toThrow();
  });
});
