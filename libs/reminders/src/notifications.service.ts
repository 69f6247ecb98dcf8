import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull } from 'typeorm';
import type { Repository } from 'typeorm';
import type { AnnouncementRequest, DeliveryStats, NotificationView } from '@plenum/contracts';
import { Announcement, Notification } from '@plenum/db';
import type { Event } from '@plenum/db';
import type { Principal } from '@plenum/identity';
import { AuditService } from '@plenum/platform';
import { ReminderDeliveriesRepository } from './reminder-deliveries.repository';
import { ReminderScheduler } from './reminder-scheduler.service';

const LIST_SIZE = 50;

export function toNotificationView(n: Notification): NotificationView {
  return {
    id: n.id,
    eventId: n.eventId,
    kind: n.kind,
    title: n.title,
    body: n.body,
    link: n.link,
    sessionId: n.sessionId,
    createdAt: n.createdAt.toISOString(),
    readAt: n.readAt?.toISOString() ?? null,
  };
}

/** A person's notification list, the organizers' announcements and the delivery counts. */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly deliveries: ReminderDeliveriesRepository,
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    @InjectRepository(Announcement) private readonly announcements: Repository<Announcement>,
    private readonly scheduler: ReminderScheduler,
    private readonly audit: AuditService,
  ) {}

  async list(userId: string, eventId: string): Promise<NotificationView[]> {
    const rows = await this.notifications.find({
      where: { userId, eventId },
      order: { createdAt: 'DESC' },
      take: LIST_SIZE,
    });
    return rows.map(toNotificationView);
  }

  async markAllRead(userId: string, eventId: string): Promise<void> {
    await this.notifications.update({ userId, eventId, readAt: IsNull() }, { readAt: new Date() });
  }

  async announce(
    principal: Principal,
    event: Event,
    input: AnnouncementRequest,
  ): Promise<{ id: string }> {
    const inserted = await this.announcements.insert({
      eventId: event.id,
      authorId: principal.userId,
      role: input.role,
      channels: [...new Set(input.channels)],
      title: input.title,
      body: input.body,
    });
    const id = (inserted.identifiers[0] as { id: string }).id;
    await this.audit.record({
      eventId: event.id,
      actorId: principal.userId,
      action: 'announcement.sent',
      targetType: 'announcement',
      targetId: id,
      details: { role: input.role, channels: input.channels },
    });
    await this.scheduler.announce(id);
    return { id };
  }

  async stats(eventId: string): Promise<DeliveryStats> {
    const counts = await this.deliveries.statusCounts(eventId);
    const failures = await this.deliveries.recentFailures(eventId);
    const count = (status: string): number =>
      Number(counts.find((c) => c.status === status)?.count ?? 0);
    return {
      sent: count('sent'),
      failed: count('failed'),
      pending: count('pending') + count('sending'),
      recentFailures: failures.map((f) => ({
        channel: f.channel,
        error: f.last_error ?? '',
        at: f.failed_at.toISOString(),
      })),
    };
  }
}
