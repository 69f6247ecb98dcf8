import { Injectable } from '@nestjs/common';
import type { AnnouncementRequest, DeliveryStats, NotificationView } from '@plenum/contracts';
import type { Event, Notification } from '@plenum/db';
import type { Principal } from '@plenum/identity';
import { AuditService } from '@plenum/platform';
import { ReminderDeliveriesRepository } from './reminder-deliveries.repository';
import { ReminderScheduler } from './reminder-scheduler.service';
import { RemindersRepository } from './reminders.repository';

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
    private readonly reminders: RemindersRepository,
    private readonly scheduler: ReminderScheduler,
    private readonly audit: AuditService,
  ) {}

  async list(userId: string, eventId: string): Promise<NotificationView[]> {
    const rows = await this.reminders.notifications(userId, eventId, LIST_SIZE);
    return rows.map(toNotificationView);
  }

  async markAllRead(userId: string, eventId: string): Promise<void> {
    await this.reminders.markAllRead(userId, eventId);
  }

  async announce(
    principal: Principal,
    event: Event,
    input: AnnouncementRequest,
  ): Promise<{ id: string }> {
    const id = await this.reminders.insertAnnouncement({
      eventId: event.id,
      authorId: principal.userId,
      role: input.role,
      channels: [...new Set(input.channels)],
      title: input.title,
      body: input.body,
    });
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
