import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { WorkshopRegistrationStatus } from '@plenum/contracts';
import { Session, WorkshopRegistration, WorkshopSettings } from '@plenum/db';
import { GenerateSql, SQL_MANAGER, SQL_UUID } from '@plenum/platform';

/** A registration as the person who holds it sees it. */
export interface RegistrationRow {
  id: string;
  sessionId: string;
  userId: string;
  status: WorkshopRegistrationStatus;
  /** The place in the order of arrival (a bigint, as text). */
  arrival: string;
  confirmedAt: Date | null;
  updatedAt: Date;
}

/** Registrations of a workshop that hold a seat or wait for one. */
export interface SeatCounts {
  confirmed: number;
  waitlisted: number;
}

export interface NewRegistration {
  sessionId: string;
  userId: string;
  eventId: string;
  status: 'confirmed' | 'waitlisted';
  confirmedAt: Date | null;
}

interface RawRegistration {
  id: string;
  session_id: string;
  user_id: string;
  status: WorkshopRegistrationStatus;
  arrival: string;
  confirmed_at: Date | null;
  updated_at: Date;
}

const RETURNING = 'id, session_id, user_id, status, arrival, confirmed_at, updated_at';
const SQL_AT = new Date('2026-05-04T10:00:00Z');

function toRow(raw: RawRegistration): RegistrationRow {
  return {
    id: raw.id,
    sessionId: raw.session_id,
    userId: raw.user_id,
    status: raw.status,
    arrival: raw.arrival,
    confirmedAt: raw.confirmed_at,
    updatedAt: raw.updated_at,
  };
}

/** The one row a write returned (an UPDATE through `query` answers `[rows, count]`). */
function returned(result: unknown): RegistrationRow {
  const list = Array.isArray(result) ? (result as unknown[]) : [];
  const rows = (Array.isArray(list[0]) ? list[0] : list) as RawRegistration[];
  const row = rows[0];
  if (!row) throw new Error('The registration write returned no row');
  return toRow(row);
}

/**
 * Seats and waitlists. Every change to a workshop's registrations runs in a transaction that
 * first locks the workshop's session row (`lockWorkshop`), so the counts read under the lock
 * are the truth and arrivals drawn under it are in order.
 */
