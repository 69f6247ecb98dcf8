import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { AuditLog, Event, Membership } from '@plenum/db';
import { GenerateSql, SQL_MANAGER, SQL_UUID } from '@plenum/platform';

export interface NewEvent {
  slug: string;
  title: string;
  description?: string;
  timeZone: string;
  startsOn: string;
  endsOn: string;
  defaultLocale?: Event['defaultLocale'];
}

export type EventChanges = Partial<
  Pick<Event, 'title' | 'description' | 'timeZone' | 'startsOn' | 'endsOn' | 'defaultLocale'>
>;

export interface AuditLogRow {
  created_at: Date;
  action: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_email: string | null;
  target_type: string;
  target_id: string | null;
  details: unknown;
}

/** Events themselves and their audit log. */
@Injectable()
export class EventsRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  @GenerateSql({ params: ['digitale-staedte'] })
  findBySlug(slug: string): Promise<Event | null> {
    return this.db.getRepository(Event).findOneBy({ slug });
  }

  @GenerateSql({ params: [SQL_UUID] })
  getById(id: string): Promise<Event> {
    return this.db.getRepository(Event).findOneByOrFail({ id });
  }

  /** The new event's id, or null when the slug is taken. */
  @GenerateSql({
    params: [
      SQL_MANAGER,
      { slug: 'x', title: 'X', timeZone: 'UTC', startsOn: '2026-01-01', endsOn: '2026-01-01' },
    ],
  })
  async insert(manager: EntityManager, input: NewEvent): Promise<string | null> {
    const inserted = await manager
      .getRepository(Event)
      .createQueryBuilder()
      .insert()
      .values(input)
      .orIgnore()
      .returning('id')
      .execute();
    return (inserted.raw as Array<{ id: string }>)[0]?.id ?? null;
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, SQL_UUID] })
  async addOrganizer(manager: EntityManager, eventId: string, userId: string): Promise<void> {
    await manager
      .getRepository(Membership)
      .insert({ eventId, userId, role: 'organizer', scope: 'event' });
  }

  @GenerateSql({ params: [SQL_UUID, { title: 'X' }] })
  async update(id: string, changes: EventChanges): Promise<void> {
    await this.db.getRepository(Event).update(id, changes);
  }

  @GenerateSql({ params: [SQL_UUID, Buffer.from('x'), 'image/png'] })
  async setLogo(id: string, logo: Buffer, contentType: string): Promise<void> {
    await this.db.getRepository(Event).update(id, { logo, logoContentType: contentType });
  }

  @GenerateSql({ params: ['digitale-staedte'] })
  async logo(slug: string): Promise<{ data: Buffer; contentType: string } | null> {
    const event = await this.db.getRepository(Event).findOne({
      where: { slug },
      select: { id: true, logo: true, logoContentType: true },
    });
    if (!event?.logo || !event.logoContentType) return null;
    return { data: event.logo, contentType: event.logoContentType };
  }

  /** Every moderation and administration action of the event, oldest first, with its actor. */
  @GenerateSql({ params: [SQL_UUID] })
  auditLog(eventId: string): Promise<AuditLogRow[]> {
    return this.db
      .getRepository(AuditLog)
      .createQueryBuilder('log')
      .leftJoin('users', 'actor', 'actor.id = log.actor_id')
      .select([
        'log.created_at AS created_at',
        'log.action AS action',
        'log.actor_id AS actor_id',
        'actor.display_name AS actor_name',
        'actor.email AS actor_email',
        'log.target_type AS target_type',
        'log.target_id AS target_id',
        'log.details AS details',
      ])
      .where('log.event_id = :eventId', { eventId })
      .orderBy('log.created_at', 'ASC')
      .getRawMany<AuditLogRow>();
  }
}
