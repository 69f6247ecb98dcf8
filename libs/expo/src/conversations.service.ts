import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, QueryFailedError } from 'typeorm';
import type { Repository } from 'typeorm';
import { rooms } from '@plenum/contracts';
import type { ConversationView } from '@plenum/contracts';
import { BoothConversation, User } from '@plenum/db';
import type { Principal } from '@plenum/identity';
import { LiveEmitter, PlenumError } from '@plenum/platform';
import { BoothsService } from './booths.service';

/**
 * "Talk to us": visitors queue in PostgreSQL (waiting rows ordered by `queued_at`); every free
 * staff member who is online is offered the head of the queue, and the first to accept takes it
 * with one conditional UPDATE, so two staff never take the same visitor.
 */
@Injectable()
export class ConversationsService {
  constructor(
    @InjectRepository(BoothConversation)
    private readonly conversations: Repository<BoothConversation>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly booths: BoothsService,
    private readonly emitter: LiveEmitter,
  ) {}

  async request(principal: Principal, slug: string, ref: string): Promise<ConversationView> {
    const { event } = await this.booths.access(principal, slug);
    const booth = await this.booths.find(event, ref);
    const open = await this.openOf(booth.id, principal.userId);
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
    // The partial unique index keeps one open request per visitor, also under double clicks.
    await this.conversations
      .createQueryBuilder()
      .insert()
      .values({ boothId: booth.id, visitorId: principal.userId, state: 'waiting' })
      .orIgnore()
      .execute();
    await this.publishQueue(booth.id);
    const mine = await this.openOf(booth.id, principal.userId);
    if (!mine) throw PlenumError.conflict('The request could not be queued');
    return this.view(mine, false);
  }

  async mine(principal: Principal, slug: string, ref: string): Promise<ConversationView | null> {
    const { event } = await this.booths.access(principal, slug);
    const booth = await this.booths.find(event, ref);
    const open = await this.openOf(booth.id, principal.userId);
    return open ? this.view(open, false) : null;
  }

  /** The visitor leaves the queue, or hangs up a conversation in progress. */
  async leave(principal: Principal, slug: string, ref: string): Promise<ConversationView> {
    const { event } = await this.booths.access(principal, slug);
    const booth = await this.booths.find(event, ref);
    const open = await this.openOf(booth.id, principal.userId);
    if (!open) throw PlenumError.notFound('You are not waiting at this booth');
    return this.close(open, open.state === 'waiting' ? 'left' : 'ended');
  }

  /** Staff take the visitor at the head of the queue. */
  async accept(principal: Principal, slug: string, ref: string): Promise<ConversationView> {
    const booth = await this.booths.manageable(principal, slug, ref);
    const busy = () => new PlenumError('STAFF_BUSY', 'Finish your current conversation first', 409);
    if (await this.conversations.existsBy({ staffId: principal.userId, state: 'active' })) {
      throw busy();
    }
    let taken: Array<{ id: string }>;
    try {
      const [rows] = await this.conversations.query<[Array<{ id: string }>, number]>(
        `UPDATE booth_conversations SET state = 'active', staff_id = $2, accepted_at = now()
         WHERE id = (
           SELECT id FROM booth_conversations WHERE booth_id = $1 AND state = 'waiting'
           ORDER BY queued_at, id LIMIT 1 FOR UPDATE SKIP LOCKED
         ) AND state = 'waiting'
         RETURNING id`,
        [booth.id, principal.userId],
      );
      taken = rows;
    } catch (err) {
      if (
        err instanceof QueryFailedError &&
        (err.driverError as { code?: string }).code === '23505'
      ) {
        throw new PlenumError('STAFF_BUSY', 'Finish your current conversation first', 409);
      }
      throw err;
    }
    const id = taken[0]?.id;
    if (!id) throw PlenumError.notFound('Nobody is waiting at this booth');
    const conversation = await this.conversations.findOneByOrFail({ id });
    this.emitter
      .to(rooms.user(conversation.visitorId))
      .emit('expo:conversation-updated', await this.view(conversation, false));
    await this.publishQueue(booth.id);
    return this.view(conversation, true);
  }

  /** Staff end a conversation they hold; the next visitor is then offered around. */
  async end(
    principal: Principal,
    slug: string,
    ref: string,
    conversationId: string,
  ): Promise<ConversationView> {
    const booth = await this.booths.manageable(principal, slug, ref);
    const conversation = await this.conversations.findOneBy({
      id: conversationId,
      boothId: booth.id,
      state: 'active',
    });
    if (!conversation) throw PlenumError.notFound('No such conversation in progress');
    return this.close(conversation, 'ended');
  }

  /** What the booth's staff see: who waits in which order, and who is talking to whom. */
  async queue(principal: Principal, slug: string, ref: string): Promise<ConversationView[]> {
    const booth = await this.booths.manageable(principal, slug, ref);
    const open = await this.conversations.find({
      where: { boothId: booth.id, state: In(['waiting', 'active']) },
      order: { queuedAt: 'ASC', id: 'ASC' },
    });
    return Promise.all(open.map((c) => this.view(c, true)));
  }

  private async close(
    conversation: BoothConversation,
    state: 'ended' | 'left',
  ): Promise<ConversationView> {
    await this.conversations.update(
      { id: conversation.id, state: In(['waiting', 'active']) },
      { state, endedAt: new Date() },
    );
    const closed = await this.conversations.findOneByOrFail({ id: conversation.id });
    const view = await this.view(closed, false);
    this.emitter.to(rooms.user(closed.visitorId)).emit('expo:conversation-updated', view);
    if (closed.staffId) {
      this.emitter.to(rooms.user(closed.staffId)).emit('expo:conversation-updated', view);
    }
    await this.publishQueue(closed.boothId);
    return view;
  }

  private openOf(boothId: string, visitorId: string): Promise<BoothConversation | null> {
    return this.conversations.findOneBy({
      boothId,
      visitorId,
      state: In(['waiting', 'active']),
    });
  }

  /** Tells every waiting visitor their position, and offers the queue to free staff online. */
  private async publishQueue(boothId: string): Promise<void> {
    const waiting = await this.conversations.find({
      where: { boothId, state: 'waiting' },
      order: { queuedAt: 'ASC', id: 'ASC' },
    });
    waiting.forEach((c, index) => {
      this.emitter
        .to(rooms.user(c.visitorId))
        .emit('expo:conversation-updated', toView(c, index + 1, null));
    });
    if (waiting.length === 0) return;
    const online = await this.booths.staffOnline(boothId);
    if (online.length === 0) return;
    const busy = await this.conversations.find({
      select: { staffId: true },
      where: { staffId: In(online), state: 'active' },
    });
    const busyIds = new Set(busy.map((c) => c.staffId));
    for (const staffId of online.filter((id) => !busyIds.has(id))) {
      this.emitter
        .to(rooms.user(staffId))
        .emit('expo:conversation-offered', { boothId, waiting: waiting.length });
    }
  }

  private async view(c: BoothConversation, forStaff: boolean): Promise<ConversationView> {
    let position: number | null = null;
    if (c.state === 'waiting') {
      position = await this.conversations
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
    const name = forStaff
      ? ((await this.users.findOne({ select: { displayName: true }, where: { id: c.visitorId } }))
          ?.displayName ?? null)
      : null;
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
