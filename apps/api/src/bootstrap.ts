import { NestFactory } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyCookie from '@fastify/cookie';
import { Logger } from 'nestjs-pino';
import type { PlenumConfig } from '@plenum/config';
import { jsonErrorPlace, requestId, securityHeaders } from '@plenum/platform';
import {
  IMPRESSION_MAX_BYTES,
  RECORDING_UPLOAD_MAX_BYTES,
  SLIDES_MAX_BYTES,
  WORKSHOP_MATERIAL_MAX_BYTES,
  boothDocumentContentTypes,
  impressionContentTypes,
  recordingUploadContentTypes,
  logoContentTypes,
  maxBoothDocumentBytes,
  maxLogoBytes,
  workshopMaterialContentTypes,
} from '@plenum/contracts';
import { LiveIoAdapter } from '@plenum/live';
import { serveMetrics } from '@plenum/metrics';
import { embedPlayerOrigins } from '@plenum/ondemand';
import { ProgrammeFastPath, ProgrammeService } from '@plenum/programme';
import { LIVEKIT_WEBHOOK_CONTENT_TYPE } from '@plenum/video';
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
    bodyLimit: 1_048_576,
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
    // The api speaks JSON only; its parser is registered below, with better error messages.
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
  // Logos and gallery photos arrive as raw bytes; each route checks type and size itself.
  fastify.addContentTypeParser(
    [...new Set<string>([...logoContentTypes, ...impressionContentTypes])],
    { parseAs: 'buffer', bodyLimit: Math.max(maxLogoBytes, IMPRESSION_MAX_BYTES) + 1 },
    (_req, body, done) => done(null, body),
  );
  // Documents (booth brochures, workshop materials): raw bytes up to the larger of the two
  // limits; each route checks its own types and size. One parser, as the type lists overlap.
  fastify.addContentTypeParser(
    [...new Set<string>([...boothDocumentContentTypes, ...workshopMaterialContentTypes])],
    {
      parseAs: 'buffer',
      bodyLimit: Math.max(maxBoothDocumentBytes, WORKSHOP_MATERIAL_MAX_BYTES, SLIDES_MAX_BYTES) + 1,
    },
    (_req, body, done) => done(null, body),
  );
  // Recorded films an organizer uploads: held in memory once, so the limit stays modest.
  fastify.addContentTypeParser(
    [...recordingUploadContentTypes],
    { parseAs: 'buffer', bodyLimit: RECORDING_UPLOAD_MAX_BYTES + 1 },
    (_req, body, done) => done(null, body),
  );
  // LiveKit webhooks are verified against the body exactly as sent, so they stay text here.
  // Only this content type is affected; JSON bodies of every other route parse as before.
  fastify.addContentTypeParser(
    LIVEKIT_WEBHOOK_CONTENT_TYPE,
    { parseAs: 'string', bodyLimit: 65_536 },
    (_req, body, done) => done(null, body),
  );
  // Fastify's own JSON parser (with its prototype-poisoning guard), but a malformed body is
  // answered with the line and column where it breaks: schedule files are often hand-edited.
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (req, body, done) => {
    void parseJson(req, String(body), (err, value) => {
      if (err && (err as { code?: string }).code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
        const { line, column } = jsonErrorPlace(String(body));
        const error = new Error(`The body is not valid JSON (line ${line}, column ${column})`);
        Object.assign(error, { statusCode: 400 });
        done(error, undefined);
        return;
      }
      done(err, value);
    });
  });
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
