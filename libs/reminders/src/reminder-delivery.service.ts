import { Inject, Injectable, Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { rooms } from '@plenum/contracts';
import type { DeliveryJob } from '@plenum/contracts';
import type { ReminderDelivery } from '@plenum/db';
import { LiveEmitter, MailService, REDIS, renderCalendar } from '@plenum/platform';
import { ReminderDeliveriesRepository } from './reminder-deliveries.repository';
import type { InAppDeliveryRow } from './reminder-deliveries.repository';
import { formatWhen, mailFooter, noticePath, noticeText } from './reminder-texts';
import { unsubscribeToken } from './unsubscribe-token';

/** `busy`: another worker holds the e-mail's claim; look again at `retryAt`. */
export type DeliveryOutcome = 'sent' | 'already-sent' | 'gone' | { busy: true; retryAt: number };

/**
 * Sends delivery rows; the row is the idempotency key. In-app notices are written to the
 * notification list, pushed, and only then marked sent, so a crash in between pushes them again
 * (at least once; the web app dedupes by notification id). E-mails are claimed (`sending`)
 * before SMTP and marked sent right after the server accepts: only a crash between those two
 * moments sends a second copy, with the same Message-ID (docs/reminders.md).
 */
@Injectable()
export class ReminderDeliveryService {
  private readonly logger = new Logger(ReminderDeliveryService.name);

  constructor(
    private readonly deliveries: ReminderDeliveriesRepository,
    private readonly live: LiveEmitter,
    private readonly mail: MailService,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
  ) {}

  /**
   * One `deliveries` job: a delivery row, or a batch of in-app rows. A failure is recorded on
   * every row (the last attempt makes them failed) and thrown again for BullMQ to retry.
   */
  async run(
    job: DeliveryJob,
    attempt: { jobId: string | undefined; number: number; final: boolean },
  ): Promise<DeliveryOutcome> {
    const ids = 'deliveryIds' in job ? job.deliveryIds : [job.deliveryId];
    try {
      return 'deliveryIds' in job
        ? await this.deliverInApp(job.deliveryIds)
        : await this.deliver(job.deliveryId);
    } catch (err) {
      for (const id of ids) await this.recordFailure(id, err, attempt.final);
      this.logger.warn(
        {
          err,
          jobId: attempt.jobId,
          deliveries: ids.length,
          attempt: attempt.number,
          final: attempt.final,
        },
        'Delivery failed',
      );
      throw err;
    }
  }

  /**
   * The entry point for one delivery row (the deliveries queue calls it for every job): in-app
   * rows go through `deliverInApp`, e-mails are claimed, sent and marked.
   */
  async deliver(deliveryId: string): Promise<DeliveryOutcome> {
    const found = await this.deliveries.findDelivery(deliveryId);
    if (!found) return 'gone';
    if (found.status === 'sent') return 'already-sent';
    if (found.channel === 'in-app') return this.deliverInApp([found.id]);
    const claim = await this.claim(found);
    if (claim !== 'claimed') return claim;
    const delivery = found;
    const [user, event] = await Promise.all([
      this.deliveries.getUser(delivery.userId),
      this.deliveries.getEvent(delivery.eventId),
    ]);
    const session = delivery.sessionId
      ? await this.deliveries.findSession(delivery.sessionId)
      : null;
    const announcement = delivery.announcementId
      ? await this.deliveries.findAnnouncement(delivery.announcementId)
      : null;
    if (delivery.sessionId && !session) {
      await this.recordFailure(delivery.id, new Error('The session was deleted'), true);
      return 'gone';
    }
    // Users carry no zone of their own yet, so times are in the event's zone.
    const timeZone = event.timeZone;
    const text = noticeText(user.locale, {
      kind: delivery.kind,
      eventTitle: event.title,
      sessionTitle: session?.title ?? null,
      when: session ? formatWhen(session.startsAt, user.locale, timeZone) : null,
      timeZone,
      offsetMinutes: delivery.offsetMinutes,
      announcementTitle: announcement?.title ?? null,
      announcementBody: announcement?.body ?? null,
    });
    const path = noticePath(event.slug, delivery.kind, session?.id ?? null);

    const link = `${this.config.publicUrl}${path}`;
    const unsubscribe = `${this.config.publicUrl}/unsubscribe?token=${unsubscribeToken(
      this.config.authSecret,
      user.id,
      event.id,
    )}`;
    await this.mail.send({
      // A crash between the server accepting the message and the row being marked sent makes
      // the message go out again after the lease; the fixed Message-ID marks the copy.
      messageId: `<${delivery.id}@plenum>`,
      to: user.email,
      subject: text.title,
      text: text.body + mailFooter(user.locale, event.title, link, unsubscribe),
      headers: {
        'List-Unsubscribe': `<${unsubscribe}>`,
        'X-Plenum-Delivery': delivery.id,
      },
      attachments: session
        ? [
            {
              filename: 'session.ics',
              contentType: `text/calendar; charset=utf-8; method=PUBLISH`,
              content: renderCalendar({
                name: event.title,
                timeZone: event.timeZone,
                entries: [
                  {
                    uid: `${session.guid}@plenum`,
                    sequence: session.sequence,
                    startsAt: session.startsAt,
                    endsAt: session.endsAt,
                    summary: session.title,
                    description: session.abstract,
                    location: null,
                    url: link,
                    categories: [session.kind],
                    cancelled: session.state === 'cancelled',
                    lastModified: session.updatedAt,
                  },
                ],
              }),
            },
          ]
        : [],
    });
    await this.deliveries.markEmailSent(delivery.id);
    this.logger.debug({ deliveryId: delivery.id, kind: delivery.kind }, 'E-mail notice sent');
    return 'sent';
  }

  /**
   * Claims an e-mail row for this worker: a pending row, or one whose claim outlived the lease
   * (its worker died mid-send). Another worker's live claim answers `busy`.
   */
  private async claim(row: ReminderDelivery): Promise<'claimed' | DeliveryOutcome> {
    if (await this.deliveries.claimEmail(row.id, this.config.reminderEmailLeaseMs)) {
      return 'claimed';
    }
    const now = await this.deliveries.getDelivery(row.id);
    if (now.status === 'sending' && now.claimedAt) {
      return {
        busy: true,
        retryAt: now.claimedAt.getTime() + this.config.reminderEmailLeaseMs + 1_000,
      };
    }
    return now.status === 'sent' ? 'already-sent' : 'gone';
  }

  /**
   * In-app notices for a batch of delivery rows (a fan-out batch, or one row): one statement
   * writes the notifications (or finds those a crashed attempt wrote), each is pushed to its
   * person's room, and the rows are marked sent once Redis has taken every push.
   */
  async deliverInApp(ids: string[]): Promise<DeliveryOutcome> {
    const started = Date.now();
    const rows = await this.deliveries.pendingInApp(ids);
    const first = rows[0];
    if (!first) return 'already-sent';
    const [event, session, announcement] = await Promise.all([
      this.deliveries.getEvent(first.event_id),
      first.session_id ? this.deliveries.findSession(first.session_id) : null,
      first.announcement_id ? this.deliveries.findAnnouncement(first.announcement_id) : null,
    ]);
    if (first.session_id && !session) return 'gone';
    const loaded = Date.now();
    const path = noticePath(event.slug, first.kind, session?.id ?? null);
    const texts = new Map(
      (['de', 'en'] as const).map((locale) => [
        locale,
        noticeText(locale, {
          kind: first.kind,
          eventTitle: event.title,
          sessionTitle: session?.title ?? null,
          when: session ? formatWhen(session.startsAt, locale, event.timeZone) : null,
          timeZone: event.timeZone,
          offsetMinutes: first.offset_minutes,
          announcementTitle: announcement?.title ?? null,
          announcementBody: announcement?.body ?? null,
        }),
      ]),
    );
    const textOf = (r: InAppDeliveryRow) => texts.get(r.locale) ?? texts.get(event.defaultLocale)!;
    // Notifications a crashed attempt wrote come back too and are pushed again.
    const notifications = await this.deliveries.writeNotifications({
      eventId: event.id,
      link: path,
      sessionId: session?.id ?? null,
      userIds: rows.map((r) => r.user_id),
      deliveryIds: rows.map((r) => r.id),
      kinds: rows.map((r) => r.kind),
      titles: rows.map((r) => textOf(r).title),
      bodies: rows.map((r) => textOf(r).body),
    });
    const written = Date.now();
    for (const n of notifications) {
      this.live.to(rooms.user(n.user_id)).emit('notification:new', {
        id: n.id,
        eventId: n.event_id,
        kind: n.kind,
        title: n.title,
        body: n.body,
        link: n.link,
        sessionId: n.session_id,
        createdAt: new Date(n.created_at).toISOString(),
        readAt: n.read_at ? new Date(n.read_at).toISOString() : null,
      });
    }
    // The emitter publishes on this connection without waiting; Redis answers in order, so the
    // PING's reply means every publish above was taken.
    await this.redis.ping();
    const pushed = Date.now();
    await this.deliveries.markInAppSent(rows.map((r) => r.id));
    this.logger.debug(
      {
        deliveries: rows.length,
        loadMs: loaded - started,
        writeMs: written - loaded,
        pushMs: pushed - written,
        markMs: Date.now() - pushed,
      },
      'In-app batch sent',
    );
    return 'sent';
  }

  /** Records a failed attempt and releases a claim; the last one makes the delivery failed. */
  async recordFailure(deliveryId: string, error: unknown, final: boolean): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.deliveries.recordFailure(deliveryId, message.slice(0, 2000), final);
  }
}