@Injectable()
export class WorkshopRegistrationsRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * The session, locked `FOR NO KEY UPDATE`: that excludes the other writers of its seats but
   * not the foreign-key checks of unrelated inserts (agenda items, chat) that reference it.
   */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, SQL_UUID] })
  lockWorkshop(
    manager: EntityManager,
    eventId: string,
    sessionId: string,
  ): Promise<Session | null> {
    return manager
      .createQueryBuilder(Session, 's')
      .where('s.id = :sessionId AND s.event_id = :eventId', { sessionId, eventId })
      .setLock('for_no_key_update')
      .getOne();
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  settingsOf(manager: EntityManager, sessionId: string): Promise<WorkshopSettings | null> {
    return manager.findOneBy(WorkshopSettings, { sessionId });
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, SQL_UUID] })
  registrationOf(
    manager: EntityManager,
    sessionId: string,
    userId: string,
  ): Promise<RegistrationRow | null> {
    return manager.findOneBy(WorkshopRegistration, { sessionId, userId });
  }

  /** The person's registration, outside any transaction. */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  registration(sessionId: string, userId: string): Promise<RegistrationRow | null> {
    return this.registrationOf(this.db.manager, sessionId, userId);
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID] })
  async countsOf(manager: EntityManager, sessionId: string): Promise<SeatCounts> {
    const [row] = await manager.query<SeatCounts[]>(
      `SELECT count(*) FILTER (WHERE status = 'confirmed')::int AS confirmed,
              count(*) FILTER (WHERE status = 'waitlisted')::int AS waitlisted
         FROM workshop_registrations
        WHERE session_id = $1`,
      [sessionId],
    );
    return row ?? { confirmed: 0, waitlisted: 0 };
  }

  /** The counts, outside any transaction. */
  @GenerateSql({ params: [SQL_UUID] })
  counts(sessionId: string): Promise<SeatCounts> {
    return this.countsOf(this.db.manager, sessionId);
  }

  /** How many wait for a seat who arrived before `arrival`. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, '1'] })
  waitingBefore(manager: EntityManager, sessionId: string, arrival: string): Promise<number> {
    return manager
      .createQueryBuilder(WorkshopRegistration, 'r')
      .where("r.session_id = :sessionId AND r.status = 'waitlisted' AND r.arrival < :arrival", {
        sessionId,
        arrival,
      })
      .getCount();
  }

  /** The same, outside any transaction. */
  @GenerateSql({ params: [SQL_UUID, '1'] })
  waitingAhead(sessionId: string, arrival: string): Promise<number> {
    return this.waitingBefore(this.db.manager, sessionId, arrival);
  }

  /** A first registration; its arrival is drawn from the sequence, after everyone's before. */
  @GenerateSql({
    params: [
      SQL_MANAGER,
      {
        sessionId: SQL_UUID,
        userId: SQL_UUID,
        eventId: SQL_UUID,
        status: 'confirmed',
        confirmedAt: SQL_AT,
      },
    ],
  })
  async insert(manager: EntityManager, reg: NewRegistration): Promise<RegistrationRow> {
    return returned(
      await manager.query(
        `INSERT INTO workshop_registrations (session_id, user_id, event_id, status, confirmed_at)
         VALUES ($1, $2, $3, $4, $5)
         RETURNING ${RETURNING}`,
        [reg.sessionId, reg.userId, reg.eventId, reg.status, reg.confirmedAt],
      ),
    );
  }

  /** Coming back after cancelling: the same row, a new place at the end of the queue. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, 'waitlisted', null] })
  async reregister(
    manager: EntityManager,
    id: string,
    status: 'confirmed' | 'waitlisted',
    confirmedAt: Date | null,
  ): Promise<RegistrationRow> {
    return returned(
      await manager.query(
        `UPDATE workshop_registrations
            SET status = $2, confirmed_at = $3, cancelled_at = NULL,
                arrival = nextval(pg_get_serial_sequence('workshop_registrations', 'arrival')),
                updated_at = CURRENT_TIMESTAMP
          WHERE id = $1
          RETURNING ${RETURNING}`,
        [id, status, confirmedAt],
      ),
    );
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, SQL_AT] })
  async cancel(manager: EntityManager, id: string, at: Date): Promise<RegistrationRow> {
    return returned(
      await manager.query(
        `UPDATE workshop_registrations
            SET status = 'cancelled', cancelled_at = $2, updated_at = CURRENT_TIMESTAMP
          WHERE id = $1
          RETURNING ${RETURNING}`,
        [id, at],
      ),
    );
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, 20] })
  async setCapacity(
    manager: EntityManager,
    sessionId: string,
    capacity: number | null,
  ): Promise<void> {
    await manager.update(Session, { id: sessionId }, { capacity });
  }

  /** The first `limit` (or all) on the waitlist, in order of arrival. */
  @GenerateSql(
    { name: 'some', params: [SQL_MANAGER, SQL_UUID, 3] },
    { name: 'all', params: [SQL_MANAGER, SQL_UUID, null] },
  )
  firstWaiting(
    manager: EntityManager,
    sessionId: string,
    limit: number | null,
  ): Promise<RegistrationRow[]> {
    const first = manager
      .createQueryBuilder(WorkshopRegistration, 'w')
      .where("w.session_id = :sessionId AND w.status = 'waitlisted'", { sessionId })
      .orderBy('w.arrival', 'ASC');
    if (limit !== null) first.take(limit);
    return first.getMany();
  }

  /** Seats for these registrations. */
  @GenerateSql({ params: [SQL_MANAGER, [SQL_UUID], SQL_AT] })
  async confirm(manager: EntityManager, ids: string[], at: Date): Promise<void> {
    await manager.update(
      WorkshopRegistration,
      { id: In(ids) },
      { status: 'confirmed', confirmedAt: at },
    );
  }

  /** Whether the person holds a confirmed seat. */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  isConfirmed(sessionId: string, userId: string): Promise<boolean> {
    return this.db.manager.existsBy(WorkshopRegistration, {
      sessionId,
      userId,
      status: 'confirmed',
    });
  }

  /** Everyone who registered, in order of arrival, with their accounts. */
  @GenerateSql({ params: [SQL_UUID] })
  registrantsOf(sessionId: string): Promise<WorkshopRegistration[]> {
    return this.db.getRepository(WorkshopRegistration).find({
      where: { sessionId },
      relations: { user: true },
      order: { arrival: 'ASC' },
    });
  }
}
