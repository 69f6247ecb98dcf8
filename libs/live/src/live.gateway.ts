import { Logger } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { OnGatewayConnection, OnGatewayInit } from '@nestjs/websockets';
import type { Namespace } from 'socket.io';
import { ZodError } from 'zod';
import { LIVE_NAMESPACE, rooms } from '@plenum/contracts';
import type { Ack, ClientToServerEvents, LiveError, ServerToClientEvents } from '@plenum/contracts';
import type { AccessChange } from '@plenum/identity';
import { PlenumError, databaseTrouble, zodFieldErrors } from '@plenum/platform';
import { ChatResync } from './chat-resync.service';
import { LiveAuth } from './live-auth';
import type { LiveUser } from './live-auth';
import { LiveConnection } from './live-connection';
import type { LiveSocket } from './live-connection';
import { LiveHandlers } from './live-handlers';
import { LiveMetrics } from './live-metrics.service';

type LiveNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  LiveUser
>;

/** Auth sessions get a private room so that a revocation reaches exactly their sockets. */
const authRoom = (sessionId: string) => `auth:${sessionId}`;

/**
 * Thin, and knows no domain: authenticates the handshake, hands every event to the handler map
 * (`LiveHandlers`: parse, rate limit, access rule, handler) and answers with an acknowledgement.
 * It never throws at a client. When a person's rights change (any api instance publishes it),
 * it has the registry look again at that person's sockets on this instance.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(LiveGateway.name);
  /** This instance's sockets by person, for re-evaluating their rights. */
  private readonly connections = new Map<string, Set<LiveConnection>>();

  @WebSocketServer()
  private readonly server!: LiveNamespace;

  constructor(
    private readonly auth: LiveAuth,
    private readonly handlers: LiveHandlers,
    private readonly metrics: LiveMetrics,
    private readonly resync: ChatResync,
  ) {}

  afterInit(nsp: LiveNamespace): void {
    this.metrics.watch(nsp);
    this.resync.watch(nsp);
    nsp.use((socket, next) => {
      this.auth.authenticate(socket.handshake.auth).then(
        (user) => {
          socket.data = user;
          next();
        },
        (err: unknown) => {
          const error = toLiveError(err);
          next(Object.assign(new Error(error.message), { data: { code: error.code } }));
        },
      );
    });
    this.auth.onRevoked((sessionIds) => {
      // Every instance hears the revocation and closes its own sockets.
      for (const id of sessionIds) nsp.local.in(authRoom(id)).disconnectSockets(true);
    });
    this.auth.onAccessChanged((change) => this.reevaluate(change));
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    const { userId, sessionId } = socket.data;
    const connection = new LiveConnection(socket, (room) =>
      this.server.in(rooms.user(userId)).socketsJoin(room),
    );
    const mine = this.connections.get(userId) ?? new Set<LiveConnection>();
    this.connections.set(userId, mine.add(connection));
    socket.onAny((event: string, ...args: unknown[]) => {
      void this.dispatch(connection, event, args);
    });
    socket.on('disconnecting', () => {
      mine.delete(connection);
      if (mine.size === 0 && this.connections.get(userId) === mine) this.connections.delete(userId);
      this.handlers
        .leaveAll(connection)
        .catch((err: unknown) => this.logger.warn({ err, userId }, 'Leaving rooms failed'));
    });
    await socket.join([rooms.user(userId), authRoom(sessionId)]);
  }

  private async dispatch(
    connection: LiveConnection,
    event: string,
    args: unknown[],
  ): Promise<void> {
    const started = performance.now();
    const { socket } = connection;
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (answer: Ack<unknown>) => void) : undefined;
    const payloads = ack ? args.slice(0, -1) : args;
    let answer: Ack<unknown>;
    try {
      if (payloads.length > 1) {
        throw new PlenumError('BAD_REQUEST', 'Send one payload object per event', 400);
      }
      answer = { ok: true, data: await this.handlers.run(connection, event, payloads[0]) };
    } catch (err) {
      answer = { ok: false, error: toLiveError(err, this.logger, socket.data.userId) };
    }
    // Every answer passes here, once.
    this.metrics.answered(event, answer, started);
    if (ack) {
      ack(answer);
    } else if (!answer.ok) {
      // No callback to answer: say so on the socket rather than dropping it silently.
      socket.emit('live:error', { event: event.slice(0, 60), error: answer.error });
    }
  }

  /** The person's rights in an event changed: their sockets here look again at their rooms. */
  private reevaluate(change: AccessChange): void {
    for (const connection of this.connections.get(change.userId) ?? []) {
      this.handlers
        .reevaluate(connection, change.eventId, change.reason)
        .catch((err: unknown) =>
          this.logger.warn({ err, ...change }, 'Re-evaluating the rooms of a user failed'),
        );
    }
  }
}

/** Every failure as the protocol's error object; only unexpected ones are logged. */
function toLiveError(thrown: unknown, logger?: Logger, userId?: string): LiveError {
  // A saturated or unreachable database is answered BUSY or SERVICE_UNAVAILABLE with a retry
  // hint, as over HTTP, and logged as a warning, not a bug.
  const trouble = databaseTrouble(thrown);
  if (trouble) {
    logger?.warn(
      { cause: thrown instanceof Error ? thrown.message : String(thrown), userId },
      `Live event met the database ${trouble.code === 'BUSY' ? 'busy' : 'unavailable'}`,
    );
  }
  const err = trouble ?? thrown;
  if (err instanceof PlenumError) {
    const error: LiveError = { code: err.code, message: err.message };
    if (err.extra.retryAfterMs !== undefined)
      error.retryAfterMs = Math.ceil(err.extra.retryAfterMs);
    if (err.extra.fields) error.fields = err.extra.fields;
    return error;
  }
  if (err instanceof ZodError) {
    return {
      code: 'VALIDATION_FAILED',
      message: 'The payload is not valid',
      fields: zodFieldErrors(err),
    };
  }
  logger?.error({ err, userId }, 'Live event failed');
  return { code: 'INTERNAL', message: 'Something went wrong on our side' };
}
