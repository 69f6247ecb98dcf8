import { Inject, Injectable } from '@nestjs/common';
import type Redis from 'ioredis';
import { rooms } from '@plenum/contracts';
import type {
  ChatDeleted,
  ChatMuteState,
  ChatSettings,
  ChatUnmuted,
  ChatMute as MuteRequest,
} from '@plenum/contracts';
import { PermissionsService } from '@plenum/identity';
import { AuditService, LiveEmitter, PlenumError, REDIS, RedisKeys } from '@plenum/platform';
import { ChatRepository } from './chat.repository';
import type { LivePlace } from './live-connection';

const MUTES_CACHE_MS = 10 * 60_000;
const LOADED = '_loaded';

/**
 * Deletes messages, mutes people and sets slow mode; every action lands in the audit log. Who
 * may moderate is the handlers' access rule (`chat.moderate` in the room); what stays here are
 * the checks about the particular person or scope.
 */
@Injectable()
export class ModerationService {
  constructor(
    private readonly repository: ChatRepository,
    private readonly permissions: PermissionsService,
    private readonly audit: AuditService,
    private readonly emitter: LiveEmitter,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  async deleteMessage(
    actorId: string,
    place: LivePlace,
    messageId: string,
    reason: string,
  ): Promise<ChatDeleted> {
    const deleted = await this.repository.transaction(async (manager) => {
      const message = await this.repository.lockMessage(manager, messageId, place.room);
      if (!message) throw PlenumError.notFound('Message not found');
      if (message.deletedAt) throw PlenumError.conflict('This message was already deleted');
      const at = new Date();
      await this.repository.markDeleted(manager, message.id, actorId, at, reason);
      await this.audit.record(
        {
          eventId: place.eventId,
          actorId,
          action: 'chat.message.deleted',
          targetType: 'chat_message',
          targetId: message.id,
          details: {
            room: place.room,
            seq: message.seq,
            authorId: message.authorId,
            body: message.body,
            reason,
          },
        },
        manager,
      );
      return {
        room: place.room,
        id: message.id,
        seq: message.seq,
        deleted: { at: at.toISOString(), reason },
      };
    });
    this.emitter.to(place.room).emit('chat:deleted', deleted);
    return deleted;
  }

  async mute(
    actorId: string,
    place: LivePlace,
    input: Required<MuteRequest>,
  ): Promise<ChatMuteState & { userId: string }> {
    if (input.scope === 'event' && !place.can('chat.moderate', {})) {
      throw PlenumError.forbidden('Only event-wide moderators mute people in the whole event');
    }
    if (input.userId === actorId) throw PlenumError.conflict('You cannot mute yourself');
    const { roles } = await this.permissions.rolesOf(input.userId, place.eventId);
    if (roles.length === 0) throw PlenumError.notFound('Person not found');
    if (place.targets.some((target) => this.permissions.allows(roles, 'chat.moderate', target))) {
      throw PlenumError.forbidden('Moderators and organizers cannot be muted');
    }
    const room = input.scope === 'event' ? null : place.room;
    const until = new Date(Date.now() + input.minutes * 60_000);
    await this.repository.transaction(async (manager) => {
      const muteId = await this.repository.insertMute(manager, {
        eventId: place.eventId,
        room,
        userId: input.userId,
        mutedById: actorId,
        reason: input.reason,
        until,
      });
      await this.audit.record(
        {
          eventId: place.eventId,
          actorId,
          action: 'chat.user.muted',
          targetType: 'user',
          targetId: input.userId,
          details: {
            muteId,
            room: room ?? 'event',
            minutes: input.minutes,
            until: until.toISOString(),
            reason: input.reason,
          },
        },
        manager,
      );
    });
    await this.forgetMutes(place.eventId, input.userId);
    const state: ChatMuteState = {
      eventId: place.eventId,
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
    place: LivePlace,
    userId: string,
  ): Promise<ChatUnmuted & { userId: string }> {
    const now = new Date();
    const ended = await this.repository.transaction(async (manager) => {
      const active = await this.repository.activeMutesIn(
        manager,
        place.eventId,
        userId,
        place.room,
        place.can('chat.moderate', {}),
        now,
      );
      if (active.length === 0) throw PlenumError.notFound('This person is not muted here');
      await this.repository.endMutes(
        manager,
        active.map((m) => m.id),
        now,
      );
      await this.audit.record(
        {
          eventId: place.eventId,
          actorId,
          action: 'chat.user.unmuted',
          targetType: 'user',
          targetId: userId,
          details: { room: place.room, muteIds: active.map((m) => m.id) },
        },
        manager,
      );
      return active;
    });
    await this.forgetMutes(place.eventId, userId);
    const lifted: ChatUnmuted = {
      eventId: place.eventId,
      room: ended.some((m) => m.room === null) ? null : place.room,
    };
    this.emitter.to(rooms.user(userId)).emit('chat:unmuted', lifted);
    return { ...lifted, userId };
  }

  async setSlowMode(actorId: string, place: LivePlace, seconds: number): Promise<ChatSettings> {
    await this.repository.transaction(async (manager) => {
      await this.repository.setSlowMode(manager, place.room, place.eventId, seconds);
      await this.audit.record(
        {
          eventId: place.eventId,
          actorId,
          action: 'chat.slow-mode.changed',
          targetType: 'chat_room',
          targetId: place.room,
          details: { seconds },
        },
        manager,
      );
    });
    await this.redis.set(this.slowModeKey(place.room), String(seconds), 'PX', MUTES_CACHE_MS);
    const settings: ChatSettings = { room: place.room, slowModeSeconds: seconds };
    this.emitter.to(place.room).emit('chat:settings', settings);
    return settings;
  }

  async slowModeSeconds(room: string): Promise<number> {
    const cached = await this.redis.get(this.slowModeKey(room));
    if (cached !== null) return Number(cached);
    const seconds = await this.repository.slowModeSeconds(room);
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
  async assertMayWrite(place: LivePlace, userId: string): Promise<void> {
    if (place.can('chat.moderate')) return;
    // Both are reads: asked at once, they cost one round trip to Redis on the send path.
    const [mute, seconds] = await Promise.all([
      this.activeMute(place.eventId, userId, place.room),
      this.slowModeSeconds(place.room),
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
      const key = this.keys.key('live', 'slow', place.room, userId);
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

  private async loadMutes(
    key: string,
    eventId: string,
    userId: string,
  ): Promise<Record<string, string>> {
    const active = await this.repository.activeMutes(eventId, userId, new Date());
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
