import { Injectable } from '@nestjs/common';
import { CHAT_CATCH_UP_MAX, CHAT_HISTORY_PAGE, CHAT_MAX_LENGTH } from '@plenum/contracts';
import type { ChatHistoryPage, ChatMessageView } from '@plenum/contracts';
import { LiveEmitter, PlenumError } from '@plenum/platform';
import { ChatRepository } from './chat.repository';
import type { MessageRow } from './chat.repository';
import type { LivePlace } from './live-connection';
import { ModerationService } from './moderation.service';

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
    private readonly repository: ChatRepository,
    private readonly moderation: ModerationService,
    private readonly emitter: LiveEmitter,
  ) {}

  /**
   * Write, then broadcast: the message is committed with the room's next sequence number before
   * anyone sees it, so a client that catches up from PostgreSQL finds every message it was sent.
   */
  async send(
    place: LivePlace,
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
    await this.moderation.assertMayWrite(place, author.userId);
    const row = await this.repository.insertMessage(place.room, place.eventId, author.userId, text);
    if (!row) throw new Error(`Message in ${place.room} was not stored`);
    const message: ChatMessageView = {
      id: row.id,
      room: place.room,
      seq: row.seq,
      author: { id: author.userId, displayName: author.displayName },
      body: text,
      createdAt: row.created_at.toISOString(),
      deleted: null,
    };
    this.emitter.to(place.room).emit('chat:message', message);
    return message;
  }

  /** The latest page, or the page before `beforeSeq`, oldest first. */
  async before(
    room: string,
    beforeSeq?: number,
    limit = CHAT_HISTORY_PAGE,
  ): Promise<ChatHistoryPage> {
    const rows =
      beforeSeq === undefined
        ? await this.repository.latest(room, limit + 1)
        : await this.repository.before(room, beforeSeq, limit + 1);
    const hasMore = rows.length > limit;
    return { messages: rows.slice(0, limit).reverse().map(toView), hasMore };
  }

  /** What came after `afterSeq`, in order: a reconnecting client's catch-up. */
  async after(room: string, afterSeq: number, limit = CHAT_CATCH_UP_MAX): Promise<ChatHistoryPage> {
    const rows = await this.repository.after(room, afterSeq, limit + 1);
    const hasMore = rows.length > limit;
    return { messages: rows.slice(0, limit).map(toView), hasMore };
  }

  lastSeq(room: string): Promise<number> {
    return this.repository.lastSeq(room);
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
