import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, MoreThan } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { ChatMessage, ChatMute, ChatRoom } from '@plenum/db';
import { GenerateSql, SQL_MANAGER, SQL_UUID } from '@plenum/platform';

export interface MessageRow {
  id: string;
  room: string;
  seq: number;
  author_id: string | null;
  author_name: string | null;
  body: string;
  created_at: Date;
  deleted_at: Date | null;
  delete_reason: string | null;
}

export interface NewMute {
  eventId: string;
  /** Null mutes in every room of the event. */
  room: string | null;
  userId: string;
  mutedById: string;
  reason: string;
  until: Date;
}

const ROOM = `session:${SQL_UUID}`;

const SELECT_MESSAGES = `SELECT m.id, m.room, m.seq, m.author_id, u.display_name AS author_name,
              CASE WHEN m.deleted_at IS NULL THEN m.body ELSE '' END AS body,
              m.created_at, m.deleted_at, m.delete_reason
         FROM chat_messages m
         LEFT JOIN users u ON u.id = m.author_id`;

/** Chat messages, the rooms' sequence numbers and settings, and mutes. */
@Injectable()
export class ChatRepository {
  constructor(private readonly db: DataSource) {}

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction(work);
  }

  /**
   * Stores a message with the room's next sequence number in one statement, so one round trip
   * and no transaction around it: the room's row lock taken by the upsert orders concurrent
   * writers of one room, and is held only while it runs.
   */
  @GenerateSql({ params: [ROOM, SQL_UUID, SQL_UUID, 'Hallo'] })
  async insertMessage(
    room: string,
    eventId: string,
    authorId: string,
    body: string,
  ): Promise<{ id: string; seq: number; created_at: Date } | undefined> {
    const [row] = await this.db.query<Array<{ id: string; seq: number; created_at: Date }>>(
      `WITH next AS (
         INSERT INTO chat_rooms (room, event_id, last_seq) VALUES ($1, $2, 1)
         ON CONFLICT (room) DO UPDATE SET last_seq = chat_rooms.last_seq + 1
         RETURNING last_seq
       )
       INSERT INTO chat_messages (room, event_id, seq, author_id, body)
       SELECT $1, $2, next.last_seq, $3, $4 FROM next
       RETURNING id, seq, created_at`,
      [room, eventId, authorId, body],
    );
    return row;
  }

  /** The latest messages, newest first. */
  @GenerateSql({ params: [ROOM, 51] })
  latest(room: string, limit: number): Promise<MessageRow[]> {
    return this.db.query(`${SELECT_MESSAGES} WHERE m.room = $1 ORDER BY m.seq DESC LIMIT $2`, [
      room,
      limit,
    ]);
  }

  /** Messages before a sequence number, newest first. */
  @GenerateSql({ params: [ROOM, 100, 51] })
  before(room: string, beforeSeq: number, limit: number): Promise<MessageRow[]> {
    return this.db.query(
      `${SELECT_MESSAGES} WHERE m.room = $1 AND m.seq < $2 ORDER BY m.seq DESC LIMIT $3`,
      [room, beforeSeq, limit],
    );
  }

  /** Messages after a sequence number, oldest first. */
  @GenerateSql({ params: [ROOM, 100, 201] })
  after(room: string, afterSeq: number, limit: number): Promise<MessageRow[]> {
    return this.db.query(
      `${SELECT_MESSAGES} WHERE m.room = $1 AND m.seq > $2 ORDER BY m.seq ASC LIMIT $3`,
      [room, afterSeq, limit],
    );
  }

  @GenerateSql({ params: [ROOM] })
  async lastSeq(room: string): Promise<number> {
    const [row] = await this.db.query<Array<{ last_seq: number }>>(
      `SELECT last_seq FROM chat_rooms WHERE room = $1`,
      [room],
    );
    return row?.last_seq ?? 0;
  }

  /** The latest sequence number of each room that has messages. */
  @GenerateSql({ params: [[ROOM]] })
  async lastSeqs(rooms: string[]): Promise<Map<string, number>> {
    const rows = await this.db.query<Array<{ room: string; last_seq: number }>>(
      `SELECT room, last_seq FROM chat_rooms WHERE room = ANY($1::text[])`,
      [rooms],
    );
    return new Map(rows.map((row) => [row.room, row.last_seq]));
  }

  /** The message, locked until the transaction ends. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, ROOM] })
  lockMessage(manager: EntityManager, id: string, room: string): Promise<ChatMessage | null> {
    return manager.getRepository(ChatMessage).findOne({
      where: { id, room },
      lock: { mode: 'pessimistic_write' },
    });
  }

  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, SQL_UUID, new Date(0), 'Spam'] })
  async markDeleted(
    manager: EntityManager,
    id: string,
    deletedById: string,
    at: Date,
    reason: string,
  ): Promise<void> {
    await manager
      .getRepository(ChatMessage)
      .update(id, { deletedAt: at, deletedById, deleteReason: reason });
  }

  @GenerateSql({
    params: [
      SQL_MANAGER,
      {
        eventId: SQL_UUID,
        room: ROOM,
        userId: SQL_UUID,
        mutedById: SQL_UUID,
        reason: '',
        until: new Date(0),
      },
    ],
  })
  async insertMute(manager: EntityManager, mute: NewMute): Promise<string> {
    const saved = await manager.getRepository(ChatMute).save({ ...mute });
    return saved.id;
  }

  /** The person's mutes in the event that are still running. */
  @GenerateSql({ params: [SQL_UUID, SQL_UUID, new Date(0)] })
  activeMutes(eventId: string, userId: string, now: Date): Promise<ChatMute[]> {
    return this.db
      .getRepository(ChatMute)
      .find({ where: { eventId, userId, until: MoreThan(now) } });
  }

  /** The person's running mutes in one room, and with `eventWide` the event-wide ones too. */
  @GenerateSql({ params: [SQL_MANAGER, SQL_UUID, SQL_UUID, ROOM, true, new Date(0)] })
  activeMutesIn(
    manager: EntityManager,
    eventId: string,
    userId: string,
    room: string,
    eventWide: boolean,
    now: Date,
  ): Promise<ChatMute[]> {
    const base = { eventId, userId, until: MoreThan(now) };
    return manager.getRepository(ChatMute).find({
      where: [{ ...base, room }, ...(eventWide ? [{ ...base, room: IsNull() }] : [])],
    });
  }

  @GenerateSql({ params: [SQL_MANAGER, [SQL_UUID], new Date(0)] })
  async endMutes(manager: EntityManager, ids: string[], at: Date): Promise<void> {
    await manager.getRepository(ChatMute).update(ids, { until: at });
  }

  @GenerateSql({ params: [SQL_MANAGER, ROOM, SQL_UUID, 30] })
  async setSlowMode(
    manager: EntityManager,
    room: string,
    eventId: string,
    seconds: number,
  ): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ChatRoom)
      .values({ room, eventId, slowModeSeconds: seconds })
      .orUpdate(['slow_mode_seconds'], ['room'])
      .execute();
  }

  @GenerateSql({ params: [ROOM] })
  async slowModeSeconds(room: string): Promise<number> {
    const row = await this.db
      .getRepository(ChatRoom)
      .findOne({ where: { room }, select: ['slowModeSeconds'] });
    return row?.slowModeSeconds ?? 0;
  }
}
