import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCookie from '@fastify/cookie';
import { Logger } from 'nestjs-pino';
import type { PlenumConfig } from '@plenum/config';
import { JSON_BODY_LIMIT, acceptRequestBodies, requestId, securityHeaders } from '@plenum/platform';
import { LiveIoAdapter } from '@plenum/live';
import { serveMetrics } from '@plenum/metrics';
import { embedPlayerOrigins } from '@plenum/ondemand';
import { ProgrammeFastPath, ProgrammeService } from '@plenum/programme';
import { AppModule } from './app.module';
import { setupOpenApi } from './openapi';
import { mountQueueDashboard } from './queue-dashboard';
import { serveWebApp } from './web-app';

export const contentSecurityPolicy = {
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    // A session's external HLS stream is fetched by hls.js (or played natively) from its host;
    // hls.js gives each subtitle <track> an empty `data:,WEBVTT` source of its own.
    mediaSrc: ["'self'", 'blob:', 'data:', 'https:'],
    connectSrc: ["'self'", 'ws:', 'wss:', 'https:'],
    // Replays linked from YouTube or Vimeo play in their own players (libs/ondemand).
    frameSrc: ["'self'", ...embedPlayerOrigins],
    fontSrc: ["'self'"],
    objectSrc: ["'none'"],
    frameAncestors: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
  },
};

/**
 * Behind TLS, browsers upgrade stray http: requests; on plain HTTP that would break the app.
 * On plain HTTP (a local installation) the LiveKit server and an HLS stream are plain HTTP too:
 * `livekit-server --dev` answers its connection check on http://, a local packager serves http://.
 */
function cspFor(config: PlenumConfig): typeof contentSecurityPolicy {
  const tls = config.publicUrl.startsWith('https://');
  const { directives } = contentSecurityPolicy;
  return {
    directives: {
      ...directives,
      mediaSrc: tls ? directives.mediaSrc : [...directives.mediaSrc, 'http:'],
      connectSrc: tls ? directives.connectSrc : [...directives.connectSrc, 'http:'],
      upgradeInsecureRequests: tls ? [] : null,
    } as typeof contentSecurityPolicy.directives,
  };
}

/** Builds the api (not yet listening), as `main.ts` and the tests use it. */
export async function createApi(config: PlenumConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: JSON_BODY_LIMIT,
    trustProxy: config.nodeEnv === 'production' ? 1 : false,
    genReqId: requestId,
    requestIdHeader: false,
  });
  // Hooks added here run before Nest's middleware (request logging), which NestFactory.create()
  // registers next, and after the CORS hook of the adapter.
  const headers = securityHeaders({
    contentSecurityPolicy: cspFor(config),
    crossOriginEmbedderPolicy: false,
    // The OpenAPI UI at /api/docs needs inline styles and scripts; it gets its own policy below.
  });
  adapter.getInstance().addHook('onRequest', (_request, reply, done) => {
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  const programmeFastPath = new ProgrammeFastPath();
  adapter.getInstance().addHook('onRequest', programmeFastPath.onRequest);
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), adapter, {
    bufferLogs: true,
    // Request bodies are set up below (acceptRequestBodies): JSON, and what a route declares.
    bodyParser: false,
  });
  programmeFastPath.attach(app.get(ProgrammeService));
  serveMetrics(app);
  app.useLogger(app.get(Logger));
  app.useWebSocketAdapter(new LiveIoAdapter(app, config));
  app.setGlobalPrefix('api');
  app.enableCors({
    origin: config.corsOrigins,
    credentials: true,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  });

  const fastify = app.getHttpAdapter().getInstance();
  // JSON only, up to 1 MB, except where a route declares another body (@Upload, @TextBody).
  acceptRequestBodies(fastify);
  await app.register(fastifyCookie);
  fastify.addHook('onSend', async (request, reply, payload) => {
    // The id in every log line of this request, so a user's report can be matched to the logs.
    reply.header('X-Request-Id', request.id);
    if (request.url.startsWith('/api/docs')) {
      reply.header(
        'Content-Security-Policy',
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
      );
    } else if (request.url.startsWith('/admin/queues')) {
      // bull-board's UI sets inline styles; its scripts are files, so scripts stay 'self'.
      reply.header(
        'Content-Security-Policy',
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
      );
    }
    return payload;
  });
  setupOpenApi(app);
  // Before the web app: bull-board brings its own @fastify/static in its own scope.
  await mountQueueDashboard(app, config);
  await serveWebApp(app, config);
  return app;
}
