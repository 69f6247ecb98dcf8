import { Inject, Injectable } from '@nestjs/common';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import type {
  ReminderPreferences,
  ReminderPreferencesView,
  UnsubscribeResult,
} from '@plenum/contracts';
import type { Event } from '@plenum/db';
import type { Principal } from '@plenum/identity';
import { AuditService, PlenumError } from '@plenum/platform';
import { ReminderScheduler } from './reminder-scheduler.service';
import { RemindersRepository } from './reminders.repository';
import { readUnsubscribeToken } from './unsubscribe-token';

const defaults: ReminderPreferences = {
  enabled: true,
  offsetsMinutes: null,
  channels: ['in-app', 'email'],
  allKeynotes: false,
};

/** Each person's reminder choices per event, and the event's offsets. */
@Injectable()
export class ReminderPreferencesService {
  constructor(
    private readonly reminders: RemindersRepository,
    private readonly scheduler: ReminderScheduler,
    private readonly audit: AuditService,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
  ) {}

  async get(userId: string, eventId: string): Promise<ReminderPreferencesView> {
    const row = await this.reminders.preferences(userId, eventId);
    const eventOffsetsMinutes = await this.scheduler.offsetsFor(eventId);
    if (!row) return { ...defaults, eventOffsetsMinutes };
    return {
      enabled: row.enabled,
      offsetsMinutes: row.offsetsMinutes,
      channels: row.channels,
      allKeynotes: row.allKeynotes,
      eventOffsetsMinutes,
    };
  }

  async put(
    userId: string,
    eventId: string,
    input: ReminderPreferences,
  ): Promise<ReminderPreferencesView> {
    await this.reminders.upsertPreferences(userId, eventId, {
      ...input,
      channels: [...new Set(input.channels)],
    });
    return this.get(userId, eventId);
  }

  /** The unsubscribe link: turns e-mail off for that event, keeps in-app notices. */
  async unsubscribe(token: string): Promise<UnsubscribeResult> {
    const claims = readUnsubscribeToken(this.config.authSecret, token);
    const event = claims ? await this.reminders.findEvent(claims.eventId) : null;
    if (!claims || !event) {
      throw new PlenumError('UNSUBSCRIBE_TOKEN_INVALID', 'This unsubscribe link is not valid', 400);
    }
    const current = await this.get(claims.userId, claims.eventId);
    await this.put(claims.userId, claims.eventId, {
      enabled: current.enabled,
      offsetsMinutes: current.offsetsMinutes,
      allKeynotes: current.allKeynotes,
      channels: current.channels.filter((c) => c !== 'email'),
    });
    return { eventTitle: event.title };
  }

  async setOffsets(principal: Principal, event: Event, offsets: number[]): Promise<number[]> {
    const previous = await this.scheduler.offsetsFor(event.id);
    const next = [...offsets].sort((a, b) => b - a);
    await this.reminders.setEventOffsets(event.id, next);
    await this.audit.record({
      eventId: event.id,
      actorId: principal.userId,
      action: 'reminders.offsets',
      targetType: 'event',
      targetId: event.id,
      details: { previous, next },
    });
    await this.scheduler.offsetsChanged(event.id, previous, next);
    return next;
  }
}
