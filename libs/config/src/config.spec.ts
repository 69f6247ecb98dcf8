import { ConfigError, loadConfig, workerJobLock } from './config';

describe('loadConfig', () => {
  it('starts bare: every default points at the local services', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBe('postgres://postgres@127.0.0.1:5432/plenum');
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.usesDevelopmentSecret).toBe(true);
    expect(config.corsOrigins).toEqual(['http://localhost:3000']);
    expect(config.livekit).toBeUndefined();
    expect(config.cookieSecure).toBe(false);
  });

  it('bounds how long PostgreSQL may take, with defaults a stall is answered within', () => {
    expect(loadConfig({}).database).toEqual({
      statementTimeoutMs: 15_000,
      poolTimeoutMs: 2000,
      probeTimeoutMs: 1000,
    });
    const tuned = loadConfig({
      DATABASE_STATEMENT_TIMEOUT_MS: '0',
      DATABASE_POOL_TIMEOUT_MS: '5000',
      DATABASE_PROBE_TIMEOUT_MS: '3000',
    });
    expect(tuned.database).toEqual({
      statementTimeoutMs: 0,
      poolTimeoutMs: 5000,
      probeTimeoutMs: 3000,
    });
    expect(() => loadConfig({ DATABASE_POOL_TIMEOUT_MS: '10' })).toThrow(
      /DATABASE_POOL_TIMEOUT_MS/,
    );
  });

  it('treats empty variables as unset, as in a copied .env.example', () => {
    expect(loadConfig({ AUTH_SECRET: '', PORT: '' }).port).toBe(3000);
  });

  it('lists every bad variable at once, with the fix', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://x',
        REDIS_URL: 'nope',
        LIVEKIT_URL: 'ws://lk:7880',
      });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/^PORT: /m);
    expect(problems).toMatch(/^DATABASE_URL: /m);
    expect(problems).toMatch(/^REDIS_URL: /m);
    expect(problems).toMatch(
      /LIVEKIT_URL: Set LIVEKIT_URL, LIVEKIT_API_KEY and LIVEKIT_API_SECRET together/,
    );
    expect((error as ConfigError).message).toContain('.env.example');
  });

  it('requires a real AUTH_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(
      /AUTH_SECRET: Required in production/,
    );
    const config = loadConfig({
      NODE_ENV: 'production',
      AUTH_SECRET: 'x'.repeat(40),
      PUBLIC_URL: 'https://c.example',
    });
    expect(config.usesDevelopmentSecret).toBe(false);
    expect(config.cookieSecure).toBe(true);
  });

  it('refuses the development secret when others can reach the server', () => {
    for (const url of ['http://localhost:3000', 'http://127.0.0.1:8080', 'http://[::1]:3000']) {
      expect(loadConfig({ PUBLIC_URL: url }).usesDevelopmentSecret).toBe(true);
    }
    for (const url of ['https://kongress.example.org', 'http://192.168.1.20:3000']) {
      expect(() => loadConfig({ PUBLIC_URL: url })).toThrow(
        /AUTH_SECRET: Not set, so the published development secret would sign sign-ins/,
      );
      expect(() =>
        loadConfig({
          PUBLIC_URL: url,
          AUTH_SECRET: 'change-me-dev-default-auth-secret-not-for-production',
        }),
      ).toThrow(/AUTH_SECRET: This secret is published/);
      expect(
        loadConfig({ PUBLIC_URL: url, AUTH_SECRET: 'y'.repeat(40) }).usesDevelopmentSecret,
      ).toBe(false);
    }
  });

  it('keeps the queue dashboard read-only unless told otherwise', () => {
    expect(loadConfig({}).queueDashboardWritable).toBe(false);
    expect(loadConfig({ QUEUE_DASHBOARD_WRITABLE: 'true' }).queueDashboardWritable).toBe(true);
    expect(() => loadConfig({ QUEUE_DASHBOARD_WRITABLE: 'sure' })).toThrow(
      /QUEUE_DASHBOARD_WRITABLE/,
    );
  });

  it('adds CORS origins to the public origin', () => {
    const config = loadConfig({ CORS_ORIGINS: 'http://localhost:5173, https://stage.example' });
    expect(config.corsOrigins).toEqual([
      'http://localhost:3000',
      'http://localhost:5173',
      'https://stage.example',
    ]);
  });

  it('reaches RoomService at the browser address unless told otherwise', () => {
    const keys = { LIVEKIT_API_KEY: 'devkey', LIVEKIT_API_SECRET: 'secret' };
    expect(loadConfig({ ...keys, LIVEKIT_URL: 'wss://lk.example' }).livekit?.apiUrl).toBe(
      'https://lk.example',
    );
    expect(loadConfig({ ...keys, LIVEKIT_URL: 'ws://localhost:7880' }).livekit?.apiUrl).toBe(
      'http://localhost:7880',
    );
    const inDocker = loadConfig({
      ...keys,
      LIVEKIT_URL: 'ws://localhost:7880',
      LIVEKIT_API_URL: 'http://livekit:7880',
    });
    expect(inDocker.livekit).toEqual({
      url: 'ws://localhost:7880',
      apiUrl: 'http://livekit:7880',
      apiKey: 'devkey',
      apiSecret: 'secret',
    });
  });

  it('takes recordings to an S3 bucket only with its bucket and keys together', () => {
    expect(loadConfig({}).recordings.s3).toBeUndefined();
    let error: unknown;
    try {
      loadConfig({ RECORDINGS_S3_BUCKET: 'replays', RECORDINGS_S3_PUBLIC_URL: 'ftp://cdn' });
    } catch (err) {
      error = err;
    }
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(
      /RECORDINGS_S3_BUCKET: Set RECORDINGS_S3_BUCKET, RECORDINGS_S3_ACCESS_KEY/,
    );
    expect(problems).toMatch(/^RECORDINGS_S3_PUBLIC_URL: /m);
    const s3 = loadConfig({
      RECORDINGS_S3_BUCKET: 'replays',
      RECORDINGS_S3_ACCESS_KEY: 'key',
      RECORDINGS_S3_SECRET: 'secret',
      RECORDINGS_S3_PUBLIC_URL: 'https://cdn.example/replays/',
    }).recordings.s3;
    expect(s3).toMatchObject({
      bucket: 'replays',
      region: 'us-east-1',
      publicUrl: 'https://cdn.example/replays',
    });
  });

  it("keeps the reminder e-mail lease longer than the worker's job lock", () => {
    expect(loadConfig({}).reminderEmailLeaseMs).toBe(60_000);
    expect(workerJobLock({})).toEqual({});
    expect(workerJobLock({ WORKER_JOB_LOCK_MS: '10000' })).toEqual({
      lockDuration: 10_000,
      stalledInterval: 10_000,
    });
    expect(
      loadConfig({ WORKER_JOB_LOCK_MS: '10000', REMINDER_EMAIL_LEASE_MS: '15000' })
        .reminderEmailLeaseMs,
    ).toBe(15_000);
    for (const env of [
      { REMINDER_EMAIL_LEASE_MS: '30000' },
      { WORKER_JOB_LOCK_MS: '60000' },
      { WORKER_JOB_LOCK_MS: '10000', REMINDER_EMAIL_LEASE_MS: '5000' },
    ]) {
      expect(() => loadConfig(env)).toThrow(/REMINDER_EMAIL_LEASE_MS: Must be longer/);
    }
  });
});
