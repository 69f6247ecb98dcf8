import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { Locale, NotificationChannel, NotificationKind } from '@plenum/contracts';
import {
  Announcement,
  Event,
  ReminderDelivery,
  Session,
  User,
  WorkshopRegistration,
} from '@plenum/db';
import type { Notification } from '@plenum/db';
import { GenerateSql, SQL_UUID } from '@plenum/platform';

export interface InAppDeliveryRow {
  id: string;
  user_id: string;
  event_id: string;
  kind: ReminderDelivery['kind'];
  session_id: string | null;
  announcement_id: string | null;
  offset_minutes: number | null;
  locale: Locale;
}

export interface NotificationRow {
  id: string;
  user_id: string;
  event_id: string;
  kind: Notification['kind'];
  title: string;
  body: string;
  link: string | null;
  session_id: string | null;
  created_at: Date;
  read_at: Date | null;
}

/** What one fan-out sends: the delivery rows' shared columns (the subject is the idempotency key). */
export interface DeliveryNotice {
  eventId: string;
  kind: NotificationKind;
  subject: string;
  sessionId: string | null;
  announcementId: string | null;
  offsetMinutes: number | null;
}

/** One person on one channel. */
export interface WantedDelivery {
  userId: string;
  channel: NotificationChannel;
}

const SQL_NOTICE: DeliveryNotice = {
  eventId: SQL_UUID,
  kind: 'announcement',
  subject: `announcement:${SQL_UUID}`,
  sessionId: null,
  announcementId: SQL_UUID,
  offsetMinutes: null,
};

/** The notices of one in-app batch: one per delivery row, sharing the event, link and session. */
export interface NewNotifications {
  eventId: string;
  link: string;
  sessionId: string | null;
  userIds: string[];
  deliveryIds: string[];
  kinds: string[];
  titles: string[];
  bodies: string[];
}

/**
 * Delivery rows and what sending them reads and writes: the e-mail claim, the in-app batch's
 * notifications, failures, and the organizers' delivery figures.
 */
@Injectable()
export class ReminderDeliveriesRepository {
  constructor(private readonly db: DataSource) {}

  @GenerateSql({ params: [SQL_UUID] })
  findDelivery(id: string): Promise<ReminderDelivery | null> {
    return this.db.getRepository(ReminderDelivery).findOneBy({ id });
  }

  @GenerateSql({ params: [SQL_UUID] })
  getDelivery(id: string): Promise<ReminderDelivery> {
    return this.db.getRepository(ReminderDelivery).findOneByOrFail({ id });
  }

  @GenerateSql({ params: [SQL_UUID] })
  getUser(id: string): Promise<User> {
    return this.db.getRepository(User).findOneByOrFail({ id });
  }

  @GenerateSql({ params: [SQL_UUID] })
  getEvent(id: string): Promise<Event> {
    return this.db.getRepository(Event).findOneByOrFail({ id });
  }

  @GenerateSql({ params: [SQL_UUID] })
  findSession(id: string): Promise<Session | null> {
    return this.db.getRepository(Session).findOneBy({ id });
  }

  @GenerateSql({ params: [SQL_UUID] })
  findAnnouncement(id: string): Promise<Announcement | null> {
    return this.db.getRepository(Announcement).findOneBy({ id });
  }

  /** Whether the person still holds a confirmed seat in the workshop. */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  holdsWorkshopSeat(sessionId: string, userId: string): Promise<boolean> {
    return this.db
      .getRepository(WorkshopRegistration)
      .existsBy({ sessionId, userId, status: 'confirmed' });
  }

  /** One fan-out batch's rows in one statement; returns the rows it wrote (not those that existed). */
  @GenerateSql({ params: [SQL_NOTICE, [{ userId: SQL_UUID, channel: 'email' }]] })
  insertDeliveries(
    notice: DeliveryNotice,
    wanted: WantedDelivery[],
  ): Promise<Array<{ id: string }>> {
    return this.db.query(
      `INSERT INTO reminder_deliveries
         (event_id, user_id, subject, kind, session_id, announcement_id, offset_minutes, channel)
       SELECT $1, w.user_id, $2, $3::delivery_kind, $4, $5, $6, w.channel
       FROM unnest($7::uuid[], $8::delivery_channel[]) AS w(user_id, channel)
       ON CONFLICT (user_id, subject, channel) DO NOTHING
       RETURNING id`,
      [
        notice.eventId,
        notice.subject,
        notice.kind,
        notice.sessionId,
        notice.announcementId,
        notice.offsetMinutes,
        wanted.map((w) => w.userId),
        wanted.map((w) => w.channel),
      ],
    );
  }

  /** The rows of a subject for these people and channels that are not sent yet. */
  @GenerateSql({ params: [`announcement:${SQL_UUID}`, [{ userId: SQL_UUID, channel: 'email' }]] })
  unsentDeliveries(subject: string, wanted: WantedDelivery[]): Promise<Array<{ id: string }>> {
    return this.db.query(
      `SELECT d.id FROM reminder_deliveries d
       JOIN unnest($2::uuid[], $3::delivery_channel[]) AS w(user_id, channel)
         ON w.user_id = d.user_id AND w.channel = d.channel
       WHERE d.subject = $1 AND d.status IN ('pending', 'sending')`,
      [subject, wanted.map((w) => w.userId), wanted.map((w) => w.channel)],
    );
  }

