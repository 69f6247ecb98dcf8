import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Injectable, Logger } from '@nestjs/common';
import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { Metrics } from './metrics.service';
import { scrape } from './scrape';

/**
 * `/metrics` on an internal port of its own (METRICS_PORT for the api, WORKER_METRICS_PORT for
 * the worker), bound to METRICS_HOST (127.0.0.1 unless changed). A bare Node.js server: it
 * answers one path, and the app's middleware, logging and public surface stay out of it.
 */
@Injectable()
export class MetricsListener implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Metrics');
  private server: Server | undefined;

  constructor(private readonly metrics: Metrics) {}

  async onApplicationBootstrap(): Promise<void> {
    const where = this.metrics.plan.listener;
    if (!where) return;
    const server = createServer((req, res) => void this.answer(req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(where.port, where.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.logger.log(`Metrics at http://${where.host}:${where.port}/metrics`);
  }

  async onModuleDestroy(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    try {
      const url = new URL(req.url ?? '/', 'http://metrics.invalid');
      if (url.pathname !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(404, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ code: 'NOT_FOUND', message: 'Only GET /metrics is here' }));
        return;
      }
      const answer = await scrape(
        this.metrics,
        req.headers.authorization,
        url.searchParams.get('gc') === '1',
      );
      res.writeHead(answer.status, answer.headers);
      res.end(req.method === 'HEAD' ? undefined : answer.body);
    } catch (err) {
      this.logger.error({ err }, 'Metrics scrape failed');
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ code: 'INTERNAL', message: 'The scrape failed' }));
    }
  }
}
