import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { PlenumConfig } from '@plenum/config';

/** Where the built web app is: WEB_DIST, or dist/web next to the built api. */
export function webDistPath(config: PlenumConfig): string {
  if (config.webDist) return resolve(config.webDist);
  const candidates = [
    resolve(process.cwd(), 'dist/web'),
    resolve(__dirname, '../../web'),
    resolve(__dirname, '../../../web'),
  ];
  return candidates.find((p) => existsSync(join(p, 'index.html'))) ?? candidates[0]!;
}

/**
 * Serves the single-page app at `/`: files as they are, hashed assets cached for a year, and
 * index.html for any other path outside /api so client-side routes survive a reload.
 */
export async function serveWebApp(
  app: NestFastifyApplication,
  config: PlenumConfig,
): Promise<boolean> {
  const root = webDistPath(config);
  if (!existsSync(join(root, 'index.html'))) return false;
  const fastify = app.getHttpAdapter().getInstance();
  await fastify.register(fastifyStatic, {
    root,
    prefix: '/',
    wildcard: false,
    index: ['index.html'],
    setHeaders: (reply, path) => {
      void reply.header(
        'Cache-Control',
        path.includes(`${join(root, 'assets')}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache',
      );
    },
  });
  // Nest owns the not-found handler, so client-side routes get a catch-all GET route instead.
  fastify.get('/*', (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // A scraper pointed at an api without metrics gets a 404 rather than the app's HTML.
    if (path.startsWith('/api/') || path.startsWith('/socket.io/') || path === '/metrics') {
      return reply.status(404).send({ code: 'NOT_FOUND', message: 'Not found' });
    }
    return reply.header('Cache-Control', 'no-cache').type('text/html').sendFile('index.html');
  });
  return true;
}
