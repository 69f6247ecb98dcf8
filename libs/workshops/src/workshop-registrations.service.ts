import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { rooms } from '@plenum/contracts';
import type { MyWorkshopRegistration, WorkshopSeats } from '@plenum/contracts';
import type { Session, WorkshopSettings } from '@plenum/db';
import { AccessChangesService } from '@plenum/identity';
import { LiveEmitter, PlenumError } from '@plenum/platform';
import { ReminderScheduler } from '@plenum/reminders';
import { WorkshopQueue } from './workshop-queue';
import { WorkshopRegistrationsRepository } from './workshop-registrations.repository';
import type { RegistrationRow, SeatCounts } from './workshop-registrations.repository';

/** What a change to a workshop's seats did, for the broadcasts after the commit. */
interface SeatChange {
  session: Session;
  /** The seats as the change left them, counted under the lock. */
  seats: WorkshopSeats;
  /** Registered straight onto a seat. */
  confirmed?: string[];
  /** Moved from the waitlist onto a seat. */
  promoted: string[];
}

export function registrationClosesAt(session: Session, settings: WorkshopSettings | null): Date {
  return settings?.registrationClosesAt ?? session.endsAt;
}

function seatsOf(session: Pick<Session, 'id' | 'capacity'>, counts: SeatCounts): WorkshopSeats {
  return {
    sessionId: session.id,
    capacity: session.capacity,
    confirmed: counts.confirmed,
    waitlisted: counts.waitlisted,
    seatsLeft: session.capacity === null ? null : Math.max(0, session.capacity - counts.confirmed),
  };
}

function mineOf(reg: RegistrationRow, position: number | null): MyWorkshopRegistration {
  return {
    sessionId: reg.sessionId,
    status: reg.status,
    position: reg.status === 'waitlisted' ? position : null,
    registeredAt: reg.updatedAt.toISOString(),
    confirmedAt: reg.confirmedAt?.toISOString() ?? null,
  };
}

/**
 * Registration, cancellation and seat changes. Every change locks the workshop's session row
 * first, so changes to one workshop happen one after another and the seat count read under the
 * lock is the truth: no oversell however many people click at once. Each change answers from
 * what it read and wrote under that lock (the person's registration and place, the seats), so
 * a burst of registrations costs one transaction each and no reads after it.
 */
@Injectable()
export class WorkshopRegistrationsService {
  private readonly logger = new Logger(WorkshopRegistrationsService.name);
  private readonly queue = new WorkshopQueue();

  constructor(
    private readonly registrations: WorkshopRegistrationsRepository,
    private readonly live: LiveEmitter,
    private readonly notices: ReminderScheduler,
    private readonly accessChanges: AccessChangesService,
  ) {}

  /** Registering twice is registering once; a full workshop puts the person on the waitlist. */
  async register(
    eventId: string,
    sessionId: string,
    userId: string,
    now = new Date(),
  ): Promise<MyWorkshopRegistration> {
    const { mine, change } = await this.locked(sessionId, async (tx) => {
      const session = await this.lockWorkshop(tx, eventId, sessionId);
      const settings = await this.registrations.settingsOf(tx, sessionId);
      this.assertOpen(session, settings, now);
      const existing = await this.registrations.registrationOf(tx, sessionId, userId);
      if (existing && existing.status !== 'cancelled') {
        return { mine: await this.placeOf(tx, existing) };
      }
      const counts = await this.registrations.countsOf(tx, sessionId);
      const seat = session.capacity === null || counts.confirmed < session.capacity;
      const status = seat ? 'confirmed' : 'waitlisted';
      const confirmedAt = seat ? now : null;
      const reg = existing
        ? await this.registrations.reregister(tx, existing.id, status, confirmedAt)
        : await this.registrations.insert(tx, { sessionId, userId, eventId, status, confirmedAt });
      // The arrival was drawn under the lock, so everyone already waiting is ahead.
      const after = seat
        ? { ...counts, confirmed: counts.confirmed + 1 }
        : { ...counts, waitlisted: counts.waitlisted + 1 };
      return {
        mine: mineOf(reg, after.waitlisted),
        change: {
          session,
          seats: seatsOf(session, after),
          confirmed: seat ? [userId] : [],
          promoted: [],
        },
      };
    });
    if (change) await this.announce(change);
    return mine;
  }

  /** Cancelling frees the seat, and the first on the waitlist takes it in the same transaction. */
  async cancel(
    eventId: string,
    sessionId: string,
    userId: string,
    now = new Date(),
  ): Promise<MyWorkshopRegistration> {
    const { mine, change } = await this.locked(sessionId, async (tx) => {
      const session = await this.lockWorkshop(tx, eventId, sessionId);
      const existing = await this.registrations.registrationOf(tx, sessionId, userId);
      if (!existing || existing.status === 'cancelled') {
        throw new PlenumError(
          'WORKSHOP_NOT_REGISTERED',
          'You are not registered for this workshop',
          409,
        );
      }
      const reg = await this.registrations.cancel(tx, existing.id, now);
      const { promoted, seats } = await this.fillSeats(tx, session, now);
      return { mine: mineOf(reg, null), change: { session, seats, promoted } };
    });
    await this.announce(change);
    // The workshop's room and chat were the registration's: open sockets let go of them.
    await this.accessChanges.publish({ eventId, userId, reason: 'registration-cancelled' });
    return mine;
  }