  /**
   * Claims an e-mail row: a pending one, or one whose claim outlived the lease (its worker died
   * mid-send). False when another worker holds a live claim or the row is done.
   */
  @GenerateSql({ params: [SQL_UUID, 60_000] })
  async claimEmail(id: string, leaseMs: number): Promise<boolean> {
    const claimed = await this.db.query<[Array<{ id: string }>, number]>(
      `UPDATE reminder_deliveries
       SET status = 'sending', claimed_at = now(), attempts = attempts + 1
       WHERE id = $1 AND (status = 'pending'
         OR (status = 'sending' AND claimed_at < now() - $2 * interval '1 millisecond'))
       RETURNING id`,
      [id, leaseMs],
    );
    return claimed[1] === 1;
  }

  /** Marks a claimed e-mail sent (a row no longer `sending` is left as it is). */
  @GenerateSql({ params: [SQL_UUID] })
  async markEmailSent(id: string): Promise<void> {
    await this.db
      .getRepository(ReminderDelivery)
      .update({ id, status: 'sending' }, { status: 'sent', sentAt: new Date(), lastError: null });
  }

  /** The batch's rows still pending, with their person's language. */
  @GenerateSql({ params: [[SQL_UUID]] })
  pendingInApp(ids: string[]): Promise<InAppDeliveryRow[]> {
    return this.db.query(
      `SELECT d.id, d.user_id, d.event_id, d.kind, d.session_id, d.announcement_id,
              d.offset_minutes, u.locale
       FROM reminder_deliveries d JOIN users u ON u.id = d.user_id
       WHERE d.id = ANY($1::uuid[]) AND d.status = 'pending' AND d.channel = 'in-app'`,
      [ids],
    );
  }

  /**
   * Writes the batch's notifications in one statement. DO UPDATE (a no-op) instead of DO NOTHING
   * so that notifications written before a crash come back too and are pushed again.
   */
  @GenerateSql({
    params: [
      {
        eventId: SQL_UUID,
        link: '/e/x',
        sessionId: null,
        userIds: [SQL_UUID],
        deliveryIds: [SQL_UUID],
        kinds: ['reminder'],
        titles: ['Title'],
        bodies: ['Body'],
      },
    ],
  })
  writeNotifications(batch: NewNotifications): Promise<NotificationRow[]> {
    return this.db.query(
      `INSERT INTO notifications (user_id, event_id, delivery_id, kind, title, body, link, session_id)
       SELECT n.user_id, $1, n.delivery_id, n.kind::notification_kind, n.title, n.body, $2, $3
       FROM unnest($4::uuid[], $5::uuid[], $6::text[], $7::text[], $8::text[])
         AS n(user_id, delivery_id, kind, title, body)
       ON CONFLICT (delivery_id) DO UPDATE SET delivery_id = EXCLUDED.delivery_id
       RETURNING id, user_id, event_id, kind, title, body, link, session_id, created_at, read_at`,
      [
        batch.eventId,
        batch.link,
        batch.sessionId,
        batch.userIds,
        batch.deliveryIds,
        batch.kinds,
        batch.titles,
        batch.bodies,
      ],
    );
  }

  @GenerateSql({ params: [[SQL_UUID]] })
  async markInAppSent(ids: string[]): Promise<void> {
    await this.db.query(
      `UPDATE reminder_deliveries
       SET status = 'sent', sent_at = now(), attempts = attempts + 1, last_error = NULL
       WHERE id = ANY($1::uuid[]) AND status = 'pending'`,
      [ids],
    );
  }

  /** Records a failed attempt and releases a claim; the last one makes the delivery failed. */
  @GenerateSql({ params: [SQL_UUID, 'SMTP refused', true] })
  async recordFailure(id: string, message: string, final: boolean): Promise<void> {
    await this.db.query(
      `UPDATE reminder_deliveries
       SET attempts = CASE WHEN status = 'sending' THEN attempts ELSE attempts + 1 END,
           status = CASE WHEN $3 THEN 'failed'::delivery_status ELSE 'pending'::delivery_status END,
           failed_at = CASE WHEN $3 THEN now() ELSE failed_at END,
           last_error = $2
       WHERE id = $1 AND status IN ('pending', 'sending')`,
      [id, message, final],
    );
  }

  /** How many of the event's deliveries are in each status. */
  @GenerateSql({ params: [SQL_UUID] })
  statusCounts(eventId: string): Promise<Array<{ status: string; count: string }>> {
    return this.db.query(
      `SELECT status, count(*) AS count FROM reminder_deliveries WHERE event_id = $1 GROUP BY status`,
      [eventId],
    );
  }

  /** The event's ten latest failed deliveries. */
  @GenerateSql({ params: [SQL_UUID] })
  recentFailures(
    eventId: string,
  ): Promise<Array<{ channel: 'in-app' | 'email'; last_error: string | null; failed_at: Date }>> {
    return this.db.query(
      `SELECT channel, last_error, failed_at FROM reminder_deliveries
       WHERE event_id = $1 AND status = 'failed' ORDER BY failed_at DESC LIMIT 10`,
      [eventId],
    );
  }
}
