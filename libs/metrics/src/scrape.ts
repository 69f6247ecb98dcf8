import { createHash, timingSafeEqual } from 'node:crypto';
import type { Metrics } from './metrics.service';

export interface ScrapeAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares digests, so neither the length nor the content leaks through timing. */
export function bearerMatches(token: string, authorization: string | undefined): boolean {
  const given = /^Bearer\s+(\S+)$/i.exec(authorization ?? '')?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(token));
}

/**
 * One scrape, the same on the api's port and on an internal listener. `collectGarbage` is for
 * the benchmarks (bench/): it runs a full GC first when the process was started with
 * `--expose-gc`, which nobody does in production, and says so in `X-Plenum-Gc`.
 */
export async function scrape(
  metrics: Metrics,
  authorization: string | undefined,
  collectGarbage: boolean,
): Promise<ScrapeAnswer> {
  const { token } = metrics.plan;
  if (token !== undefined && !bearerMatches(token, authorization)) {
    return {
      status: 401,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'cache-control': 'no-store',
        'www-authenticate': 'Bearer realm="metrics"',
      },
      body: JSON.stringify({
        code: 'UNAUTHENTICATED',
        message: 'Send the metrics token: Authorization: Bearer <METRICS_TOKEN>',
      }),
    };
  }
  const headers: Record<string, string> = {
    'content-type': metrics.registry.contentType,
    'cache-control': 'no-store',
  };
  const gc = (globalThis as { gc?: () => void }).gc;
  if (collectGarbage && gc) {
    gc();
    gc();
    headers['x-plenum-gc'] = 'done';
  }
  return { status: 200, headers, body: await metrics.registry.metrics() };
}
