import type { FastifyReply, FastifyRequest, HookHandlerDoneFunction } from 'fastify';
import type { CachedBody } from './programme-cache.service';
import type { ProgrammeService } from './programme.service';

/** The public programme route as Fastify knows it (the global prefix included). */
export const PROGRAMME_ROUTE = '/api/events/:slug/programme';

/**
 * Answers with a cached programme: ETag, 304 for a client that has it, gzip when the client
 * takes it. One function for the controller and the fast path, so the two cannot drift apart.
 */
export function sendProgramme(
  reply: FastifyReply,
  body: CachedBody,
  ifNoneMatch: string | undefined,
  acceptEncoding: string | undefined,
): FastifyReply {
  void reply
    .header('ETag', body.etag)
    .header('Cache-Control', 'public, no-cache')
    .header('Vary', 'Accept-Encoding');
  if (ifNoneMatch && ifNoneMatch.split(',').some((tag) => tag.trim() === body.etag)) {
    return reply.status(304).send();
  }
  void reply.header('Content-Type', 'application/json; charset=utf-8');
  if (acceptEncoding && /\bgzip\b/.test(acceptEncoding)) {
    return reply.header('Content-Encoding', 'gzip').send(body.gzip);
  }
  return reply.send(body.json);
}

/**
 * The busiest public route, answered from a Fastify request hook when the programme is already
 * cached. The hook runs before Nest's middleware (per-request logging) and router (guard,
 * pipes, interceptors), which together cost several times what sending the cached bytes costs
 * (docs/performance.md). Everything else falls through to ProgrammeController unchanged: a
 * cache miss is rendered there, bad input gets its error there, and a request that carries a
 * token goes through the auth guard, which refuses an invalid one even on a public route.
 * Cache hits are not logged one by one.
 */
export class ProgrammeFastPath {
  private programme: ProgrammeService | undefined;

  /** The hook is added before Nest builds its modules; the service is handed over after. */
  attach(programme: ProgrammeService): void {
    this.programme = programme;
  }

  readonly onRequest = (
    request: FastifyRequest,
    reply: FastifyReply,
    done: HookHandlerDoneFunction,
  ): void => {
    const body = this.hit(request);
    if (!body) {
      done();
      return;
    }
    // Replying from an onRequest hook skips the rest of the chain; onSend hooks still run.
    void sendProgramme(
      reply,
      body,
      request.headers['if-none-match'],
      request.headers['accept-encoding'],
    );
  };

  private hit(request: FastifyRequest): CachedBody | undefined {
    if (
      !this.programme ||
      request.method !== 'GET' ||
      request.headers.authorization !== undefined ||
      request.routeOptions.url !== PROGRAMME_ROUTE
    ) {
      return undefined;
    }
    const { slug } = request.params as { slug?: unknown };
    const { timeZone } = request.query as { timeZone?: unknown };
    if (typeof slug !== 'string') return undefined;
    if (timeZone !== undefined && typeof timeZone !== 'string') return undefined;
    return this.programme.cachedProgrammeIfFresh(slug, timeZone || undefined);
  }
}
