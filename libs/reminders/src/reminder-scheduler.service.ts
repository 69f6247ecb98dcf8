import { Injectable, Logger } from '@nestjs/common';
import { InjectQueue } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DEFAULT_REMINDER_OFFSETS, queueNames } from '@plenum/contracts';
import type { ReminderJob } from '@plenum/contracts';
import { reminderJobId, workshopNoticeJobId } from './reminder-jobs';
import type { WorkshopNoticeKind } from './reminder-jobs';
import { RemindersRepository } from './reminders.repository';
import type { SessionTiming } from './reminders.repository';

const reminderJobOptions = {
  removeOnComplete: { count: 1_000 },
  removeOnFail: { count: 5_000 },
  attempts: 3,
  backoff: { type: 'exponential', delay: 5_000 },
} as const;

/**
 * Keeps one delayed job per session and reminder offset on the reminders queue. The job id holds
 * the start time, so moving a session removes the old ids and adds new ones, and adding the same
 * job twice is a no-op.
 */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger(ReminderScheduler.name);

  constructor(
    @InjectQueue(queueNames.reminders) private readonly queue: Queue<ReminderJob>,
    private readonly reminders: RemindersRepository,
  ) {}

  async offsetsFor(eventId: string): Promise<number[]> {
    return (await this.reminders.eventOffsets(eventId)) ?? [...DEFAULT_REMINDER_OFFSETS];
  }

  /** Schedules the session's reminders that are still in the future; returns how many. */
  async schedule(session: SessionTiming, offsets?: number[]): Promise<number> {
    if (session.state !== 'scheduled') return 0;
    const now = Date.now();
    const list = offsets ?? (await this.offsetsFor(session.eventId));
    const jobs = list
      .map((offsetMinutes) => ({
        offsetMinutes,
        dueAt: session.startsAt.getTime() - offsetMinutes * 60_000,
      }))
      .filter((j) => j.dueAt > now)
      .map(({ offsetMinutes, dueAt }) => ({
        name: 'reminder',
        data: {
          kind: 'reminder' as const,
          sessionId: session.id,
          offsetMinutes,
          startsAt: session.startsAt.toISOString(),
        },
        opts: {
          ...reminderJobOptions,
          jobId: reminderJobId(session.id, offsetMinutes, session.startsAt),
          delay: dueAt - now,
        },
      }));
    if (jobs.length > 0) await this.queue.addBulk(jobs);
    return jobs.length;
  }

  /** Removes the jobs for the given start time (the old one, when a session moved). */
  async unschedule(sessionId: string, startsAt: Date, offsets: number[]): Promise<void> {
    await Promise.all(
      offsets.map((offset) => this.queue.remove(reminderJobId(sessionId, offset, startsAt))),
    );
  }

  /** Called after a session's time or state changed and the change was committed. */
  async sessionChanged(before: SessionTiming, after: SessionTiming): Promise<void> {
    const offsets = await this.offsetsFor(after.eventId);
    const moved = before.startsAt.getTime() !== after.startsAt.getTime();
    if (moved || after.state !== 'scheduled') {
      await this.unschedule(before.id, before.startsAt, offsets);
    }
    await this.schedule(after, offsets);
    const future = after.startsAt.getTime() > Date.now();
    if (before.state !== 'cancelled' && after.state === 'cancelled' && future) {
      await this.queue.add(
        'session-cancelled',
        { kind: 'session-cancelled', sessionId: after.id, sequence: after.sequence },
        { ...reminderJobOptions, jobId: `cancelled_${after.id}_${after.sequence}` },
      );
    } else if (moved && after.state === 'scheduled' && future) {
      await this.queue.add(
        'session-moved',
        { kind: 'session-moved', sessionId: after.id, sequence: after.sequence },
        { ...reminderJobOptions, jobId: `moved_${after.id}_${after.sequence}` },
      );
    }
    this.logger.debug({ sessionId: after.id, moved, state: after.state }, 'Reminders updated');
  }

  /** New offsets for an event: every future session's jobs move to them. */
  async offsetsChanged(eventId: string, previous: number[], next: number[]): Promise<void> {
    const sessions = await this.reminders.futureSessions(eventId);
    for (const session of sessions) {
      await this.unschedule(session.id, session.startsAt, previous);
      await this.schedule(session, next);
    }
  }

  /** Schedules every future session of an event (after a bulk change such as an import). */
  async scheduleEvent(eventId: string): Promise<number> {
    const offsets = await this.offsetsFor(eventId);
    const sessions = await this.reminders.futureSessions(eventId);
    let added = 0;
    for (const session of sessions) added += await this.schedule(session, offsets);
    return added;
  }

  async announce(announcementId: string): Promise<void> {
    await this.queue.add(
      'announcement',
      { kind: 'announcement', announcementId },
      { ...reminderJobOptions, jobId: `announcement_${announcementId}` },
    );
  }

  /** Seat confirmed or promoted from the waitlist: one notice job per person, sent by the worker. */
  async workshopNotice(
    notice: WorkshopNoticeKind,
    sessionId: string,
    userIds: string[],
  ): Promise<void> {
    if (userIds.length === 0) return;
    await this.queue.addBulk(
      userIds.map((userId) => ({
        name: notice,
        data: { kind: 'workshop-notice' as const, notice, sessionId, userId },
        opts: { ...reminderJobOptions, jobId: workshopNoticeJobId(notice, sessionId, userId) },
      })),
    );
  }

  /**
   * Adds every future reminder job that Redis lacks (after a Redis loss or a missed change).
   * Adding an existing id is a no-op, and deliveries are unique rows, so nothing doubles.
   */
  async rebuild(): Promise<number> {
    const sessions = await this.reminders.futureSessions();
    const offsetsByEvent = new Map<string, number[]>();
    let added = 0;
    for (const session of sessions) {
      let offsets = offsetsByEvent.get(session.eventId);
      if (!offsets) {
        offsets = await this.offsetsFor(session.eventId);
        offsetsByEvent.set(session.eventId, offsets);
      }
      added += await this.schedule(session, offsets);
    }
    this.logger.log(
      { sessions: sessions.length, jobs: added },
      'Reminder jobs rebuilt from PostgreSQL',
    );
    return added;
  }
}