  /** Raising the seats promotes from the waitlist; lowering keeps everyone already confirmed. */
  async setCapacity(
    eventId: string,
    sessionId: string,
    capacity: number | null,
    now = new Date(),
  ): Promise<WorkshopSeats> {
    const change = await this.locked(sessionId, async (tx) => {
      const session = await this.lockWorkshop(tx, eventId, sessionId);
      await this.registrations.setCapacity(tx, sessionId, capacity);
      session.capacity = capacity;
      const { promoted, seats } = await this.fillSeats(tx, session, now);
      return { session, seats, promoted };
    });
    await this.announce(change);
    return change.seats;
  }

  /** The person's registration and place on the waitlist, if they registered. */
  async mine(sessionId: string, userId: string): Promise<MyWorkshopRegistration | null> {
    const reg = await this.registrations.registration(sessionId, userId);
    if (!reg) return null;
    const ahead =
      reg.status === 'waitlisted'
        ? await this.registrations.waitingAhead(sessionId, reg.arrival)
        : 0;
    return mineOf(reg, ahead + 1);
  }

  async seats(session: Pick<Session, 'id' | 'capacity'>): Promise<WorkshopSeats> {
    return seatsOf(session, await this.registrations.counts(session.id));
  }

  /** Whether the person holds a confirmed seat: what the room, the chat and the materials ask. */
  isConfirmed(sessionId: string, userId: string): Promise<boolean> {
    return this.registrations.isConfirmed(sessionId, userId);
  }

  private locked<T>(sessionId: string, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.queue.run(sessionId, () => this.registrations.transaction(work));
  }

  private async lockWorkshop(tx: EntityManager, eventId: string, sessionId: string) {
    const session = await this.registrations.lockWorkshop(tx, eventId, sessionId);
    if (!session || session.kind !== 'workshop') throw PlenumError.notFound('Workshop not found');
    return session;
  }

  private async placeOf(tx: EntityManager, reg: RegistrationRow): Promise<MyWorkshopRegistration> {
    if (reg.status !== 'waitlisted') return mineOf(reg, null);
    return mineOf(
      reg,
      (await this.registrations.waitingBefore(tx, reg.sessionId, reg.arrival)) + 1,
    );
  }

  private assertOpen(session: Session, settings: WorkshopSettings | null, now: Date): void {
    if (session.state === 'cancelled' || session.state === 'ended') {
      throw new PlenumError(
        'WORKSHOP_REGISTRATION_CLOSED',
        'This workshop takes no more registrations',
        409,
      );
    }
    const opens = settings?.registrationOpensAt;
    if (opens && now < opens) {
      throw new PlenumError(
        'WORKSHOP_REGISTRATION_CLOSED',
        'Registration for this workshop has not opened yet',
        409,
        { details: { opensAt: opens.toISOString() } },
      );
    }
    if (now >= registrationClosesAt(session, settings)) {
      throw new PlenumError(
        'WORKSHOP_REGISTRATION_CLOSED',
        'Registration for this workshop has closed',
        409,
      );
    }
  }

  /**
   * Gives free seats to the waitlist in order of arrival (the workshop is locked, so the first
   * in line cannot change between reading and updating); returns who got one and the seats.
   */
  private async fillSeats(
    tx: EntityManager,
    session: Session,
    now: Date,
  ): Promise<{ promoted: string[]; seats: WorkshopSeats }> {
    const counts = await this.registrations.countsOf(tx, session.id);
    const free = session.capacity === null ? null : session.capacity - counts.confirmed;
    const next =
      free !== null && free <= 0 ? [] : await this.registrations.firstWaiting(tx, session.id, free);
    if (next.length) {
      await this.registrations.confirm(
        tx,
        next.map((r) => r.id),
        now,
      );
    }
    const after = {
      confirmed: counts.confirmed + next.length,
      waitlisted: counts.waitlisted - next.length,
    };
    return { promoted: next.map((r) => r.userId), seats: seatsOf(session, after) };
  }

  /**
   * After the commit: counts to the event's room, a signal to each promoted person's open pages,
   * and the seat notices (in-app and e-mail) queued for the worker, so no request waits on SMTP.
   */
  private async announce(change: SeatChange): Promise<void> {
    const { session, seats, promoted, confirmed = [] } = change;
    try {
      await this.notices.workshopNotice('workshop-seat-confirmed', session.id, confirmed);
      await this.notices.workshopNotice('workshop-promoted', session.id, promoted);
    } catch (err) {
      this.logger.error(
        { err, sessionId: session.id, confirmed, promoted },
        `Could not queue the seat notices of workshop ${session.id}`,
      );
    }
    try {
      this.live.to(rooms.event(session.eventId)).emit('workshop:seats', seats);
      for (const userId of promoted) {
        this.live.to(rooms.user(userId)).emit('workshop:promoted', {
          sessionId: session.id,
          eventId: session.eventId,
          title: session.title,
        });
      }
      if (promoted.length) {
        this.logger.log(
          { sessionId: session.id, promoted },
          `Workshop ${session.id}: ${promoted.length} promoted from the waitlist`,
        );
      }
    } catch (err) {
      // The registrations stand; a missed broadcast is repaired by the next one or a reload.
      this.logger.warn({ err, sessionId: session.id }, `Could not announce seats of ${session.id}`);
    }
  }
}
