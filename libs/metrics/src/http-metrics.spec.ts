import { Registry } from 'prom-client';
import { HttpMetrics, routeLabel } from './http-metrics';

describe('routeLabel', () => {
  it('keeps API route patterns and folds everything else into a few labels', () => {
    expect(routeLabel('/api/events/:slug/programme')).toBe('/api/events/:slug/programme');
    expect(routeLabel('/metrics')).toBe('/metrics');
    expect(routeLabel('/admin/queues/api/queues')).toBe('/admin/queues');
    expect(routeLabel('/assets/index-4f1d2c.js')).toBe('web');
    expect(routeLabel('/*')).toBe('web');
    expect(routeLabel(undefined)).toBe('unmatched');
  });
});

describe('HttpMetrics', () => {
  it('observes by method, route pattern and status', async () => {
    const registry = new Registry();
    const http = new HttpMetrics(registry);
    http.observe('GET', '/api/events/:slug', 200, 4);
    http.observe('GET', '/api/events/:slug', 200, 40);
    http.observe('PROPFIND', undefined, 404, 1);
    const text = await registry.metrics();
    expect(text).toContain(
      'plenum_http_request_duration_seconds_count{method="GET",route="/api/events/:slug",status="200"} 2',
    );
    expect(text).toContain(
      'plenum_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/events/:slug",status="200"} 1',
    );
    expect(text).toContain(
      'plenum_http_request_duration_seconds_count{method="other",route="unmatched",status="404"} 1',
    );
  });
});
