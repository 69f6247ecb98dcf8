import { Injectable, Logger } from '@nestjs/common';
import type { OnModuleInit } from '@nestjs/common';
import { chatRoomKinds } from '@plenum/contracts';
import type { RoomJoined } from '@plenum/contracts';
import { ChatService } from './chat.service';
import type { LiveConnection, LivePlace } from './live-connection';
import { LiveHandlers } from './live-handlers';
import type { LivePlaceContext } from './live-handlers';
import { ModerationService } from './moderation.service';
import { PresenceService } from './presence.service';
import { ReactionsService } from './reactions.service';
import { RoomAccessService } from './room-access.service';

const moderators = { action: 'chat.moderate', denied: 'Only moderators may do this' } as const;

/**
 * The chat's socket handlers and rooms: joining and leaving `event:`, `session:`, `booth:` and
 * `workshop:` rooms, messages, moderation and reactions. Registered into the gateway's handler
 * map, each with its access rule and rate-limit kind.
 */
@Injectable()
export class ChatHandlers implements OnModuleInit {
  private readonly logger = new Logger(ChatHandlers.name);

  constructor(
    private readonly handlers: LiveHandlers,
    private readonly rooms: RoomAccessService,
    private readonly chat: ChatService,
    private readonly moderation: ModerationService,
    private readonly presence: PresenceService,
    private readonly reactions: ReactionsService,
  ) {}

  onModuleInit(): void {
    const { handlers } = this;
    for (const kind of chatRoomKinds) handlers.placeKinds([kind], this.rooms.placeKind(kind));
    handlers.onPlaceChange((connection, before, after) =>
      this.countPresence(connection, before, after),
    );

    // Joining is the permission check of the room's kind (RoomAccessService), made before the
    // socket joins anything.
    handlers.on(
      'room:join',
      { access: { kind: 'resolve', room: 'room', action: 'event.member' }, rate: 'join' },
      (input, context) => this.join(context, input.afterSeq),
    );
    handlers.on('room:leave', { access: { kind: 'signed-in' }, rate: null }, async (input, c) => {
      await handlers.leave(c.connection, input.room);
      return { room: input.room };
    });
    const member = { kind: 'joined', room: 'room', action: 'event.member' } as const;
    handlers.on('chat:send', { access: member, rate: 'chat' }, async (input, { place, user }) => ({
      message: await this.chat.send(place, user, input.body),
    }));
    handlers.on('chat:history', { access: member, rate: 'history' }, (input, { place }) =>
      input.afterSeq === undefined
        ? this.chat.before(place.room, input.beforeSeq, input.limit)
        : this.chat.after(place.room, input.afterSeq, input.limit),
    );
    const moderate = { kind: 'joined', room: 'room', ...moderators } as const;
    handlers.on('chat:delete', { access: moderate, rate: 'moderation' }, (input, c) =>
      this.moderation.deleteMessage(c.user.userId, c.place, input.messageId, input.reason),
    );
    handlers.on('chat:mute', { access: moderate, rate: 'moderation' }, (input, c) =>
      this.moderation.mute(c.user.userId, c.place, input),
    );
    handlers.on('chat:unmute', { access: moderate, rate: 'moderation' }, (input, c) =>
      this.moderation.unmute(c.user.userId, c.place, input.userId),
    );
    handlers.on('chat:slow-mode', { access: moderate, rate: 'moderation' }, (input, c) =>
      this.moderation.setSlowMode(c.user.userId, c.place, input.seconds),
    );
    handlers.on(
      'reaction:send',
      {
        access: { ...member, rooms: ['session'], denied: 'Reactions are for sessions on a stage' },
        rate: 'reaction',
      },
      async (input, { place }) => {
        await this.reactions.react(place.room, input.kind);
        return { room: input.room };
      },
    );
  }

  private async join(context: LivePlaceContext, afterSeq: number | undefined): Promise<RoomJoined> {
    const { place, user } = context;
    // Join before reading the history, so nothing falls between the two; the client drops
    // what it receives twice by sequence number.
    const first = await context.enter();
    try {
      const page =
        afterSeq === undefined
          ? await this.chat.before(place.room)
          : await this.chat.after(place.room, afterSeq);
      const [lastSeq, viewers, slowModeSeconds, mute] = await Promise.all([
        this.chat.lastSeq(place.room),
        this.presence.count(place.room),
        this.moderation.slowModeSeconds(place.room),
        this.moderation.activeMute(place.eventId, user.userId, place.room),
      ]);
      return {
        room: place.room,
        messages: page.messages,
        hasMore: page.hasMore,
        lastSeq,
        viewers,
        slowModeSeconds,
        canModerate: place.can('chat.moderate'),
        canReact: place.kind === 'session',
        mute,
      };
    } catch (err) {
      // A join that could not be answered leaves no trace: the client will try again.
      if (first) await this.handlers.leave(context.connection, place.room);
      throw err;
    }
  }

  /** Viewers of every chat room; a booth's own staff are also counted as its staff online. */
  private async countPresence(
    connection: LiveConnection,
    before: LivePlace | null,
    after: LivePlace | null,
  ): Promise<void> {
    const place = after ?? before;
    if (!place || !(chatRoomKinds as readonly string[]).includes(place.kind)) return;
    const { userId } = connection.user;
    const staff = (p: LivePlace | null) => p?.kind === 'booth' && p.can('booth.manage');
    if (!before) await this.presence.enter(place.room, userId, 'viewers', place.eventId);
    if (staff(after) && !staff(before)) await this.presence.enter(place.room, userId, 'staff');
    try {
      if (staff(before) && !staff(after)) await this.presence.leave(place.room, userId, 'staff');
      if (!after) await this.presence.leave(place.room, userId);
    } catch (err) {
      this.logger.warn({ err, room: place.room, userId }, 'Presence leave failed');
    }
  }
}
