import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { In } from 'typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { rooms } from '@plenum/contracts';
import type { MyWorkshopRegistration, WorkshopSeats } from '@plenum/contracts';
import { Session, WorkshopRegistration, WorkshopSettings } from '@plenum/db';
import { AccessChangesService } from '@plenum/identity';
import { LiveEmitter, PlenumError } from '@plenum/platform';
import { ReminderScheduler } from '@plenum/reminders';
import { WorkshopQueue } from './workshop-queue';

/** What a change to a workshop's seats did, for the broadcasts after the commit. */
interface SeatChange {
  session: Session;
  /** Registered straight onto a seat. */
  confirmed?: string[];
  /** Moved from the waitlist onto a seat. */
  promoted: string[];
}

export function registrationClosesAt(session: Session, settings: WorkshopSettings | null): Date {
  return settings?.registrationClosesAt ?? session.endsAt;
}

/**
 * Registration, cancellation and seat changes. Every change locks the workshop's session row
 * first, so changes to one workshop happen one after another and the seat count read under the
 * lock is the truth: no oversell however many people click at once. The lock is
 * `FOR NO KEY UPDATE`: it excludes the other writers here but not the foreign-key checks of
 * unrelated inserts (agenda items, chat) that reference the session.
 */
@Injectable()
export class WorkshopRegistrationsService {
  private readonly logger = new Logger(WorkshopRegistrationsService.name);
  private readonly queue = new WorkshopQueue();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly live: LiveEmitter,
    private readonly notices: ReminderScheduler,
    private readonly accessChanges: AccessChangesService,
  ) {}

  async register(eventId: string, sessionId: string, userId: string, now = new Date()) {
    const change = await this.locked(sessionId, async (tx) => {
      const session = await this.lockWorkshop(tx, eventId, sessionId);
      const settings = await tx.findOneBy(WorkshopSettings, { sessionId });
      this.assertOpen(session, settings, now);
      const existing = await tx.findOneBy(WorkshopRegistration, { sessionId, userId });
      if (existing && existing.status !== 'cancelled')
        return { session, promoted: [], changed: false };
      const confirmed = await this.count(tx, sessionId, 'confirmed');
      const seat = session.capacity === null || confirmed < session.capacity;
      const status = seat ? 'confirmed' : 'waitlisted';
      if (existing) {
        // Coming back after cancelling: a new place at the end of the queue.
        await tx
          .createQueryBuilder()
          .update(WorkshopRegistration)
          .set({
            status,
            confirmedAt: seat ? now : null,
            cancelledAt: null,
            arrival: () => `nextval(pg_get_serial_sequence('workshop_registrations', 'arrival'))`,
          })
          .where('id = :id', { id: existing.id })
          .execute();
      } else {
        await tx.insert(WorkshopRegistration, {
          sessionId,
          userId,
          eventId,
          status,
          confirmedAt: seat ? now : null,
        });
      }
      return { session, confirmed: seat ? [userId] : [], promoted: [], changed: true };
    });
    if (change.changed) await this.announce(change);
    return this.mine(sessionId, userId);
  }

  /** Cancelling frees the seat, and the first on the waitlist takes it in the same transaction. */
  async cancel(eventId: string, sessionId: string, userId: string, now = new Date()) {
    const change = await this.locked(sessionId, async (tx) => {
      const session = await this.lockWorkshop(tx, eventId, sessionId);
      const existing = await tx.findOneBy(WorkshopRegistration, { sessionId, userId });
      if (!existing || existing.status === 'cancelled') {
        throw new PlenumError(
          'WORKSHOP_NOT_REGISTERED',
          'You are not registered for this workshop',
          409,
        );
      }
      await tx.update(
        WorkshopRegistration,
        { id: existing.id },
        { status: 'cancelled', cancelledAt: now },
      );
      const promoted = await this.fillSeats(tx, session, now);
      return { session, promoted };
    });
    await this.announce(change);
    // The workshop's room and chat were the registration's: open sockets let go of them.
    await this.accessChanges.publish({ eventId, userId, reason: 'registration-cancelled' });
    return this.mine(sessionId, userId);
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
      await tx.update(Session, { id: sessionId }, { capacity });
      session.capacity = capacity;
      const promoted = await this.fillSeats(tx, session, now);
      return { session, promoted };
    });
    await this.announce(change);
    return this.seats(change.session);
  }

  async mine(sessionId: string, userId: string): Promise<MyWorkshopRegistration | null> {
    const reg = await this.dataSource.manager.findOneBy(WorkshopRegistration, {
      sessionId,
      userId,
    });
    if (!reg) return null;
    return {
      sessionId,
      status: reg.status,
      position:
        reg.status === 'waitlisted' ? await this.position(this.dataSource.manager, reg) : null,
      registeredAt: reg.updatedAt.toISOString(),
      confirmedAt: reg.confirmedAt?.toISOString() ?? null,
    };
  }

  async seats(session: Pick<Session, 'id' | 'capacity'>): Promise<WorkshopSeats> {
    const rows = await this.dataSource.manager
      .createQueryBuilder(WorkshopRegistration, 'r')
      .select('r.status', 'status')
      .addSelect('count(*)::int', 'n')
      .where('r.session_id = :id', { id: session.id })
      .andWhere("r.status <> 'cancelled'")
      .groupBy('r.status')
      .getRawMany<{ status: string; n: number }>();
    const confirmed = rows.find((r) => r.status === 'confirmed')?.n ?? 0;
    const waitlisted = rows.find((r) => r.status === 'waitlisted')?.n ?? 0;
    return {
      sessionId: session.id,
      capacity: session.capacity,
      confirmed,
      waitlisted,
      seatsLeft: session.capacity === null ? null : Math.max(0, session.capacity - confirmed),
    };
  }

  /** Whether the person holds a confirmed seat: what the room, the chat and the materials ask. */
  isConfirmed(sessionId: string, userId: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(WorkshopRegistration, {
      sessionId,
      userId,
      status: 'confirmed',
    });
  }

  private locked<T>(sessionId: string, work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.queue.run(sessionId, () => this.dataSource.transaction(work));
  }

  private async lockWorkshop(tx: EntityManager, eventId: string, sessionId: string) {
    const session = await tx
      .createQueryBuilder(Session, 's')
      .where('s.id = :sessionId AND s.event_id = :eventId', { sessionId, eventId })
      .setLock('for_no_key_update')
      .getOne();
    if (!session || session.kind !== 'workshop') throw PlenumError.notFound('Workshop not found');
    return session;
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

  /** Gives free seats to the waitlist in order of arrival; returns who got one. */
  private async fillSeats(tx: EntityManager, session: Session, now: Date): Promise<string[]> {
    if (session.capacity !== null) {
      const confirmed = await this.count(tx, session.id, 'confirmed');
      const free = session.capacity - confirmed;
      if (free <= 0) return [];
      return this.promote(tx, session.id, now, free);
    }
    return this.promote(tx, session.id, now, null);
  }

  private async promote(
    tx: EntityManager,
    sessionId: string,
    now: Date,
    limit: number | null,
  ): Promise<string[]> {
    // The workshop is locked, so the first in line cannot change between reading and updating.
    const first = tx
      .createQueryBuilder(WorkshopRegistration, 'w')
      .where("w.session_id = :sessionId AND w.status = 'waitlisted'", { sessionId })
      .orderBy('w.arrival', 'ASC');
    if (limit !== null) first.take(limit);
    const next = await first.getMany();
    if (next.length === 0) return [];
    await tx.update(
      WorkshopRegistration,
      { id: In(next.map((r) => r.id)) },
      { status: 'confirmed', confirmedAt: now },
    );
    return next.map((r) => r.userId);
  }

  private count(tx: EntityManager, sessionId: string, status: 'confirmed' | 'waitlisted') {
    return tx.countBy(WorkshopRegistration, { sessionId, status });
  }

  private async position(tx: EntityManager, reg: WorkshopRegistration): Promise<number> {
    const ahead = await tx
      .createQueryBuilder(WorkshopRegistration, 'r')
      .where("r.session_id = :sessionId AND r.status = 'waitlisted' AND r.arrival < :arrival", {
        sessionId: reg.sessionId,
        arrival: reg.arrival,
      })
      .getCount();
    return ahead + 1;
  }

  /**
   * After the commit: counts to the event's room, a signal to each promoted person's open pages,
   * and the seat notices (in-app and e-mail) queued for the worker, so no request waits on SMTP.
   */
  private async announce(change: SeatChange): Promise<void> {
    const { session, promoted, confirmed = [] } = change;
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
      const seats = await this.seats(session);
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
