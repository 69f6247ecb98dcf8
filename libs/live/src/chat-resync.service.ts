import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy } from '@nestjs/common';
import type Redis from 'ioredis';
import type { Namespace } from 'socket.io';
import { chatRoomKinds } from '@plenum/contracts';
import type { ClientToServerEvents, ServerToClientEvents } from '@plenum/contracts';
import { REDIS } from '@plenum/platform';
import { ChatRepository } from './chat.repository';
import type { LiveUser } from './live-auth';

/**
 * The second pass after Redis is back: by then every api instance has subscribed again, so a
 * message written in between (and broadcast while another instance was still deaf) is caught.
 */
export const RESYNC_AGAIN_MS = 3_000;

const chatRoom = new RegExp(`^(${chatRoomKinds.join('|')}):[0-9a-f-]{36}$`);

type ResyncNamespace = Pick<
  Namespace<ClientToServerEvents, ServerToClientEvents, Record<string, never>, LiveUser>,
  'adapter' | 'local'
>;

/**
 * Makes good the broadcasts lost while Redis was away. Chat messages are committed before they
 * are broadcast, so PostgreSQL has every one; what a Redis outage loses is the broadcast. When
 * this instance's Redis connection is ready again after it was lost, it tells its own sockets
 * in each chat room the room's latest sequence number (`room:resync`), without Redis
 * (`nsp.local`); a client that is behind asks for the rest (`chat:history` with `afterSeq`).
 */
@Injectable()
export class ChatResync implements OnModuleDestroy {
  private readonly logger = new Logger(ChatResync.name);
  private readonly timers = new Set<NodeJS.Timeout>();
  private unwatch: (() => void) | undefined;

  constructor(
    @Inject(REDIS) private readonly redis: Redis,
    private readonly repository: ChatRepository,
  ) {}

  /** Watches this instance's Redis connection for the namespace's sockets. */
  watch(nsp: ResyncNamespace): void {
    let lost = false;
    const onClose = (): void => {
      lost = true;
    };
    const onReady = (): void => {
      if (!lost) return;
      lost = false;
      this.logger.log('Redis is back: telling the chat rooms here to catch up');
      this.later(nsp, 0);
      this.later(nsp, RESYNC_AGAIN_MS);
    };
    this.redis.on('close', onClose);
    this.redis.on('ready', onReady);
    this.unwatch = () => {
      this.redis.off('close', onClose);
      this.redis.off('ready', onReady);
    };
  }

  /** Sends each chat room with sockets on this instance its latest sequence number. */
  async resync(nsp: ResyncNamespace): Promise<number> {
    const rooms = [...nsp.adapter.rooms.keys()].filter((room) => chatRoom.test(room));
    if (rooms.length === 0) return 0;
    const lastSeqs = await this.repository.lastSeqs(rooms);
    for (const room of rooms) {
      nsp.local.to(room).emit('room:resync', { room, lastSeq: lastSeqs.get(room) ?? 0 });
    }
    return rooms.length;
  }

  onModuleDestroy(): void {
    this.unwatch?.();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private later(nsp: ResyncNamespace, ms: number): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      this.resync(nsp).catch((err: unknown) =>
        this.logger.warn({ err }, 'Telling the chat rooms to catch up failed'),
      );
    }, ms);
    this.timers.add(timer);
  }
}
