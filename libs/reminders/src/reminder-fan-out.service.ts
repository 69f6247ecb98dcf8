import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { queueNames } from '@plenum/contracts';
import type { DeliveryJob, NotificationChannel, ReminderJob } from '@plenum/contracts';
import { FIRST_USER, ReminderAudienceRepository } from './reminder-audience.repository';
import type { AudienceMember } from './reminder-audience.repository';
import { ReminderDeliveriesRepository } from './reminder-deliveries.repository';
import type { DeliveryNotice, WantedDelivery } from './reminder-deliveries.repository';
import { deliveryJobId, deliveryJobOptions, deliverySubjects } from './reminder-jobs';
import { ReminderScheduler } from './reminder-scheduler.service';

/** People loaded and deliveries enqueued per round trip. */
export const FAN_OUT_BATCH = 1_000;

export interface FanOutResult {
  skipped?: string;
  people: number;
  deliveries: number;
}

type Wanted = WantedDelivery;
type Notice = DeliveryNotice;

/**
 * Sends the in-app notices of one batch of delivery rows right away (written to the notification
 * list, pushed to each person's room, then marked sent). The worker passes its implementation
 * to `run`; without one the rows go to the deliveries queue as one job per batch.
 */
export type InAppSender = (deliveryIds: string[]) => Promise<unknown>;

/**
 * Turns a due reminder (or a session change, or an announcement) into one delivery row per
 * person and channel, a batch of people at a time: one INSERT … ON CONFLICT DO NOTHING RETURNING
 * per batch (the unique row is the idempotency key). The batch's in-app notices are sent inside
 * the fan-out; e-mails become one `deliveries` job each, enqueued with addBulk after every
 * batch's in-app notices went out, so slow SMTP never delays a toast. A fan-out retried after a
 * crash finds the rows it wrote and re-sends or re-enqueues those not yet sent; nothing doubles
 * except an in-app push cut off before its rows were marked sent (the client dedupes by id).
 */
@Injectable()
export class ReminderFanOut {
  private readonly logger = new Logger(ReminderFanOut.name);

  constructor(
    private readonly rows: ReminderDeliveriesRepository,
    private readonly audience: ReminderAudienceRepository,
    private readonly scheduler: ReminderScheduler,
    @InjectQueue(queueNames.deliveries) private readonly deliveries: Queue<DeliveryJob>,
  ) {}

  async run(job: ReminderJob, inApp?: InAppSender): Promise<FanOutResult> {
    switch (job.kind) {
      case 'rebuild':
        return { people: 0, deliveries: await this.scheduler.rebuild() };
      case 'announcement':
        return this.announcement(job.announcementId, inApp);
      case 'workshop-notice':
        return this.workshopNotice(job, inApp);
      case 'reminder':
      case 'session-moved':
      case 'session-cancelled':
        return this.session(job, inApp);
    }
  }

  private async session(
    job: Extract<ReminderJob, { kind: 'reminder' | 'session-moved' | 'session-cancelled' }>,
    inApp?: InAppSender,
  ): Promise<FanOutResult> {
    const session = await this.rows.findSession(job.sessionId);
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
      inApp,
    );
  }

  private async announcement(id: string, inApp?: InAppSender): Promise<FanOutResult> {
    const announcement = await this.rows.findAnnouncement(id);
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
      inApp,
    );
  }

  /** A seat confirmed or a promotion, to the one person it concerns, on the channels they chose. */
  private async workshopNotice(
    job: Extract<ReminderJob, { kind: 'workshop-notice' }>,
    inApp?: InAppSender,
  ): Promise<FanOutResult> {
    const session = await this.rows.findSession(job.sessionId);
    if (!session) return { skipped: 'session deleted', people: 0, deliveries: 0 };
    if (session.state === 'cancelled' || session.state === 'ended')
      return { skipped: `workshop ${session.state}`, people: 0, deliveries: 0 };
    // Cancelled again before the notice went out: telling them of a seat they gave up misleads.
    const holdsSeat = await this.rows.holdsWorkshopSeat(session.id, job.userId);
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
      inApp,
    );
  }

  private async walk(
    page: (afterUserId: string) => Promise<AudienceMember[]>,
    notice: Notice,
    channelsFor: (member: AudienceMember) => NotificationChannel[],
    inApp?: InAppSender,
  ): Promise<FanOutResult> {
    let people = 0;
    let deliveries = 0;
    // E-mail rows are written after every in-app notice is out: half the rows on the path of
    // the notices that have to be quick.
    const later: Wanted[] = [];
    let members = await page(FIRST_USER);
    while (members.length > 0) {
      const started = Date.now();
      // The next page is read while this one is sent.
      const next =
        members.length < FAN_OUT_BATCH
          ? Promise.resolve([])
          : page(members[members.length - 1]!.userId);
      void next.catch(() => undefined);
      people += members.length;
      const now: Wanted[] = [];
      for (const m of members) {
        if (!m.enabled) continue;
        for (const channel of channelsFor(m)) {
          (channel === 'in-app' ? now : later).push({ userId: m.userId, channel });
        }
      }
      if (now.length > 0) {
        const rows = await this.insertBatch(notice, now);
        const inserted = Date.now();
        deliveries += rows.length;
        if (rows.length > 0) {
          await this.sendInApp(
            rows.map((r) => r.id),
            inApp,
          );
        }
        this.logger.debug(
          {
            subject: notice.subject,
            people,
            insertMs: inserted - started,
            inAppMs: Date.now() - inserted,
          },
          'Fan-out batch sent in-app',
        );
      }
      members = await next;
    }
    for (let i = 0; i < later.length; i += FAN_OUT_BATCH) {
      const rows = await this.insertBatch(notice, later.slice(i, i + FAN_OUT_BATCH));
      deliveries += rows.length;
      await this.deliveries.addBulk(
        rows.map((row) => ({
          name: 'deliver',
          data: { deliveryId: row.id },
          opts: { ...deliveryJobOptions, jobId: deliveryJobId(row.id) },
        })),
      );
    }
    this.logger.log(
      { subject: notice.subject, people, deliveries },
      `Fanned out ${notice.kind} to ${people} people`,
    );
    return { people, deliveries };
  }

  /**
   * Inserts one batch's rows in one statement and returns those still to be sent: the new rows,
   * and, when some already existed (a retry after a crash), the existing rows not yet sent.
   */
  private async insertBatch(notice: Notice, wanted: Wanted[]): Promise<Array<{ id: string }>> {
    const inserted = await this.rows.insertDeliveries(notice, wanted);
    if (inserted.length === wanted.length) return inserted;
    return this.rows.unsentDeliveries(notice.subject, wanted);
  }

  private async sendInApp(ids: string[], inApp?: InAppSender): Promise<void> {
    if (inApp) {
      await inApp(ids);
      return;
    }
    // The same batch after a crash has the same first row, so the id stops a second job.
    await this.deliveries.add(
      'deliver-in-app',
      { deliveryIds: ids },
      { ...deliveryJobOptions, jobId: `inapp_${[...ids].sort()[0]!}` },
    );
  }
}
