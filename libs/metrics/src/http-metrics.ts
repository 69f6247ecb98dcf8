import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import { Histogram } from 'prom-client';
import type { Registry } from 'prom-client';
import { Metrics } from './metrics.service';
import { scrape } from './scrape';

const methods = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The route label: the pattern Fastify matched (`/api/events/:slug/programme`), never the URL,
 * so the number of series is bounded by the routes the code declares. The web app's files and
 * pages (one route per file) are one label, and so is the queue dashboard.
 */
export function routeLabel(pattern: string | undefined): string {
  if (pattern === undefined) return 'unmatched';
  if (pattern === '/metrics' || pattern === '/api' || pattern.startsWith('/api/')) return pattern;
  if (pattern.startsWith('/admin/queues')) return '/admin/queues';
  return 'web';
}

type Observe = (seconds: number) => void;

/** Request count and latency by method, route pattern and status, from one onResponse hook. */
export class HttpMetrics {
  private readonly duration: Histogram<'method' | 'route' | 'status'>;
  /** Label children by raw method, pattern and status: a hit costs a string and a map lookup. */
  private readonly children = new Map<string, Observe>();

  constructor(registry: Registry) {
    this.duration = new Histogram({
      name: 'plenum_http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern and status, with their time from arrival to the last byte handed to the socket',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  }

  // A callback hook rather than an async one: no promise per request.
  readonly onResponse = (
    request: FastifyRequest,
    reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ): void => {
    this.observe(request.method, request.routeOptions.url, reply.statusCode, reply.elapsedTime);
    done();
  };

  observe(method: string, pattern: string | undefined, status: number, elapsedMs: number): void {
    const key = `${method} ${status} ${pattern}`;
    let observe = this.children.get(key);
    if (!observe) {
      const child = this.duration.labels(
        methods.has(method) ? method : 'other',
        routeLabel(pattern),
        String(status),
      );
      observe = (seconds) => child.observe(seconds);
      this.children.set(key, observe);
    }
    observe(elapsedMs / 1000);
  }
}

/**
 * Counts every HTTP request of the api (including those the programme fast path answers in its
 * onRequest hook, as onResponse hooks run for them too) and serves `/metrics` on the api's port
 * when that is where the configuration puts it. Called before the app initialises, so the hook
 * covers every route Nest and the plugins register. Does nothing with metrics off.
 */
export function serveMetrics(app: NestFastifyApplication): void {
  const metrics = app.get(Metrics);
  if (!metrics.enabled) return;
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onResponse', new HttpMetrics(metrics.registry).onResponse);
  if (!metrics.plan.onAppPort) return;
  const logger = new Logger('Metrics');
  fastify.get('/metrics', async (request, reply) => {
    try {
      const query = request.query as { gc?: unknown };
      const answer = await scrape(metrics, request.headers.authorization, query.gc === '1');
      return reply.status(answer.status).headers(answer.headers).send(answer.body);
    } catch (err) {
      logger.error({ err }, 'Metrics scrape failed');
      return reply.status(500).send({ code: 'INTERNAL', message: 'The scrape failed' });
    }
  });
}
