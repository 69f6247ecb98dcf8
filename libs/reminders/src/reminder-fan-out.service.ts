import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource, In } from 'typeorm';
import { queueNames } from '@plenum/contracts';
import type {
  DeliveryJob,
  NotificationChannel,
  NotificationKind,
  ReminderJob,
} from '@plenum/contracts';
import { Announcement, ReminderDelivery, Session, WorkshopRegistration } from '@plenum/db';
import { FIRST_USER, ReminderAudience } from './reminder-audience.service';
import type { AudienceMember } from './reminder-audience.service';
import { deliveryJobId, deliveryJobOptions, deliverySubjects } from './reminder-jobs';
import { ReminderScheduler } from './reminder-scheduler.service';

/** People loaded and deliveries enqueued per round trip. */
export const FAN_OUT_BATCH = 1_000;

export interface FanOutResult {
  skipped?: string;
  people: number;
  deliveries: number;
}

interface Notice {
  eventId: string;
  kind: NotificationKind;
  subject: string;
  sessionId: string | null;
  announcementId: string | null;
  offsetMinutes: number | null;
}

/**
 * Turns a due reminder (or a session change, or an announcement) into one delivery row and one
 * delivery job per person and channel. Rows are inserted first with ON CONFLICT DO NOTHING, and
 * every still-pending row of a batch is enqueued under an id derived from the row, so a fan-out
 * that is retried after a crash re-enqueues what it may have missed and doubles nothing.
 */
@Injectable()
export class ReminderFanOut {
  private readonly logger = new Logger(ReminderFanOut.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly audience: ReminderAudience,
    private readonly scheduler: ReminderScheduler,
    @InjectQueue(queueNames.deliveries) private readonly deliveries: Queue<DeliveryJob>,
  ) {}

  async run(job: ReminderJob): Promise<FanOutResult> {
    switch (job.kind) {
      case 'rebuild':
        return { people: 0, deliveries: await this.scheduler.rebuild() };
      case 'announcement':
        return this.announcement(job.announcementId);
      case 'workshop-notice':
        return this.workshopNotice(job);
      case 'reminder':
      case 'session-moved':
      case 'session-cancelled':
        return this.session(job);
    }
  }

  private async session(
    job: Extract<ReminderJob, { kind: 'reminder' | 'session-moved' | 'session-cancelled' }>,
  ): Promise<FanOutResult> {
    const session = await this.dataSource.getRepository(Session).findOneBy({ id: job.sessionId });
    if (!session) return { skipped: 'session deleted', people: 0, deliveries: 0 };
    let notice: Notice;
    const base = { eventId: session.eventId, sessionId: session.id, announcementId: null };
    if (job.kind === 'reminder') {
      // A job that outlived a move or a cancellation (its removal raced with it firing).
      if (session.state !== 'scheduled')
        return { skipped: 'not scheduled', people: 0, deliveries: 0 };
      if (session.startsAt.toISOString() !== new Date(job.startsAt).toISOString())
        return { skipped: 'moved', people: 0, deliveries: 0 };
      const offsets = await this.scheduler.offsetsFor(session.eventId);
      if (!offsets.includes(job.offsetMinutes))
        return { skipped: 'offset removed', people: 0, deliveries: 0 };
      notice = {
        ...base,
        kind: 'reminder',
        offsetMinutes: job.offsetMinutes,
        subject: deliverySubjects.reminder(session.id, job.offsetMinutes, session.startsAt),
      };
    } else {
      if (session.sequence !== job.sequence)
        return { skipped: 'superseded', people: 0, deliveries: 0 };
      notice = {
        ...base,
        kind: job.kind,
        offsetMinutes: null,
        subject:
          job.kind === 'session-moved'
            ? deliverySubjects.moved(session.id, job.sequence)
            : deliverySubjects.cancelled(session.id, job.sequence),
      };
    }
    const offset = notice.offsetMinutes;
    const eventOffsets = offset === null ? [] : await this.scheduler.offsetsFor(session.eventId);
    return this.walk(
      (after) => this.audience.sessionPage(session, after, FAN_OUT_BATCH),
      notice,
      (member) =>
        offset === null || (member.offsetsMinutes ?? eventOffsets).includes(offset)
          ? member.channels
          : [],
    );
  }

