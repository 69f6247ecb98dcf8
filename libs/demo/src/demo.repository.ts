import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import {
  AgendaItem,
  Booth,
  BoothDocument,
  Event,
  Membership,
  Session,
  SessionSpeaker,
  Speaker,
  Stage,
  Track,
  User,
  WorkshopRegistration,
} from '@plenum/db';
import { GenerateSql, SQL_MANAGER, SQL_UUID } from '@plenum/platform';

// Arbitrary constant: serialises concurrent seeds (api start and `npm run seed:demo`).
const SEED_LOCK = 7_734_211;

const SQL_AT = new Date('2026-05-04T10:00:00Z');

/**
 * The demo congress's programme, people and expo, written in the seed's one transaction. Its
 * Q&A and on-demand media are written by the `DemoMediaRepository`.
 */
@Injectable()
export class DemoRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /** Holds the seed lock until the transaction ends: one seed at a time, the others wait. */
  @GenerateSql({ params: [SQL_MANAGER] })
  async lockSeed(manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [SEED_LOCK]);
  }

  /** Whether the installation holds any event yet (the api seeds the demo into an empty one). */
  @GenerateSql()
  anyEvent(): Promise<boolean> {
    return this.db.getRepository(Event).exists();
  }

  @GenerateSql({ params: [SQL_MANAGER, 'digitale-staedte'] })
  eventExists(manager: EntityManager, slug: string): Promise<boolean> {
    return manager.getRepository(Event).existsBy({ slug });
  }

  @GenerateSql({
    params: [
      SQL_MANAGER,
      { slug: 'x', title: 'X', timeZone: 'UTC', startsOn: '2026-01-01', endsOn: '2026-01-01' },
    ],
  })
  insertEvent(manager: EntityManager, event: Partial<Event>): Promise<Event> {
    return manager.getRepository(Event).save(event);
  }

  /** The new stages, in the order given. */
  @GenerateSql({ params: [SQL_MANAGER, [{ eventId: SQL_UUID, name: 'Hauptbühne', position: 0 }]] })
  insertStages(manager: EntityManager, stages: Array<Partial<Stage>>): Promise<Stage[]> {
    return manager.getRepository(Stage).save(stages);
  }

  @GenerateSql({ params: [SQL_MANAGER, [{ eventId: SQL_UUID, name: 'Netz', color: '#1f5f99' }]] })
  insertTracks(manager: EntityManager, tracks: Array<Partial<Track>>): Promise<Track[]> {
    return manager.getRepository(Track).save(tracks);
  }

  /** Accounts that exist already (invited before the demo was loaded) stay as they are. */
  @GenerateSql({
    params: [SQL_MANAGER, [{ email: 'a@plenum.test', displayName: 'A', passwordHash: 'x' }]],
  })
  async insertUsers(manager: EntityManager, users: Array<Partial<User>>): Promise<void> {
    await manager
      .getRepository(User)
      .createQueryBuilder()
      .insert()
      .values(users)
      .orIgnore()
      .execute();
  }

  @GenerateSql({ params: [SQL_MANAGER, ['a@plenum.test']] })
  usersByEmail(
    manager: EntityManager,
    emails: string[],
  ): Promise<Array<Pick<User, 'id' | 'email'>>> {
    return manager
      .getRepository(User)
      .find({ select: ['id', 'email'], where: { email: In(emails) } });
  }

  /** The new speaker profiles, in the order given. */
  @GenerateSql({ params: [SQL_MANAGER, [{ eventId: SQL_UUID, name: 'Dr. Anna Weber' }]] })
  insertSpeakers(manager: EntityManager, speakers: Array<Partial<Speaker>>): Promise<Speaker[]> {
    return manager.getRepository(Speaker).save(speakers);
  }

  /** The new sessions, in the order given. */
  @GenerateSql({
    params: [
      SQL_MANAGER,
      [{ eventId: SQL_UUID, kind: 'talk', title: 'T', startsAt: SQL_AT, endsAt: SQL_AT }],
    ],
  })
  insertSessions(manager: EntityManager, sessions: Array<Partial<Session>>): Promise<Session[]> {
    return manager.getRepository(Session).save(sessions);
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, { state: 'cancelled', sequence: 1 }] })
  async updateSession(
    manager: EntityManager,
    id: string,
    changes: Pick<Partial<Session>, 'state' | 'sequence'>,
  ): Promise<void> {
    await manager.getRepository(Session).update(id, changes);
  }

  @GenerateSql({
    params: [
      SQL_MANAGER,
      [{ sessionId: SQL_UUID, speakerId: SQL_UUID, part: 'host', position: 0 }],
    ],
  })
  async insertSessionSpeakers(
    manager: EntityManager,
    links: Array<Partial<SessionSpeaker>>,
  ): Promise<void> {
    await manager.getRepository(SessionSpeaker).insert(links);
  }

  /** The new booths, in the order given. */
  @GenerateSql({
    params: [SQL_MANAGER, [{ eventId: SQL_UUID, slug: 'x', organisation: 'X', position: 0 }]],
  })
  insertBooths(manager: EntityManager, booths: Array<Partial<Booth>>): Promise<Booth[]> {
    return manager.getRepository(Booth).save(booths);
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, 'booth-images/x', 'image/png'] })
  async setBoothLogo(
    manager: EntityManager,
    boothId: string,
    logoKey: string,
    logoContentType: string,
  ): Promise<void> {
    await manager.getRepository(Booth).update(boothId, { logoKey, logoContentType });
  }

  @GenerateSql({
    params: [
      SQL_MANAGER,
      [
        {
          boothId: SQL_UUID,
          title: 'Profil',
          fileName: 'x.pdf',
          contentType: 'application/pdf',
          bytes: 1,
          storageKey: 'booth-documents/x',
        },
      ],
    ],
  })
  async insertBoothDocuments(
    manager: EntityManager,
    documents: Array<Partial<BoothDocument>>,
  ): Promise<void> {
    await manager.getRepository(BoothDocument).insert(documents);
  }

  @GenerateSql({
    params: [
      SQL_MANAGER,
      [{ eventId: SQL_UUID, userId: SQL_UUID, role: 'attendee', scope: 'event' }],
    ],
  })
  async insertMemberships(
    manager: EntityManager,
    memberships: Array<Partial<Membership>>,
  ): Promise<void> {
    await manager.getRepository(Membership).insert(memberships);
  }

  /** One row at a time, so the arrival sequence follows the order of the calls. */
  @GenerateSql({
    params: [
      SQL_MANAGER,
      {
        sessionId: SQL_UUID,
        eventId: SQL_UUID,
        userId: SQL_UUID,
        status: 'confirmed',
        confirmedAt: SQL_AT,
      },
    ],
  })
  async insertWorkshopRegistration(
    manager: EntityManager,
    registration: Partial<WorkshopRegistration>,
  ): Promise<void> {
    await manager.getRepository(WorkshopRegistration).insert(registration);
  }

  @GenerateSql({
    params: [SQL_MANAGER, [{ userId: SQL_UUID, sessionId: SQL_UUID, eventId: SQL_UUID }]],
  })
  async insertAgendaItems(
    manager: EntityManager,
    items: Array<Partial<AgendaItem>>,
  ): Promise<void> {
    await manager.getRepository(AgendaItem).insert(items);
  }
}
