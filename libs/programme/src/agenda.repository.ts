import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { AgendaItem, CalendarFeed } from '@plenum/db';
import { GenerateSql, SQL_UUID } from '@plenum/platform';

const SQL_HASH = '0'.repeat(64);

/** Personal agendas ("Mein Programm") and their secret calendar feeds. */
@Injectable()
export class AgendaRepository {
  constructor(private readonly db: DataSource) {}

  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  itemsOf(userId: string, eventId: string): Promise<AgendaItem[]> {
    return this.db.getRepository(AgendaItem).find({ where: { userId, eventId } });
  }

  /** Adding what is there already changes nothing (the key is person and session). */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID, SQL_UUID] })
  async addItem(userId: string, eventId: string, sessionId: string): Promise<void> {
    await this.db
      .getRepository(AgendaItem)
      .createQueryBuilder()
      .insert()
      .values({ userId, sessionId, eventId })
      .orIgnore()
      .execute();
  }

  @GenerateSql({ params: [SQL_UUID, SQL_UUID, SQL_UUID] })
  async removeItem(userId: string, eventId: string, sessionId: string): Promise<void> {
    await this.db.getRepository(AgendaItem).delete({ userId, sessionId, eventId });
  }

  /** The person's feed of this event that is not revoked, the newest if there were several. */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  activeFeed(userId: string, eventId: string): Promise<CalendarFeed | null> {
    return this.db.getRepository(CalendarFeed).findOne({
      where: { userId, eventId, revokedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
  }

  @GenerateSql({ params: [SQL_UUID, SQL_UUID, SQL_HASH] })
  insertFeed(userId: string, eventId: string, tokenHash: string): Promise<CalendarFeed> {
    return this.db
      .getRepository(CalendarFeed)
      .save({ userId, eventId, tokenHash, revokedAt: null });
  }

  @GenerateSql({ params: [SQL_UUID, SQL_UUID, new Date('2026-05-04T10:00:00Z')] })
  async revokeFeeds(userId: string, eventId: string, at: Date): Promise<void> {
    await this.db
      .getRepository(CalendarFeed)
      .update({ userId, eventId, revokedAt: IsNull() }, { revokedAt: at });
  }

  @GenerateSql({ params: [SQL_HASH] })
  feedByTokenHash(tokenHash: string): Promise<CalendarFeed | null> {
    return this.db.getRepository(CalendarFeed).findOneBy({ tokenHash, revokedAt: IsNull() });
  }
}