  private async announcement(id: string): Promise<FanOutResult> {
    const announcement = await this.dataSource.getRepository(Announcement).findOneBy({ id });
    if (!announcement) return { skipped: 'announcement deleted', people: 0, deliveries: 0 };
    const notice: Notice = {
      eventId: announcement.eventId,
      kind: 'announcement',
      subject: deliverySubjects.announcement(id),
      sessionId: null,
      announcementId: id,
      offsetMinutes: null,
    };
    return this.walk(
      (after) =>
        this.audience.eventPage(announcement.eventId, announcement.role, after, FAN_OUT_BATCH),
      notice,
      (member) => member.channels.filter((c) => announcement.channels.includes(c)),
    );
  }

  /** A seat confirmed or a promotion, to the one person it concerns, on the channels they chose. */
  private async workshopNotice(
    job: Extract<ReminderJob, { kind: 'workshop-notice' }>,
  ): Promise<FanOutResult> {
    const session = await this.dataSource.getRepository(Session).findOneBy({ id: job.sessionId });
    if (!session) return { skipped: 'session deleted', people: 0, deliveries: 0 };
    if (session.state === 'cancelled' || session.state === 'ended')
      return { skipped: `workshop ${session.state}`, people: 0, deliveries: 0 };
    // Cancelled again before the notice went out: telling them of a seat they gave up misleads.
    const holdsSeat = await this.dataSource.getRepository(WorkshopRegistration).existsBy({
      sessionId: session.id,
      userId: job.userId,
      status: 'confirmed',
    });
    if (!holdsSeat) return { skipped: 'no longer confirmed', people: 0, deliveries: 0 };
    const notice: Notice = {
      eventId: session.eventId,
      kind: job.notice,
      subject: deliverySubjects.workshop(job.notice, session.id),
      sessionId: session.id,
      announcementId: null,
      offsetMinutes: null,
    };
    return this.walk(
      (after) => this.audience.personPage(session.eventId, job.userId, after, FAN_OUT_BATCH),
      notice,
      (member) => member.channels,
    );
  }

  private async walk(
    page: (afterUserId: string) => Promise<AudienceMember[]>,
    notice: Notice,
    channelsFor: (member: AudienceMember) => NotificationChannel[],
  ): Promise<FanOutResult> {
    let after = FIRST_USER;
    let people = 0;
    let deliveries = 0;
    for (;;) {
      const members = await page(after);
      if (members.length === 0) break;
      after = members[members.length - 1]!.userId;
      people += members.length;
      const rows = members
        .filter((m) => m.enabled)
        .flatMap((m) =>
          channelsFor(m).map((channel) => ({
            eventId: notice.eventId,
            userId: m.userId,
            subject: notice.subject,
            kind: notice.kind,
            sessionId: notice.sessionId,
            announcementId: notice.announcementId,
            offsetMinutes: notice.offsetMinutes,
            channel,
          })),
        );
      if (rows.length > 0) deliveries += await this.enqueue(notice.subject, rows);
      if (members.length < FAN_OUT_BATCH) break;
    }
    this.logger.log(
      { subject: notice.subject, people, deliveries },
      `Fanned out ${notice.kind} to ${people} people`,
    );
    return { people, deliveries };
  }

  private async enqueue(subject: string, rows: Partial<ReminderDelivery>[]): Promise<number> {
    const repo = this.dataSource.getRepository(ReminderDelivery);
    await repo.createQueryBuilder().insert().values(rows).orIgnore().execute();
    const pending = await repo.find({
      select: { id: true, channel: true },
      where: {
        subject,
        userId: In([...new Set(rows.map((r) => r.userId!))]),
        status: 'pending',
      },
      order: { id: 'ASC' },
    });
    const inApp = pending.filter((row) => row.channel === 'in-app');
    const jobs = pending
      .filter((row) => row.channel !== 'in-app')
      .map((row) => ({
        name: 'deliver',
        data: { deliveryId: row.id },
        // BullMQ takes un-prioritised jobs before prioritised ones, so both get a priority.
        opts: { ...deliveryJobOptions, jobId: deliveryJobId(row.id), priority: 10 },
      }));
    if (inApp.length > 0) {
      // The same page after a crash has the same first row, so the id stops a second job.
      jobs.unshift({
        name: 'deliver-in-app',
        data: { deliveryIds: inApp.map((row) => row.id) },
        opts: { ...deliveryJobOptions, jobId: `inapp_${inApp[0]!.id}`, priority: 1 },
      } as never);
    }
    await this.deliveries.addBulk(jobs);
    return pending.length;
  }
}
