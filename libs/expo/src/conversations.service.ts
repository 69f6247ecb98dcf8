import { Injectable } from '@nestjs/common';
import { rooms } from '@plenum/contracts';
import type { ConversationView } from '@plenum/contracts';
import type { Booth, BoothConversation } from '@plenum/db';
import type { Principal } from '@plenum/identity';
import { LiveEmitter, PlenumError } from '@plenum/platform';
import { BoothsService } from './booths.service';
import { ConversationsRepository } from './conversations.repository';

/**
 * "Talk to us": visitors queue in PostgreSQL (waiting rows ordered by `queued_at`); every free
 * staff member who is online is offered the head of the queue, and the first to accept takes it
 * with one conditional UPDATE, so two staff never take the same visitor. The access guard
 * resolves the booth; visitors act on their own request, staff (`booth.manage`) on the queue.
 */
@Injectable()
export class ConversationsService {
  constructor(
    private readonly conversations: ConversationsRepository,
    private readonly booths: BoothsService,
    private readonly emitter: LiveEmitter,
  ) {}

  async request(visitor: Principal, booth: Booth): Promise<ConversationView> {
    const open = await this.conversations.openOf(booth.id, visitor.userId);
    if (open) return this.view(open, false);
    // Nobody is sent into an empty room: without staff online the visitor leaves a contact
    // request (a lead with a message) instead.
    if ((await this.booths.staffOnline(booth.id)).length === 0) {
      throw new PlenumError(
        'NO_STAFF_ONLINE',
        'Nobody from this booth is online right now; leave a contact request instead',
        409,
      );
    }
    await this.conversations.enqueue(booth.id, visitor.userId);
    await this.publishQueue(booth.id);
    const mine = await this.conversations.openOf(booth.id, visitor.userId);
    if (!mine) throw PlenumError.conflict('The request could not be queued');
    return this.view(mine, false);
  }

  async mine(visitor: Principal, booth: Booth): Promise<ConversationView | null> {
    const open = await this.conversations.openOf(booth.id, visitor.userId);
    return open ? this.view(open, false) : null;
  }

  /** The visitor leaves the queue, or hangs up a conversation in progress. */
  async leave(visitor: Principal, booth: Booth): Promise<ConversationView> {
    const open = await this.conversations.openOf(booth.id, visitor.userId);
    if (!open) throw PlenumError.notFound('You are not waiting at this booth');
    return this.close(open, open.state === 'waiting' ? 'left' : 'ended');
  }

  /** Staff take the visitor at the head of the queue. */
  async accept(staff: Principal, booth: Booth): Promise<ConversationView> {
    const busy = () => new PlenumError('STAFF_BUSY', 'Finish your current conversation first', 409);
    if (await this.conversations.isTalking(staff.userId)) throw busy();
    const outcome = await this.conversations.takeHead(booth.id, staff.userId);
    if ('staffBusy' in outcome) throw busy();
    if (!outcome.taken) throw PlenumError.notFound('Nobody is waiting at this booth');
    const conversation = await this.conversations.getById(outcome.taken);
    this.emitter
      .to(rooms.user(conversation.visitorId))
      .emit('expo:conversation-updated', await this.view(conversation, false));
    await this.publishQueue(booth.id);
    return this.view(conversation, true);
  }

  /** Staff end a conversation in progress at their booth; the next visitor is then offered around. */
  async end(booth: Booth, conversationId: string): Promise<ConversationView> {
    const conversation = await this.conversations.activeAt(booth.id, conversationId);
    if (!conversation) throw PlenumError.notFound('No such conversation in progress');
    return this.close(conversation, 'ended');
  }

  /** What the booth's staff see: who waits in which order, and who is talking to whom. */
  async queue(booth: Booth): Promise<ConversationView[]> {
    const open = await this.conversations.openAt(booth.id);
    return Promise.all(open.map((c) => this.view(c, true)));
  }

  private async close(
    conversation: BoothConversation,
    state: 'ended' | 'left',
  ): Promise<ConversationView> {
    await this.conversations.close(conversation.id, state);
    const closed = await this.conversations.getById(conversation.id);
    const view = await this.view(closed, false);
    this.emitter.to(rooms.user(closed.visitorId)).emit('expo:conversation-updated', view);
    if (closed.staffId) {
      this.emitter.to(rooms.user(closed.staffId)).emit('expo:conversation-updated', view);
    }
    await this.publishQueue(closed.boothId);
    return view;
  }

  /** Tells every waiting visitor their position, and offers the queue to free staff online. */
  private async publishQueue(boothId: string): Promise<void> {
    const waiting = await this.conversations.waitingAt(boothId);
    waiting.forEach((c, index) => {
      this.emitter
        .to(rooms.user(c.visitorId))
        .emit('expo:conversation-updated', toView(c, index + 1, null));
    });
    if (waiting.length === 0) return;
    const online = await this.booths.staffOnline(boothId);
    if (online.length === 0) return;
    const busy = new Set(await this.conversations.talking(online));
    for (const staffId of online.filter((id) => !busy.has(id))) {
      this.emitter
        .to(rooms.user(staffId))
        .emit('expo:conversation-offered', { boothId, waiting: waiting.length });
    }
  }

  private async view(c: BoothConversation, forStaff: boolean): Promise<ConversationView> {
    const position = c.state === 'waiting' ? await this.conversations.positionOf(c) : null;
    const name = forStaff ? await this.conversations.visitorName(c.visitorId) : null;
    return toView(c, position, name, forStaff ? c.staffId : null);
  }
}

function toView(
  c: BoothConversation,
  position: number | null,
  visitorName: string | null,
  staffId: string | null = null,
): ConversationView {
  return {
    id: c.id,
    boothId: c.boothId,
    state: c.state,
    position,
    visitorName,
    staffId,
    queuedAt: c.queuedAt.toISOString(),
    acceptedAt: c.acceptedAt?.toISOString() ?? null,
  };
}
