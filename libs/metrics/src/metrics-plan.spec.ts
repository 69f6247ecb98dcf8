import { loadConfig } from '@plenum/config';
import { metricsPlan } from './metrics-plan';

const TOKEN = 'scrape-token-0123456789';

describe('metricsPlan', () => {
  it('is off unless configured', () => {
    const config = loadConfig({});
    expect(metricsPlan(config, 'api').enabled).toBe(false);
    expect(metricsPlan(config, 'worker').enabled).toBe(false);
  });

  it('serves the api on its own port behind a token', () => {
    const plan = metricsPlan(loadConfig({ METRICS_TOKEN: TOKEN }), 'api');
    expect(plan).toMatchObject({
      enabled: true,
      onAppPort: true,
      listener: undefined,
      token: TOKEN,
    });
    // The worker has no HTTP port: a token alone does not turn its metrics on.
    expect(metricsPlan(loadConfig({ METRICS_TOKEN: TOKEN }), 'worker').enabled).toBe(false);
  });

  it('moves the api to an internal listener on 127.0.0.1 when METRICS_PORT is set', () => {
    const plan = metricsPlan(loadConfig({ METRICS_PORT: '9464', METRICS_TOKEN: TOKEN }), 'api');
    expect(plan).toMatchObject({
      enabled: true,
      onAppPort: false,
      listener: { port: 9464, host: '127.0.0.1' },
      token: TOKEN,
    });
  });

  it('gives the worker its own port', () => {
    const config = loadConfig({ WORKER_METRICS_PORT: '9465', METRICS_HOST: '0.0.0.0' });
    expect(metricsPlan(config, 'worker')).toMatchObject({
      enabled: true,
      listener: { port: 9465, host: '0.0.0.0' },
      token: undefined,
    });
    expect(metricsPlan(config, 'api').enabled).toBe(false);
  });

  it('refuses short tokens and ports that collide', () => {
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: At least 16/);
    expect(() => loadConfig({ METRICS_PORT: '3000' })).toThrow(/METRICS_PORT: Must differ/);
    expect(() => loadConfig({ METRICS_PORT: '9464', WORKER_METRICS_PORT: '9464' })).toThrow(
      /WORKER_METRICS_PORT: Must differ/,
    );
  });
});
