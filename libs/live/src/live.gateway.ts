import { Logger } from '@nestjs/common';
import { WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { OnGatewayConnection, OnGatewayInit } from '@nestjs/websockets';
import type { Namespace, Socket } from 'socket.io';
import { ZodError } from 'zod';
import type { z } from 'zod';
import { LIVE_NAMESPACE, clientEventSchemas, rooms } from '@plenum/contracts';
import type {
  Ack,
  ClientEventName,
  ClientToServerEvents,
  LiveError,
  ServerToClientEvents,
} from '@plenum/contracts';
import { PlenumError, zodFieldErrors } from '@plenum/platform';
import { BackstageService, PollsService, QaService, qaRooms } from '@plenum/qa';
import type { QaPlace } from '@plenum/qa';
import { ChatService } from './chat.service';
import { LiveAuth } from './live-auth';
import type { LiveUser } from './live-auth';
import { LiveMetrics } from './live-metrics.service';
import { ModerationService } from './moderation.service';
import { PresenceService } from './presence.service';
import { RateLimitService } from './rate-limit.service';
import type { LiveRateKind } from './rate-limit.service';
import { ReactionsService } from './reactions.service';
import { RoomAccessService } from './room-access.service';
import type { RoomAccess } from './room-access.service';

interface LiveSocketData extends LiveUser {
  /** Rooms this socket joined, with what the person may do there. */
  joined: Map<string, RoomAccess>;
}

type LiveSocket = Socket<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  LiveSocketData
>;
type LiveNamespace = Namespace<
  ClientToServerEvents,
  ServerToClientEvents,
  Record<string, never>,
  LiveSocketData
>;

const rateKinds: Record<ClientEventName, LiveRateKind | null> = {
  'room:join': 'join',
  'room:leave': null,
  'chat:send': 'chat',
  'chat:history': 'history',
  'chat:delete': 'moderation',
  'chat:mute': 'moderation',
  'chat:unmute': 'moderation',
  'chat:slow-mode': 'moderation',
  'reaction:send': 'reaction',
  'qa:state': 'history',
  'qa:ask': 'question',
  'qa:edit': 'question',
  'qa:withdraw': 'question',
  'qa:vote': 'vote',
  'qa:approve': 'moderation',
  'qa:dismiss': 'moderation',
  'qa:answer': 'moderation',
  'qa:screen': 'moderation',
  'qa:open': 'moderation',
  'poll:list': 'history',
  'poll:create': 'moderation',
  'poll:open': 'moderation',
  'poll:close': 'moderation',
  'poll:vote': 'vote',
  'backstage:join': 'join',
  'backstage:message': 'chat',
};

/** Auth sessions get a private room so that a revocation reaches exactly their sockets. */
const authRoom = (sessionId: string) => `auth:${sessionId}`;

function isClientEvent(event: string): event is ClientEventName {
  return Object.hasOwn(clientEventSchemas, event);
}

/**
 * Thin: authenticates the handshake, parses every payload with its contract schema, checks the
 * rate limit, calls a service and answers with an acknowledgement. It never throws at a client.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway implements OnGatewayInit, OnGatewayConnection {
  private readonly logger = new Logger(LiveGateway.name);

  @WebSocketServer()
  private readonly server!: LiveNamespace;

  constructor(
    private readonly auth: LiveAuth,
    private readonly access: RoomAccessService,
    private readonly chat: ChatService,
    private readonly moderation: ModerationService,
    private readonly presence: PresenceService,
    private readonly reactions: ReactionsService,
    private readonly rateLimits: RateLimitService,
    private readonly qa: QaService,
    private readonly polls: PollsService,
    private readonly backstage: BackstageService,
    private readonly metrics: LiveMetrics,
  ) {}

  afterInit(nsp: LiveNamespace): void {
    this.metrics.watch(nsp);
    nsp.use((socket, next) => {
      this.auth.authenticate(socket.handshake.auth).then(
        (user) => {
          socket.data = { ...user, joined: new Map() };
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
  }

  async handleConnection(socket: LiveSocket): Promise<void> {
    const { userId, sessionId } = socket.data;
    socket.onAny((event: string, ...args: unknown[]) => {
      void this.dispatch(socket, event, args);
    });
    socket.on('disconnecting', () => {
      for (const access of socket.data.joined.values()) void this.leavePresence(access, userId);
    });
    await socket.join([rooms.user(userId), authRoom(sessionId)]);
  }

  private async dispatch(socket: LiveSocket, event: string, args: unknown[]): Promise<void> {
    const started = performance.now();
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (answer: Ack<unknown>) => void) : undefined;
    const payloads = ack ? args.slice(0, -1) : args;
    let answer: Ack<unknown>;
    try {
      if (!isClientEvent(event)) {
        throw new PlenumError('UNKNOWN_EVENT', `There is no event "${event.slice(0, 60)}"`, 400);
      }
      if (payloads.length > 1) {
        throw new PlenumError('BAD_REQUEST', 'Send one payload object per event', 400);
      }
      answer = { ok: true, data: await this.handle(socket, event, payloads[0]) };
    } catch (err) {
      answer = { ok: false, error: toLiveError(err, this.logger, socket.data.userId) };
    }
    this.metrics.answered(event, answer, started);
    if (ack) {
      ack(answer);
    } else if (!answer.ok) {
      // No callback to answer: say so on the socket rather than dropping it silently.
      socket.emit('live:error', { event: event.slice(0, 60), error: answer.error });
    }
  }

  private async handle(socket: LiveSocket, event: ClientEventName, raw: unknown): Promise<unknown> {
    const user = socket.data;
    switch (event) {
      case 'room:join': {
        const input = await this.accept(event, raw, user.userId);
        const access = await this.access.resolve(user.userId, input.room);
        // Join before reading the history, so nothing falls between the two; the client drops
        // what it receives twice by sequence number.
        await socket.join(access.room);
        const first = !socket.data.joined.has(access.room);
        socket.data.joined.set(access.room, access);
        // Moderators of a stage session also hear its Q&A queue and poll drafts.
        if (access.kind === 'session' && access.canModerate && access.target.sessionId) {
          await socket.join(qaRooms.moderators(access.target.sessionId));
        }
        if (first) {
          await this.presence.enter(access.room, user.userId, 'viewers', access.eventId);
          if (access.isBoothStaff) await this.presence.enter(access.room, user.userId, 'staff');
        }
        const page =
          input.afterSeq === undefined
            ? await this.chat.before(access.room)
            : await this.chat.after(access.room, input.afterSeq);
        const [lastSeq, viewers, slowModeSeconds, mute] = await Promise.all([
          this.chat.lastSeq(access.room),
          this.presence.count(access.room),
          this.moderation.slowModeSeconds(access.room),
          this.moderation.activeMute(access.eventId, user.userId, access.room),
        ]);
        return {
          room: access.room,
          messages: page.messages,
          hasMore: page.hasMore,
          lastSeq,
          viewers,
          slowModeSeconds,
          canModerate: access.canModerate,
          canReact: access.canReact,
          mute,
        };
      }
      case 'room:leave': {
        const input = await this.accept(event, raw, user.userId);
        const access = socket.data.joined.get(input.room);
        if (access && socket.data.joined.delete(input.room)) {
          await socket.leave(input.room);
          if (access.kind === 'session' && access.target.sessionId) {
            await socket.leave(qaRooms.moderators(access.target.sessionId));
          }
          await this.leavePresence(access, user.userId);
        }
        return { room: input.room };
      }
      case 'chat:send': {
        const input = await this.accept(event, raw, user.userId);
        const message = await this.chat.send(this.joined(socket, input.room), user, input.body);
        return { message };
      }
      case 'chat:history': {
        const input = await this.accept(event, raw, user.userId);
        const access = this.joined(socket, input.room);
        return input.afterSeq === undefined
          ? this.chat.before(access.room, input.beforeSeq, input.limit)
          : this.chat.after(access.room, input.afterSeq, input.limit);
      }
      case 'chat:delete': {
        const input = await this.accept(event, raw, user.userId);
        const access = this.joined(socket, input.room);
        return this.moderation.deleteMessage(user.userId, access, input.messageId, input.reason);
      }
      case 'chat:mute': {
        const input = await this.accept(event, raw, user.userId);
        return this.moderation.mute(user.userId, this.joined(socket, input.room), input);
      }
      case 'chat:unmute': {
        const input = await this.accept(event, raw, user.userId);
        return this.moderation.unmute(user.userId, this.joined(socket, input.room), input.userId);
      }
      case 'chat:slow-mode': {
        const input = await this.accept(event, raw, user.userId);
        const access = this.joined(socket, input.room);
        return this.moderation.setSlowMode(user.userId, access, input.seconds);
      }
      case 'reaction:send': {
        const input = await this.accept(event, raw, user.userId);
        await this.reactions.react(this.joined(socket, input.room), input.kind);
        return { room: input.room };
      }
      case 'qa:state': {
        const input = await this.accept(event, raw, user.userId);
        return this.qa.snapshot(this.qaPlace(socket, input.sessionId), user.userId);
      }
      case 'qa:ask': {
        const input = await this.accept(event, raw, user.userId);
        const place = this.qaPlace(socket, input.sessionId);
        return { question: await this.qa.ask(place, user, input.body, input.anonymous) };
      }
      case 'qa:edit': {
        const input = await this.accept(event, raw, user.userId);
        const place = this.qaPlace(socket, input.sessionId);
        return { question: await this.qa.edit(place, user.userId, input.questionId, input.body) };
      }
      case 'qa:withdraw': {
        const input = await this.accept(event, raw, user.userId);
        const place = this.qaPlace(socket, input.sessionId);
        return this.qa.withdraw(place, user.userId, input.questionId);
      }
      case 'qa:vote': {
        const input = await this.accept(event, raw, user.userId);
        const place = this.qaPlace(socket, input.sessionId);
        return this.qa.vote(place, user.userId, input.questionId, input.voted);
      }
      case 'qa:approve': {
        const input = await this.accept(event, raw, user.userId);
        const place = this.qaPlace(socket, input.sessionId);
        return { question: await this.qa.approve(place, user.userId, input.questionId) };
      }
      case 'qa:dismiss': {
        const input = await this.accept(event, raw, user.userId);
        const place = this.qaPlace(socket, input.sessionId);
        return {
          question: await this.qa.dismiss(place, user.userId, input.questionId, input.reason),
        };
      }
      case 'qa:answer': {
        const input = await this.accept(event, raw, user.userId);
        const place = this.qaPlace(socket, input.sessionId);
        return { question: await this.qa.answer(place, user.userId, input.questionId) };
      }
      case 'qa:screen': {
        const input = await this.accept(event, raw, user.userId);
        const place = this.qaPlace(socket, input.sessionId);
        return this.qa.screen(place, user.userId, input.questionId);
      }
      case 'qa:open': {
        const input = await this.accept(event, raw, user.userId);
        return this.qa.setOpen(this.qaPlace(socket, input.sessionId), user.userId, input.open);
      }
      case 'poll:list': {
        const input = await this.accept(event, raw, user.userId);
        const place = this.qaPlace(socket, input.sessionId);
        const list = await this.polls.list(place, user.userId);
        // Ballots cast from another tab still bring this socket the live results.
        const voted = list.polls.filter((p) => p.myChoices !== null).map((p) => p.id);
        if (voted.length > 0) await socket.join(voted.map((id) => qaRooms.pollVoters(id)));
        return list;
      }
      case 'poll:create': {
        const input = await this.accept(event, raw, user.userId);
        const place = this.qaPlace(socket, input.sessionId);
        return { poll: await this.polls.create(place, user.userId, input) };
      }
      case 'poll:open': {
        const input = await this.accept(event, raw, user.userId);
        const place = this.qaPlace(socket, input.sessionId);
        return { poll: await this.polls.open(place, user.userId, input.pollId) };
      }
      case 'poll:close': {
        const input = await this.accept(event, raw, user.userId);
        const place = this.qaPlace(socket, input.sessionId);
        return { poll: await this.polls.close(place, user.userId, input.pollId) };
      }
      case 'poll:vote': {
        const input = await this.accept(event, raw, user.userId);
        const place = this.qaPlace(socket, input.sessionId);
        const poll = await this.polls.vote(place, user.userId, input.pollId, input.choices);
        // Every socket of the voter, on any instance, now hears the live results.
        this.server.in(rooms.user(user.userId)).socketsJoin(qaRooms.pollVoters(poll.id));
        return { poll };
      }
      case 'backstage:join': {
        const input = await this.accept(event, raw, user.userId);
        const { room, ...joined } = await this.backstage.access(user.userId, input.stageId);
        await socket.join(room);
        return joined;
      }
      case 'backstage:message': {
        const input = await this.accept(event, raw, user.userId);
        // Checked again on each message: a moderator who lost the role stops here.
        const access = await this.backstage.access(user.userId, input.stageId);
        if (!access.canMessage) throw PlenumError.forbidden('Moderators send the message line');
        return this.backstage.send(user, input.stageId, input.body);
      }
    }
  }

  /** Parses the payload, then takes a rate-limit token: a bad payload is answered as such. */
  private async accept<E extends ClientEventName>(
    event: E,
    raw: unknown,
    userId: string,
  ): Promise<z.output<(typeof clientEventSchemas)[E]>> {
    const input = clientEventSchemas[event].parse(raw) as z.output<(typeof clientEventSchemas)[E]>;
    const kind = rateKinds[event];
    if (kind) await this.rateLimits.consume(kind, userId);
    return input;
  }

  private joined(socket: LiveSocket, room: string): RoomAccess {
    const access = socket.data.joined.get(room);
    if (!access) throw new PlenumError('NOT_IN_ROOM', `Join ${room} first (room:join)`, 409);
    return access;
  }

  /** Q&A and polls happen in a stage session's room, with the rights decided on joining it. */
  private qaPlace(socket: LiveSocket, sessionId: string): QaPlace {
    const access = this.joined(socket, rooms.session(sessionId));
    // chat.moderate and session.moderate name the same roles with the same session scope.
    return { eventId: access.eventId, sessionId, canModerate: access.canModerate };
  }

  private async leavePresence(access: RoomAccess, userId: string): Promise<void> {
    const room = access.room;
    try {
      await this.presence.leave(room, userId);
      if (access.isBoothStaff) await this.presence.leave(room, userId, 'staff');
    } catch (err) {
      this.logger.warn(`Presence leave of ${room} for ${userId} failed: ${String(err)}`);
    }
  }
}

/** Every failure as the protocol's error object; only unexpected ones are logged. */
function toLiveError(err: unknown, logger?: Logger, userId?: string): LiveError {
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
  logger?.error({ err, userId }, `Live event failed for user ${userId ?? '?'}: ${String(err)}`);
  return { code: 'INTERNAL', message: 'Something went wrong on our side' };
}
