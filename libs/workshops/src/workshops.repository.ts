import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { Session, SessionSpeaker, WorkshopMaterial, WorkshopSettings } from '@plenum/db';
import { GenerateSql, SQL_UUID } from '@plenum/platform';

export interface NewMaterial {
  sessionId: string;
  title: string;
  createdById: string;
  /** A link. */
  url?: string;
  /** A file in the storage. */
  storageKey?: string;
  fileName?: string;
  contentType?: string;
  sizeBytes?: number;
}

export interface RegistrationWindow {
  registrationOpensAt: Date | null;
  registrationClosesAt: Date | null;
}

const SQL_AT = new Date('2026-05-04T10:00:00Z');

/** Workshops as the list shows them: their window, hosts and shared materials. */
@Injectable()
export class WorkshopsRepository {
  constructor(private readonly db: DataSource) {}

  @GenerateSql({ params: [SQL_UUID] })
  workshopsOf(eventId: string): Promise<Session[]> {
    return this.db.getRepository(Session).find({
      where: { eventId, kind: 'workshop' },
      order: { startsAt: 'ASC', title: 'ASC' },
    });
  }

  @GenerateSql({ params: [SQL_UUID] })
  settingsOf(sessionId: string): Promise<WorkshopSettings | null> {
    return this.db.getRepository(WorkshopSettings).findOneBy({ sessionId });
  }

  @GenerateSql({ params: [SQL_UUID, { registrationOpensAt: SQL_AT, registrationClosesAt: null }] })
  async setWindow(sessionId: string, window: RegistrationWindow): Promise<void> {
    await this.db.getRepository(WorkshopSettings).upsert({ sessionId, ...window }, ['sessionId']);
  }

  /** The names of the speaker profiles on the workshop as host or speaker. */
  @GenerateSql({ params: [SQL_UUID] })
  async hostNames(sessionId: string): Promise<string[]> {
    const links = await this.db.getRepository(SessionSpeaker).find({
      where: { sessionId, part: In(['host', 'speaker']) },
      relations: { speaker: true },
    });
    return links.map((l) => l.speaker?.name ?? '').filter(Boolean);
  }

  /** Whether one of the person's speaker profiles is on the workshop as its host. */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  hostsByProfile(sessionId: string, userId: string): Promise<boolean> {
    return this.db
      .getRepository(SessionSpeaker)
      .createQueryBuilder('ss')
      .innerJoin('ss.speaker', 'sp')
      .where('ss.session_id = :sessionId', { sessionId })
      .andWhere('sp.user_id = :userId', { userId })
      .andWhere("ss.part = 'host'")
      .getExists();
  }

  @GenerateSql({ params: [SQL_UUID] })
  materialsOf(sessionId: string): Promise<WorkshopMaterial[]> {
    return this.db
      .getRepository(WorkshopMaterial)
      .find({ where: { sessionId }, order: { createdAt: 'ASC' } });
  }

  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  materialOf(sessionId: string, id: string): Promise<WorkshopMaterial | null> {
    return this.db.getRepository(WorkshopMaterial).findOneBy({ id, sessionId });
  }

  @GenerateSql({
    params: [
      { sessionId: SQL_UUID, title: 'Leitfaden', url: 'https://x.test', createdById: SQL_UUID },
    ],
  })
  async insertMaterial(material: NewMaterial): Promise<void> {
    await this.db.getRepository(WorkshopMaterial).insert(material);
  }

  @GenerateSql({ params: [SQL_UUID] })
  async deleteMaterial(id: string): Promise<void> {
    await this.db.getRepository(WorkshopMaterial).delete({ id });
  }
}
