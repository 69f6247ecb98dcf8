import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import type { PollCreate, PollList, PollResults, PollView } from '@plenum/contracts';
import type { PollState } from '@plenum/db';
import { AuditService, LiveEmitter, PlenumError, REDIS, RedisKeys } from '@plenum/platform';
import { PollsRepository } from './polls.repository';
import type { PollRow } from './polls.repository';
import { qaRooms } from './qa-rooms';
import type { QaPlace } from './qa-rooms';

const RESULTS_EVERY_MS = 250;
const TICK_MS = 50;

/**
 * Session polls. Ballots are rows with a primary key per poll and person; results are counted
 * from them and sent coalesced, at most four times a second per poll, to the voters and the
 * moderators while the poll is open, and to everyone once it is closed. Who runs polls is the
 * handlers' access rule (`session.moderate`).
 */
@Injectable()
export class PollsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PollsService.name);
  private timer: NodeJS.Timeout | undefined;
  private flushing = false;

  constructor(
    private readonly repository: PollsRepository,
    private readonly audit: AuditService,
    private readonly emitter: LiveEmitter,
    @Inject(REDIS) private readonly redis: Redis,
    private readonly keys: RedisKeys,
  ) {}

  onModuleInit(): void {
    this.timer = setInterval(() => void this.flush(), TICK_MS);
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  async list(place: QaPlace, userId: string): Promise<PollList> {
    const rows = await this.repository.listForSession(place.sessionId, place.canModerate);
    const polls: PollView[] = [];
    for (const row of rows) polls.push(await this.view(row, place, userId));
    return { sessionId: place.sessionId, canModerate: place.canModerate, polls };
  }

  async create(place: QaPlace, actorId: string, input: PollCreate): Promise<PollView> {
    const row = await this.repository.transaction(async (manager) => {
      const created = await this.repository.insert(manager, {
        eventId: place.eventId,
        sessionId: place.sessionId,
        question: input.question,
        kind: input.kind,
        options: input.options,
        createdById: actorId,
      });
      await this.audit.record(
        {
          eventId: place.eventId,
          actorId,
          action: 'poll.created',
          targetType: 'poll',
          targetId: created.id,
          details: { sessionId: place.sessionId, question: input.question },
        },
        manager,
      );
      return created;
    });
    const view = await this.view(row, place, actorId);
    this.emitter.to(qaRooms.moderators(place.sessionId)).emit('poll:updated', view);
    return view;
  }

  open(place: QaPlace, actorId: string, pollId: string): Promise<PollView> {
    return this.move(place, actorId, pollId, 'draft', 'open');
  }

  close(place: QaPlace, actorId: string, pollId: string): Promise<PollView> {
    return this.move(place, actorId, pollId, 'open', 'closed');
  }

  /** One ballot per person: the primary key refuses a second one, from any socket. */
  async vote(place: QaPlace, userId: string, pollId: string, choices: number[]): Promise<PollView> {
    const poll = await this.find(place, pollId);
    if (poll.state !== 'open') throw new PlenumError('POLL_NOT_OPEN', 'This poll is not open', 409);
    const unique = [...new Set(choices)].sort((a, b) => a - b);
    if (unique.some((c) => c >= poll.options.length)) {
      throw PlenumError.validation([{ path: 'choices', message: 'Choose among the options' }]);
    }
    if (poll.kind === 'single' && unique.length !== 1) {
      throw PlenumError.validation([{ path: 'choices', message: 'Choose one option' }]);
    }
    if (!(await this.repository.castBallot(poll.id, userId, unique))) {
      if ((await this.repository.state(poll.id)) !== 'open')
        throw new PlenumError('POLL_NOT_OPEN', 'This poll is not open', 409);
      throw new PlenumError('POLL_ALREADY_VOTED', 'You have already voted in this poll', 409);
    }
    await this.redis.sadd(this.dirtyKey(), `${place.sessionId}/${poll.id}`);
    return this.view(poll, place, userId);
  }

  async results(poll: Pick<PollRow, 'id' | 'session_id' | 'options'>): Promise<PollResults> {
    const { perChoice, voters } = await this.repository.counts(poll.id);
    const counts = poll.options.map(() => 0);
    for (const row of perChoice) if (row.choice < counts.length) counts[row.choice] = row.n;
    return { sessionId: poll.session_id, pollId: poll.id, counts, voters };
  }

  async flush(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      const dirty = await this.redis.spop(this.dirtyKey(), 500);
      for (const entry of dirty) {
        const [sessionId, pollId] = entry.split('/') as [string, string];
        const gate = await this.redis.set(this.gateKey(pollId), '1', 'PX', RESULTS_EVERY_MS, 'NX');
        if (gate === null) {
          await this.redis.sadd(this.dirtyKey(), entry);
          continue;
        }
        const poll = await this.repository.find(pollId);
        if (!poll) continue;
        const results = await this.results(poll);
        const to =
          poll.state === 'closed'
            ? [qaRooms.audience(sessionId)]
            : [qaRooms.pollVoters(pollId), qaRooms.moderators(sessionId)];
        this.emitter.to(to).emit('poll:results', results);
      }
    } catch (err) {
      this.logger.warn({ err }, 'Poll results update failed');
    } finally {
      this.flushing = false;
    }
  }

  private async move(
    place: QaPlace,
    actorId: string,
    pollId: string,
    from: PollState,
    to: PollState,
  ): Promise<PollView> {
    const row = await this.repository.transaction(async (manager) => {
      const poll = this.visible(
        await this.repository.lock(manager, pollId, place.sessionId),
        place,
      );
      if (poll.state !== from)
        throw PlenumError.conflict(`A poll that is ${poll.state} cannot be ${to}`);
      await this.repository.setState(manager, poll.id, to);
      await this.audit.record(
        {
          eventId: place.eventId,
          actorId,
          action: `poll.${to === 'open' ? 'opened' : 'closed'}`,
          targetType: 'poll',
          targetId: poll.id,
          details: { sessionId: place.sessionId },
        },
        manager,
      );
      return { ...poll, state: to };
    });
    // Everyone hears of the change; the closed view carries the final results for all.
    const audienceView = await this.view(row, { ...place, canModerate: false }, null);
    this.emitter.to(qaRooms.audience(place.sessionId)).emit('poll:updated', audienceView);
    return this.view(row, place, actorId);
  }

  private async view(row: PollRow, place: QaPlace, userId: string | null): Promise<PollView> {
    const myChoices = userId ? await this.repository.ballot(row.id, userId) : null;
    const showResults =
      row.state === 'closed' || (row.state === 'open' && (place.canModerate || myChoices !== null));
    return {
      id: row.id,
      sessionId: row.session_id,
      question: row.question,
      kind: row.kind,
      options: row.options,
      state: row.state,
      myChoices,
      results: showResults ? await this.results(row) : null,
      createdAt: row.created_at.toISOString(),
    };
  }

  private async find(place: QaPlace, pollId: string): Promise<PollRow> {
    return this.visible(await this.repository.findInSession(pollId, place.sessionId), place);
  }

  /** Drafts are the moderators' business: to the audience they do not exist. */
  private visible(row: PollRow | undefined, place: QaPlace): PollRow {
    if (!row || (row.state === 'draft' && !place.canModerate))
      throw PlenumError.notFound('Poll not found');
    return row;
  }

  private dirtyKey(): string {
    return this.keys.key('polls', 'results-dirty');
  }

  private gateKey(pollId: string): string {
    return this.keys.key('polls', 'results-gate', pollId);
  }
}
