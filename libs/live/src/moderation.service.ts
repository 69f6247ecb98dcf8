import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type Redis from 'ioredis';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import type { Repository } from 'typeorm';
import { rooms } from '@plenum/contracts';
import type {
  ChatDeleted,
  ChatMuteState,
  ChatSettings,
  ChatUnmuted,
  ChatMute as MuteRequest,
} from '@plenum/contracts';
import { ChatMessage, ChatMute, ChatRoom } from '@plenum/db';
import { PermissionsService } from '@plenum/identity';
import { AuditService, LiveEmitter, PlenumError, REDIS, RedisKeys } from '@plenum/platform';
import type { RoomAccess } from './room-access.service';

const MUTES_CACHE_MS = 10 * 60_000;
const LOADED = '_loaded';

/** Deletes messages, mutes people and sets slow mode; every action lands in the audit log. */
@Injectable()
export class ModerationService {
  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(ChatMute) private readonly mutes: Repository<ChatMute>,
    @InjectRepository(ChatRoom) private readonly chatRooms: Repository<ChatRoom>,
    private readonly permissions: PermissionsService,
    private readonly audit: AuditService,
    private readonly emitter: LiveEmitter,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async deleteMessage(
    actorId: string,
    access: RoomAccess,
    messageId: string,
    reason: string,
  ): Promise<ChatDeleted> {
    this.assertModerator(access);
    const deleted = await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(ChatMessage);
      const message = await repo.findOne({
        where: { id: messageId, room: access.room },
        lock: { mode: 'pessimistic_write' },
      });
      if (!message) throw PlenumError.notFound('Message not found');
      if (message.deletedAt) throw PlenumError.conflict('This message was already deleted');
      const at = new Date();
      await repo.update(message.id, { deletedAt: at, deletedById: actorId, deleteReason: reason });
      await this.audit.record(
        {
          eventId: access.eventId,
          actorId,
          action: 'chat.message.deleted',
          targetType: 'chat_message',
          targetId: message.id,
          details: {
            room: access.room,
            seq: message.seq,
            authorId: message.authorId,
            body: message.body,
            reason,
          },
        },
        manager,
      );
      return {
        room: access.room,
        id: message.id,
        seq: message.seq,
        deleted: { at: at.toISOString(), reason },
      };
    });
    this.emitter.to(access.room).emit('chat:deleted', deleted);
    return deleted;
  }

  async mute(
    actorId: string,
    access: RoomAccess,
    input: Required<MuteRequest>,
  ): Promise<ChatMuteState & { userId: string }> {
    this.assertModerator(access);
    if (input.scope === 'event' && !access.canModerateEvent) {
      throw PlenumError.forbidden('Only event-wide moderators mute people in the whole event');
    }
    if (input.userId === actorId) throw PlenumError.conflict('You cannot mute yourself');
    const targetMemberships = await this.permissions.membershipsOf(input.userId, access.eventId);
    if (targetMemberships.length === 0) throw PlenumError.notFound('Person not found');
    if (this.permissions.allows(targetMemberships, 'chat.moderate', access.target)) {
      throw PlenumError.forbidden('Moderators and organizers cannot be muted');
    }
    const room = input.scope === 'event' ? null : access.room;
    const until = new Date(Date.now() + input.minutes * 60_000);
    await this.dataSource.transaction(async (manager) => {
      const mute = await manager.getRepository(ChatMute).save({
        eventId: access.eventId,
        room,
        userId: input.userId,
        mutedById: actorId,
        reason: input.reason,
        until,
      });
      await this.audit.record(
        {
          eventId: access.eventId,
          actorId,
          action: 'chat.user.muted',
          targetType: 'user',
          targetId: input.userId,
          details: {
            muteId: mute.id,
            room: room ?? 'event',
            minutes: input.minutes,
            until: until.toISOString(),
            reason: input.reason,
          },
        },
        manager,
      );
    });
    await this.forgetMutes(access.eventId, input.userId);
    const state: ChatMuteState = {
      eventId: access.eventId,
      room,
      until: until.toISOString(),
      reason: input.reason,
    };
    this.emitter.to(rooms.user(input.userId)).emit('chat:muted', state);
    return { ...state, userId: input.userId };
  }

  /** Lifts the person's mutes in this room and event-wide ones (those only with event rights). */
  async unmute(
    actorId: string,
    access: RoomAccess,
    userId: string,
  ): Promise<ChatUnmuted & { userId: string }> {
    this.assertModerator(access);
    const now = new Date();
    const ended = await this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(ChatMute);
      const active = await repo.find({
        where: [
          { eventId: access.eventId, userId, room: access.room, until: MoreThan(now) },
          ...(access.canModerateEvent
            ? [{ eventId: access.eventId, userId, room: IsNull(), until: MoreThan(now) }]
            : []),
        ],
      });
      if (active.length === 0) throw PlenumError.notFound('This person is not muted here');
      await repo.update(
        active.map((m) => m.id),
        { until: now },
      );
      await this.audit.record(
        {
          eventId: access.eventId,
          actorId,
          action: 'chat.user.unmuted',
          targetType: 'user',
          targetId: userId,
          details: { room: access.room, muteIds: active.map((m) => m.id) },
        },
        manager,
      );
      return active;
    });
    await this.forgetMutes(access.eventId, userId);
    const lifted: ChatUnmuted = {
      eventId: access.eventId,
      room: ended.some((m) => m.room === null) ? null : access.room,
    };
    this.emitter.to(rooms.user(userId)).emit('chat:unmuted', lifted);
    return { ...lifted, userId };
  }

  async setSlowMode(actorId: string, access: RoomAccess, seconds: number): Promise<ChatSettings> {
    this.assertModerator(access);
    await this.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .insert()
        .into(ChatRoom)
        .values({ room: access.room, eventId: access.eventId, slowModeSeconds: seconds })
        .orUpdate(['slow_mode_seconds'], ['room'])
        .execute();
      await this.audit.record(
        {
          eventId: access.eventId,
          actorId,
          action: 'chat.slow-mode.changed',
          targetType: 'chat_room',
          targetId: access.room,
          details: { seconds },
        },
        manager,
      );
    });
    await this.redis.set(this.slowModeKey(access.room), String(seconds), 'PX', MUTES_CACHE_MS);
    const settings: ChatSettings = { room: access.room, slowModeSeconds: seconds };
    this.emitter.to(access.room).emit('chat:settings', settings);
    return settings;
  }

  async slowModeSeconds(room: string): Promise<number> {
    const cached = await this.redis.get(this.slowModeKey(room));
    if (cached !== null) return Number(cached);
    const row = await this.chatRooms.findOne({ where: { room }, select: ['slowModeSeconds'] });
    const seconds = row?.slowModeSeconds ?? 0;
    await this.redis.set(this.slowModeKey(room), String(seconds), 'PX', MUTES_CACHE_MS);
    return seconds;
  }

  /** The mute that keeps this person from writing in this room, if any (the longest). */
  async activeMute(eventId: string, userId: string, room: string): Promise<ChatMuteState | null> {
    const key = this.keys.key('live', 'mutes', eventId, userId);
    let fields = await this.redis.hgetall(key);
    if (!fields[LOADED]) fields = await this.loadMutes(key, eventId, userId);
    const now = Date.now();
    let found: ChatMuteState | null = null;
    for (const scope of [room, '*']) {
      const raw = fields[scope];
      if (!raw) continue;
      const { until, reason } = JSON.parse(raw) as { until: number; reason: string };
      if (until > now && (!found || until > Date.parse(found.until))) {
        found = {
          eventId,
          room: scope === '*' ? null : room,
          until: new Date(until).toISOString(),
          reason,
        };
      }
    }
    return found;
  }

  /** Throws CHAT_MUTED or SLOW_MODE when this person may not write in the room right now. */
  async assertMayWrite(access: RoomAccess, userId: string): Promise<void> {
    if (access.canModerate) return;
    // Both are reads: asked at once, they cost one round trip to Redis on the send path.
    const [mute, seconds] = await Promise.all([
      this.activeMute(access.eventId, userId, access.room),
      this.slowModeSeconds(access.room),
    ]);
    if (mute) {
      const until = Date.parse(mute.until);
      throw new PlenumError(
        'CHAT_MUTED',
        `A moderator muted you ${mute.room ? 'in this room' : 'in this event'} until ${mute.until}` +
          (mute.reason ? `: ${mute.reason}` : ''),
        403,
        { retryAfterMs: Math.max(0, until - Date.now()) },
      );
    }
    if (seconds > 0) {
      const key = this.keys.key('live', 'slow', access.room, userId);
      const set = await this.redis.set(key, '1', 'PX', seconds * 1000, 'NX');
      if (set === null) {
        const wait = Math.max(1, await this.redis.pttl(key));
        throw new PlenumError(
          'SLOW_MODE',
          `Slow mode is on: one message every ${seconds} s. Try again in ${Math.ceil(wait / 1000)} s`,
          429,
          { retryAfterMs: wait },
        );
      }
    }
  }

  private assertModerator(access: RoomAccess): void {
    if (!access.canModerate) throw PlenumError.forbidden('Only moderators may do this');
  }

  private async loadMutes(
    key: string,
    eventId: string,
    userId: string,
  ): Promise<Record<string, string>> {
    const active = await this.mutes.find({
      where: { eventId, userId, until: MoreThan(new Date()) },
    });
    const fields: Record<string, string> = { [LOADED]: '1' };
    for (const mute of active) {
      const scope = mute.room ?? '*';
      const until = mute.until.getTime();
      const previous = fields[scope];
      if (!previous || (JSON.parse(previous) as { until: number }).until < until) {
        fields[scope] = JSON.stringify({ until, reason: mute.reason });
      }
    }
    await this.redis.multi().hset(key, fields).pexpire(key, MUTES_CACHE_MS).exec();
    return fields;
  }

  private async forgetMutes(eventId: string, userId: string): Promise<void> {
    await this.redis.del(this.keys.key('live', 'mutes', eventId, userId));
  }

  private slowModeKey(room: string): string {
    return this.keys.key('live', 'slow-mode', room);
  }
}
