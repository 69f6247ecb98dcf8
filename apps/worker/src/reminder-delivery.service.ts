import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { rooms } from '@plenum/contracts';
import { Announcement, Event, Notification, ReminderDelivery, Session, User } from '@plenum/db';
import { LiveEmitter } from '@plenum/platform';
import { renderCalendar } from '@plenum/programme';
import { toNotificationView, unsubscribeToken } from '@plenum/reminders';
import { formatWhen, mailFooter, noticeText } from './reminder-texts';

export type DeliveryOutcome = 'sent' | 'already-sent' | 'gone';

/**
 * Sends one delivery row. The row is the idempotency key: a delivery already marked sent is not
 * sent again, however often its job runs. In-app notices are written and marked sent in one
 * transaction and only then pushed to the person's sockets.
 */
@Injectable()
export class ReminderDeliveryService implements OnApplicationShutdown {
  private readonly logger = new Logger(ReminderDeliveryService.name);
  private readonly transport: Transporter;

  constructor(
    private readonly dataSource: DataSource,
    private readonly live: LiveEmitter,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
  ) {
    this.transport = config.smtpUrl
      ? nodemailer.createTransport({ url: config.smtpUrl, pool: true, maxConnections: 5 } as never)
      : nodemailer.createTransport({ jsonTransport: true });
  }

  async deliver(deliveryId: string): Promise<DeliveryOutcome> {
    const deliveries = this.dataSource.getRepository(ReminderDelivery);
    const delivery = await deliveries.findOneBy({ id: deliveryId });
    if (!delivery) return 'gone';
    if (delivery.status === 'sent') return 'already-sent';
    const [user, event] = await Promise.all([
      this.dataSource.getRepository(User).findOneByOrFail({ id: delivery.userId }),
      this.dataSource.getRepository(Event).findOneByOrFail({ id: delivery.eventId }),
    ]);
    const session = delivery.sessionId
      ? await this.dataSource.getRepository(Session).findOneBy({ id: delivery.sessionId })
      : null;
    const announcement = delivery.announcementId
      ? await this.dataSource.getRepository(Announcement).findOneBy({ id: delivery.announcementId })
      : null;
    if (delivery.sessionId && !session) return 'gone';
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
    const eventPath = `/e/${encodeURIComponent(event.slug)}`;
    const path = session ? `${eventPath}/sessions/${session.id}` : eventPath;

    if (delivery.channel === 'in-app') {
      const notification = await this.dataSource.transaction(async (manager) => {
        await manager
          .getRepository(Notification)
          .createQueryBuilder()
          .insert()
          .values({
            userId: user.id,
            eventId: event.id,
            deliveryId: delivery.id,
            kind: delivery.kind,
            title: text.title,
            body: text.body,
            link: path,
            sessionId: session?.id ?? null,
          })
          .orIgnore()
          .execute();
        await this.markSent(manager.getRepository(ReminderDelivery), delivery.id);
        return manager.getRepository(Notification).findOneByOrFail({ deliveryId: delivery.id });
      });
      this.live.to(rooms.user(user.id)).emit('notification:new', toNotificationView(notification));
      return 'sent';
    }

    const link = `${this.config.publicUrl}${path}`;
    const unsubscribe = `${this.config.publicUrl}/unsubscribe?token=${unsubscribeToken(
      this.config.authSecret,
      user.id,
      event.id,
    )}`;
    await this.transport.sendMail({
      // A crash between the server accepting the message and the row being marked sent makes
      // the retry send it again; the fixed Message-ID lets mail systems recognise the copy.
      messageId: `<${delivery.id}@plenum>`,
      from: this.config.mailFrom,
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
    await this.markSent(deliveries, delivery.id);
    this.logger.debug({ deliveryId: delivery.id, kind: delivery.kind }, 'E-mail notice sent');
    return 'sent';
  }

  /** Records a failed attempt; the last one makes the delivery count as failed. */
  async recordFailure(deliveryId: string, error: unknown, final: boolean): Promise<void> {
    const message = error instanceof Error ? error.message : String(error);
    await this.dataSource.getRepository(ReminderDelivery).update(
      { id: deliveryId, status: 'pending' },
      {
        attempts: () => 'attempts + 1',
        lastError: message.slice(0, 2000),
        ...(final && { status: 'failed' as const, failedAt: new Date() }),
      },
    );
  }

  private async markSent(repo: ReturnType<DataSource['getRepository']>, id: string): Promise<void> {
    await repo.update(
      { id },
      { status: 'sent', sentAt: new Date(), attempts: () => 'attempts + 1', lastError: null },
    );
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}
