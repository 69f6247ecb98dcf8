import type { IncomingMessage } from 'node:http';
import { Logger } from '@nestjs/common';
import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import Redis from 'ioredis';
import type { Server, ServerOptions } from 'socket.io';
import type { PlenumConfig } from '@plenum/config';
import { LIVE_PATH } from '@plenum/contracts';
import {
  closeRedisClient,
  guardedPublisher,
  logOutages,
  processFaults,
  redisRetryStrategy,
  socketIoKey,
} from '@plenum/platform';

/** Largest Socket.IO packet accepted; a bigger one closes the connection. */
export const LIVE_MAX_PACKET_BYTES = 16 * 1024;

/**
 * Browsers always send `Origin` on a WebSocket upgrade and on cross-site requests, so a page on
 * another site cannot use someone's session here. The api's own pages (same host) and the
 * configured origins pass. Clients outside a browser (load tests, scripts) send no Origin and
 * are let in: they still need an access token in the handshake.
 */
export function originAllowed(req: IncomingMessage, allowlist: readonly string[]): boolean {
  const origin = req.headers.origin;
  if (origin === undefined || allowlist.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * The Socket.IO server on the api's own HTTP server, sharing rooms with the other api instances
 * (and the worker's emitter) through Redis.
 */
export class LiveIoAdapter extends IoAdapter {
  private readonly logger = new Logger('LiveIoAdapter');
  private readonly clients: Redis[] = [];

  constructor(
    app: INestApplicationContext,
    private readonly config: PlenumConfig,
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: Partial<ServerOptions>): Server {
    const pub = new Redis(this.config.redisUrl, {
      maxRetriesPerRequest: 3,
      retryStrategy: redisRetryStrategy,
    });
    const sub = pub.duplicate();
    this.clients.push(pub, sub);
    this.guard(pub, sub);
    const allowlist = this.config.corsOrigins;
    return super.createIOServer(port, {
      ...options,
      path: LIVE_PATH,
      transports: ['websocket', 'polling'],
      maxHttpBufferSize: LIVE_MAX_PACKET_BYTES,
      // Off (Engine.IO's default, said here on purpose): a broadcast is then framed once and the
      // same bytes go to every socket of the room; compression would cost a deflate per socket.
      perMessageDeflate: false,
      cors: { origin: allowlist, credentials: true },
      // Runs for the polling handshake and for every WebSocket upgrade alike.
      allowRequest: (req: IncomingMessage, callback: (err: string | null, ok: boolean) => void) => {
        const ok = originAllowed(req, allowlist);
        callback(ok ? null : 'Origin not allowed', ok);
      },
      adapter: createAdapter(pub, sub, { key: socketIoKey(this.config) }),
    }) as Server;
  }

  /**
   * The adapter drops the promise of every publish (a broadcast from this instance, a
   * `socketsJoin` on every instance): while Redis is away each would be an unhandled rejection.
   * They are caught and counted like the LiveEmitter's.
   */
  private guard(pub: Redis, sub: Redis): void {
    const original = pub.publish.bind(pub);
    // Logged once per outage; every failure is counted.
    let logged = false;
    pub.on('ready', () => (logged = false));
    const guarded = guardedPublisher({ publish: (c, m) => original(c, m) }, (err, channel) => {
      processFaults.count('emit-failed');
      if (logged) return;
      logged = true;
      this.logger.warn({ err, channel }, 'A Socket.IO adapter publish failed');
    });
    Object.assign(pub, {
      publish: (channel: string, message: string | Buffer) => guarded.publish(channel, message),
    });
    logOutages(pub, 'Socket.IO adapter publisher');
    logOutages(sub, 'Socket.IO adapter subscriber');
  }

  override async dispose(): Promise<void> {
    await super.dispose();
    await Promise.all(this.clients.map((client) => closeRedisClient(client)));
  }
}
