import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { CHAT_CATCH_UP_MAX, CHAT_HISTORY_PAGE, CHAT_MAX_LENGTH } from '@plenum/contracts';
import type { ChatHistoryPage, ChatMessageView } from '@plenum/contracts';
import { ChatMessage } from '@plenum/db';
import { LiveEmitter, PlenumError } from '@plenum/platform';
import { ModerationService } from './moderation.service';
import type { RoomAccess } from './room-access.service';

interface MessageRow {
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

/**
 * Keeps chat text plain: line breaks survive, other control characters (which could reorder or
 * hide text) do not, and long runs of blank lines shrink. Markup stays as typed; clients render
 * the text as text.
 */
export function normaliseChatText(body: string): string {
  return (
    body
      .replace(/\r\n?/g, '\n')
      // eslint-disable-next-line no-control-regex -- removing control characters is the point
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u202a-\u202e\u2066-\u2069]/g, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim()
  );
}

@Injectable()
export class ChatService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly moderation: ModerationService,
    private readonly emitter: LiveEmitter,
  ) {}

  /**
   * Write, then broadcast: the message is committed with the room's next sequence number before
   * anyone sees it, so a client that catches up from PostgreSQL finds every message it was sent.
   */
  async send(
    access: RoomAccess,
    author: { userId: string; displayName: string },
    body: string,
  ): Promise<ChatMessageView> {
    const text = normaliseChatText(body);
    if (text === '')
      throw PlenumError.validation([{ path: 'body', message: 'Write a message first' }]);
    const length = [...text].length;
    if (length > CHAT_MAX_LENGTH) {
      throw new PlenumError(
        'MESSAGE_TOO_LONG',
        `A message can have at most ${CHAT_MAX_LENGTH} characters; this one has ${length}`,
        422,
        { fields: [{ path: 'body', message: `At most ${CHAT_MAX_LENGTH} characters` }] },
      );
    }
    await this.moderation.assertMayWrite(access, author.userId);
    // One statement, so one round trip and no transaction around it: the room's row lock taken
    // by the upsert orders concurrent writers of one room, and is held only while it runs.
    const [row] = await this.dataSource.query<Array<{ id: string; seq: number; created_at: Date }>>(
      `WITH next AS (
         INSERT INTO chat_rooms (room, event_id, last_seq) VALUES ($1, $2, 1)
         ON CONFLICT (room) DO UPDATE SET last_seq = chat_rooms.last_seq + 1
         RETURNING last_seq
       )
       INSERT INTO chat_messages (room, event_id, seq, author_id, body)
       SELECT $1, $2, next.last_seq, $3, $4 FROM next
       RETURNING id, seq, created_at`,
      [access.room, access.eventId, author.userId, text],
    );
    if (!row) throw new Error(`Message in ${access.room} was not stored`);
    const message: ChatMessageView = {
      id: row.id,
      room: access.room,
      seq: row.seq,
      author: { id: author.userId, displayName: author.displayName },
      body: text,
      createdAt: row.created_at.toISOString(),
      deleted: null,
    };
    this.emitter.to(access.room).emit('chat:message', message);
    return message;
  }

  /** The latest page, or the page before `beforeSeq`, oldest first. */
  async before(
    room: string,
    beforeSeq?: number,
    limit = CHAT_HISTORY_PAGE,
  ): Promise<ChatHistoryPage> {
    const rows = await this.query(
      `WHERE m.room = $1 ${beforeSeq === undefined ? '' : 'AND m.seq < $3'} ORDER BY m.seq DESC LIMIT $2`,
      beforeSeq === undefined ? [room, limit + 1] : [room, limit + 1, beforeSeq],
    );
    const hasMore = rows.length > limit;
    return { messages: rows.slice(0, limit).reverse().map(toView), hasMore };
  }

  /** What came after `afterSeq`, in order: a reconnecting client's catch-up. */
  async after(room: string, afterSeq: number, limit = CHAT_CATCH_UP_MAX): Promise<ChatHistoryPage> {
    const rows = await this.query(`WHERE m.room = $1 AND m.seq > $3 ORDER BY m.seq ASC LIMIT $2`, [
      room,
      limit + 1,
      afterSeq,
    ]);
    const hasMore = rows.length > limit;
    return { messages: rows.slice(0, limit).map(toView), hasMore };
  }

  async lastSeq(room: string): Promise<number> {
    const [row] = await this.dataSource.query<Array<{ last_seq: number }>>(
      `SELECT last_seq FROM chat_rooms WHERE room = $1`,
      [room],
    );
    return row?.last_seq ?? 0;
  }

  private query(where: string, params: unknown[]): Promise<MessageRow[]> {
    return this.dataSource.query(
      `SELECT m.id, m.room, m.seq, m.author_id, u.display_name AS author_name,
              CASE WHEN m.deleted_at IS NULL THEN m.body ELSE '' END AS body,
              m.created_at, m.deleted_at, m.delete_reason
         FROM ${this.dataSource.getMetadata(ChatMessage).tableName} m
         LEFT JOIN users u ON u.id = m.author_id
       ${where}`,
      params,
    );
  }
}

function toView(row: MessageRow): ChatMessageView {
  return {
    id: row.id,
    room: row.room,
    seq: row.seq,
    author: row.author_id ? { id: row.author_id, displayName: row.author_name ?? '' } : null,
    ...(row.author_id ? {} : { authorDeleted: true as const }),
    body: row.body,
    createdAt: row.created_at.toISOString(),
    deleted: row.deleted_at
      ? { at: row.deleted_at.toISOString(), reason: row.delete_reason ?? '' }
      : null,
  };
}
