import { Injectable } from '@nestjs/common';
import { DataSource, In, QueryFailedError } from 'typeorm';
import { BoothConversation, User } from '@plenum/db';
import { GenerateSql, SQL_UUID } from '@plenum/platform';

/** What taking the head of a booth's queue came to. */
export type TakeOutcome =
  | { taken: string }
  /** Nobody is waiting. */
  | { taken: null }
  /** The staff member holds another conversation (the partial unique index said so). */
  | { staffBusy: true };

const openStates = ['waiting', 'active'] as const;

/**
 * "Talk to us": visitors queue in PostgreSQL (waiting rows ordered by `queued_at`); partial
 * unique indexes hold one open request per visitor and booth and one active conversation per
 * staff member.
 */
@Injectable()
export class ConversationsRepository {
  constructor(private readonly db: DataSource) {}

  @GenerateSql({ params: [SQL_UUID] })
  getById(id: string): Promise<BoothConversation> {
    return this.db.getRepository(BoothConversation).findOneByOrFail({ id });
  }

  /** The visitor's waiting or active conversation at the booth. */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  openOf(boothId: string, visitorId: string): Promise<BoothConversation | null> {
    return this.db
      .getRepository(BoothConversation)
      .findOneBy({ boothId, visitorId, state: In(openStates) });
  }

  /** Queues the visitor; a second request while one is open is ignored (double clicks). */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  async enqueue(boothId: string, visitorId: string): Promise<void> {
    await this.db
      .getRepository(BoothConversation)
      .createQueryBuilder()
      .insert()
      .values({ boothId, visitorId, state: 'waiting' })
      .orIgnore()
      .execute();
  }

  @GenerateSql({ params: [SQL_UUID] })
  isTalking(staffId: string): Promise<boolean> {
    return this.db.getRepository(BoothConversation).existsBy({ staffId, state: 'active' });
  }

  /**
   * The staff member takes the head of the queue with one conditional UPDATE, so two staff
   * never take the same visitor; a row another transaction holds is skipped, not waited for.
   */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  async takeHead(boothId: string, staffId: string): Promise<TakeOutcome> {
    try {
      const [rows] = await this.db.query<[Array<{ id: string }>, number]>(
        `UPDATE booth_conversations SET state = 'active', staff_id = $2, accepted_at = now()
         WHERE id = (
           SELECT id FROM booth_conversations WHERE booth_id = $1 AND state = 'waiting'
           ORDER BY queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
         ) AND state = 'waiting'
         RETURNING id`,
        [boothId, staffId],
      );
      return { taken: rows[0]?.id ?? null };
    } catch (err) {
      if (
        err instanceof QueryFailedError &&
        (err.driverError as { code?: string }).code === '23505'
      ) {
        return { staffBusy: true };
      }
      throw err;
    }
  }

  @GenerateSql({ params: [SQL_UUID, SQL_UUID] })
  activeAt(boothId: string, id: string): Promise<BoothConversation | null> {
    return this.db.getRepository(BoothConversation).findOneBy({ id, boothId, state: 'active' });
  }

  /** Waiting and active conversations at the booth, in queue order. */
  @GenerateSql({ params: [SQL_UUID] })
  openAt(boothId: string): Promise<BoothConversation[]> {
    return this.db.getRepository(BoothConversation).find({
      where: { boothId, state: In(openStates) },
      order: { queuedAt: 'ASC', id: 'ASC' },
    });
  }

  @GenerateSql({ params: [SQL_UUID] })
  waitingAt(boothId: string): Promise<BoothConversation[]> {
    return this.db.getRepository(BoothConversation).find({
      where: { boothId, state: 'waiting' },
      order: { queuedAt: 'ASC', id: 'ASC' },
    });
  }

  /** Ends a conversation that is still open (a closed one stays as it ended). */
  @GenerateSql({ params: [SQL_UUID, 'ended'] })
  async close(id: string, state: 'ended' | 'left'): Promise<void> {
    await this.db
      .getRepository(BoothConversation)
      .update({ id, state: In(openStates) }, { state, endedAt: new Date() });
  }

  /** Which of these staff members hold a conversation now. */
  @GenerateSql({ params: [[SQL_UUID]] })
  async talking(staffIds: string[]): Promise<string[]> {
    const rows = await this.db.getRepository(BoothConversation).find({
      select: { staffId: true },
      where: { staffId: In(staffIds), state: 'active' },
    });
    return rows.flatMap((r) => (r.staffId ? [r.staffId] : []));
  }

  /** 1 for the next in line. */
  @GenerateSql({ params: [{ id: SQL_UUID, boothId: SQL_UUID }] })
  positionOf(c: Pick<BoothConversation, 'id' | 'boothId'>): Promise<number> {
    return this.db
      .getRepository(BoothConversation)
      .createQueryBuilder('c')
      .where('c.booth_id = :boothId AND c.state = :state', {
        boothId: c.boothId,
        state: 'waiting',
      })
      .andWhere(
        // Compared in SQL: JavaScript dates lose the microseconds PostgreSQL keeps.
        '(c.queued_at, c.id) <= (SELECT q.queued_at, q.id FROM booth_conversations q WHERE q.id = :id)',
        { id: c.id },
      )
      .getCount();
  }

  /** The visitor's name, which they showed the booth's staff by asking to talk. */
  @GenerateSql({ params: [SQL_UUID] })
  async visitorName(userId: string): Promise<string | null> {
    const user = await this.db
      .getRepository(User)
      .findOne({ select: { displayName: true }, where: { id: userId } });
    return user?.displayName ?? null;
  }
}
