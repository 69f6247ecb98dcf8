import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnApplicationShutdown } from '@nestjs/common';
import nodemailer from 'nodemailer';
import type { Transporter } from 'nodemailer';
import { DataSource, In } from 'typeorm';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { rooms } from '@plenum/contracts';
import { Announcement, Event, Notification, ReminderDelivery, Session, User } from '@plenum/db';
import { LiveEmitter } from '@plenum/platform';
import { renderCalendar } from '@plenum/programme';
import { toNotificationView, unsubscribeToken } from '@plenum/reminders';
import { formatWhen, mailFooter, noticePath, noticeText } from './reminder-texts';

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
    const path = noticePath(event.slug, delivery.kind, session?.id ?? null);

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

  /**
   * In-app notices for one fan-out page: one transaction writes the notifications and marks the
   * rows sent (only rows still pending, so a retry writes nothing twice), then each is pushed.
   */
  async deliverInApp(ids: string[]): Promise<DeliveryOutcome> {
    const rows = await this.dataSource
      .getRepository(ReminderDelivery)
      .find({ where: { id: In(ids), status: 'pending', channel: 'in-app' } });
    const first = rows[0];
    if (!first) return 'already-sent';
    const event = await this.dataSource.getRepository(Event).findOneByOrFail({ id: first.eventId });
    const session = first.sessionId
      ? await this.dataSource.getRepository(Session).findOneBy({ id: first.sessionId })
      : null;
    const announcement = first.announcementId
      ? await this.dataSource.getRepository(Announcement).findOneBy({ id: first.announcementId })
      : null;
    if (first.sessionId && !session) return 'gone';
    const users = await this.dataSource.getRepository(User).find({
      select: { id: true, locale: true },
      where: { id: In(rows.map((r) => r.userId)) },
    });
    const localeOf = new Map(users.map((u) => [u.id, u.locale]));
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
          offsetMinutes: first.offsetMinutes,
          announcementTitle: announcement?.title ?? null,
          announcementBody: announcement?.body ?? null,
        }),
      ]),
    );
    const written = await this.dataSource.transaction(async (manager) => {
      const marked = await manager
        .getRepository(ReminderDelivery)
        .createQueryBuilder()
        .update()
        .set({
          status: 'sent',
          sentAt: new Date(),
          attempts: () => 'attempts + 1',
          lastError: null,
        })
        .where('id IN (:...ids) AND status = :pending', {
          ids: rows.map((r) => r.id),
          pending: 'pending',
        })
        .returning(['id'])
        .execute();
      const sentIds = new Set((marked.raw as Array<{ id: string }>).map((r) => r.id));
      const values = rows
        .filter((r) => sentIds.has(r.id))
        .map((r) => {
          const text = texts.get(localeOf.get(r.userId) ?? event.defaultLocale)!;
          return {
            userId: r.userId,
            eventId: event.id,
            deliveryId: r.id,
            kind: r.kind,
            title: text.title,
            body: text.body,
            link: path,
            sessionId: session?.id ?? null,
          };
        });
      if (values.length === 0) return [];
      await manager
        .getRepository(Notification)
        .createQueryBuilder()
        .insert()
        .values(values)
        .orIgnore()
        .execute();
      return manager
        .getRepository(Notification)
        .find({ where: { deliveryId: In(values.map((v) => v.deliveryId)) } });
    });
    for (const notification of written) {
      this.live
        .to(rooms.user(notification.userId))
        .emit('notification:new', toNotificationView(notification));
    }
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
