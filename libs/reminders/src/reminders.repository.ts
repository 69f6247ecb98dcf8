import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import type { ReminderPreferences } from '@plenum/contracts';
import {
  Announcement,
  Event,
  Notification,
  ReminderPreference,
  ReminderSettings,
  Session,
} from '@plenum/db';
import { GenerateSql, SQL_UUID } from '@plenum/platform';

/** What scheduling needs of a session. */
export type SessionTiming = Pick<Session, 'id' | 'eventId' | 'startsAt' | 'state' | 'sequence'>;

export type NewAnnouncement = Pick<
  Announcement,
  'eventId' | 'authorId' | 'role' | 'channels' | 'title' | 'body'
>;

/**
 * The event's reminder offsets, each person's reminder choices, the sessions whose jobs are
 * scheduled, the notification list and the organizers' announcements.
 */
@Injectable()
export class RemindersRepository {
  constructor(private readonly db: DataSource) {}

  /** The event's own offsets; null when it uses the defaults. */
  @GenerateSql({ params: [SQL_UUID] })
  async eventOffsets(eventId: string): Promise<number[] | null> {
    const row = await this.db.getRepository(ReminderSettings).findOneBy({ eventId });
    return row?.offsetsMinutes ?? null;
  }

  @GenerateSql({ params: [SQL_UUID, [60, 15]] })
  async setEventOffsets(eventId: string, offsetsMinutes: number[]): Promise<void> {
    await this.db.getRepository(ReminderSettings).upsert({ eventId, offsetsMinutes }, ['eventId']);
  }

  /** Scheduled sessions still to start, of one event or (without one) of every event. */
  @GenerateSql({ name: 'of an event', params: [SQL_UUID] }, { name: 'of every event', params: [] })
  futureSessions(eventId?: string): Promise<SessionTiming[]> {
    return this.db.getRepository(Session).find({
      where: {
        ...(eventId ? { eventId } : {}),
        state: 'scheduled',
        startsAt: MoreThan(new Date()),
      },
      select: { id: true, eventId: true, startsAt: true, state: true, sequence: true },
    });
  }

  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  preferences(userId: string, eventId: string): Promise<ReminderPreference | null> {
    return this.db.getRepository(ReminderPreference).findOneBy({ userId, eventId });
  }

  @GenerateSql({
    params: [
      SQL_UUID,
      SQL_UUID,
      { enabled: true, offsetsMinutes: null, channels: ['in-app'], allKeynotes: false },
    ],
  })
  async upsertPreferences(
    userId: string,
    eventId: string,
    choices: ReminderPreferences,
  ): Promise<void> {
    await this.db.getRepository(ReminderPreference).upsert(
      {
        userId,
        eventId,
        enabled: choices.enabled,
        offsetsMinutes: choices.offsetsMinutes,
        channels: choices.channels,
        allKeynotes: choices.allKeynotes,
      },
      ['userId', 'eventId'],
    );
  }

  @GenerateSql({ params: [SQL_UUID] })
  findEvent(id: string): Promise<Event | null> {
    return this.db.getRepository(Event).findOneBy({ id });
  }

  /** The person's latest notifications in the event, newest first. */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID, 50] })
  notifications(userId: string, eventId: string, take: number): Promise<Notification[]> {
    return this.db.getRepository(Notification).find({
      where: { userId, eventId },
      order: { createdAt: 'DESC' },
      take,
    });
  }

  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  async markAllRead(userId: string, eventId: string): Promise<void> {
    await this.db
      .getRepository(Notification)
      .update({ userId, eventId, readAt: IsNull() }, { readAt: new Date() });
  }

  /** The new announcement's id. */
  @GenerateSql({
    params: [
      {
        eventId: SQL_UUID,
        authorId: SQL_UUID,
        role: null,
        channels: ['in-app'],
        title: 'Title',
        body: 'Body',
      },
    ],
  })
  async insertAnnouncement(announcement: NewAnnouncement): Promise<string> {
    const inserted = await this.db.getRepository(Announcement).insert(announcement);
    return (inserted.identifiers[0] as { id: string }).id;
  }
}
