import { ProcessFaults } from '@plenum/platform';
import { ApiClient, startTestApp } from '../support/test-app';
import type { TestApp } from '../support/test-app';

describe('health and api shell', () => {
  let t: TestApp;
  let api: ApiClient;

  beforeAll(async () => {
    t = await startTestApp();
    api = new ApiClient(t.baseUrl);
  });
  afterAll(() => t.close());

  it('answers 200 when PostgreSQL and Redis answer', async () => {
    const res = await api.request<{
      status: string;
      down: string[];
      checks: { postgres: { ok: boolean }; redis: { ok: boolean } };
    }>('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.checks.postgres.ok).toBe(true);
    expect(res.body.checks.redis.ok).toBe(true);
    expect(res.body.down).toEqual([]);
  });

  it('reports what the process caught instead of ending, without turning unhealthy', async () => {
    const before = await api.request<{ faults: { emitFailed: number; lastAt: string | null } }>(
      'GET',
      '/api/health',
    );
    expect(before.body.faults).toMatchObject({ emitFailed: expect.any(Number) });
    t.app.get(ProcessFaults).count('emit-failed');
    const after = await api.request<{
      status: string;
      faults: { emitFailed: number; lastAt: string | null };
    }>('GET', '/api/health');
    expect(after.status).toBe(200);
    expect(after.body.status).toBe('ok');
    expect(after.body.faults.emitFailed).toBe(before.body.faults.emitFailed + 1);
    expect(after.body.faults.lastAt).not.toBeNull();
  });

  it('holds every pooled connection to a statement timeout', async () => {
    const [row] =
      await t.dataSource.query<Array<{ statement_timeout: string }>>('SHOW statement_timeout');
    expect(row?.statement_timeout).toBe('15s');
  });
});
