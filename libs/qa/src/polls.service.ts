import { Inject, Injectable, Logger } from '@nestjs/common';
import type { OnModuleDestroy, OnModuleInit } from '@nestjs/common';
import type Redis from 'ioredis';
import { DataSource } from 'typeorm';
import type { EntityManager } from 'typeorm';
import type { PollCreate, PollList, PollResults, PollView } from '@plenum/contracts';
import type { PollKind, PollState } from '@plenum/db';
import { AuditService, LiveEmitter, PlenumError, REDIS, RedisKeys } from '@plenum/platform';
import { qaRooms } from './qa-rooms';
import type { QaPlace } from './qa-rooms';

const RESULTS_EVERY_MS = 250;
const TICK_MS = 50;

interface PollRow {
  id: string;
  session_id: string;
  question: string;
  kind: PollKind;
  options: string[];
  state: PollState;
  created_at: Date;
}

const SELECT_POLL = `SELECT id, session_id, question, kind, options, state, created_at FROM polls`;

/**
 * Session polls. Ballots are rows with a primary key per poll and person; results are counted
 * from them and sent coalesced, at most four times a second per poll, to the voters and the
 * moderators while the poll is open, and to everyone once it is closed.
 */
@Injectable()
export class PollsService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(PollsService.name);
  private timer: NodeJS.Timeout | undefined;
  private flushing = false;

  constructor(
    private readonly dataSource: DataSource,
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
    const rows = await this.dataSource.query<PollRow[]>(
      `${SELECT_POLL} WHERE session_id = $1 AND ($2 OR state <> 'draft') ORDER BY created_at`,
      [place.sessionId, place.canModerate],
    );
    const polls: PollView[] = [];
    for (const row of rows)
      polls.push(await this.view(this.dataSource.manager, row, place, userId));
    return { sessionId: place.sessionId, canModerate: place.canModerate, polls };
  }

  async create(place: QaPlace, actorId: string, input: PollCreate): Promise<PollView> {
    this.assertModerator(place);
    const row = await this.dataSource.transaction(async (manager) => {
      const [created] = await manager.query<PollRow[]>(
        `INSERT INTO polls (event_id, session_id, question, kind, options, created_by_id)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6)
         RETURNING id, session_id, question, kind, options, state, created_at`,
        [
          place.eventId,
          place.sessionId,
          input.question,
          input.kind,
          JSON.stringify(input.options),
          actorId,
        ],
      );
      await this.audit.record(
        {
          eventId: place.eventId,
          actorId,
          action: 'poll.created',
          targetType: 'poll',
          targetId: created!.id,
          details: { sessionId: place.sessionId, question: input.question },
        },
        manager,
      );
      return created!;
    });
    const view = await this.view(this.dataSource.manager, row, place, actorId);
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
    const poll = await this.find(this.dataSource.manager, place, pollId);
    if (poll.state !== 'open') throw new PlenumError('POLL_NOT_OPEN', 'This poll is not open', 409);
    const unique = [...new Set(choices)].sort((a, b) => a - b);
    if (unique.some((c) => c >= poll.options.length)) {
      throw PlenumError.validation([{ path: 'choices', message: 'Choose among the options' }]);
    }
    if (poll.kind === 'single' && unique.length !== 1) {
      throw PlenumError.validation([{ path: 'choices', message: 'Choose one option' }]);
    }
    const inserted = await this.dataSource.query<Array<{ poll_id: string }>>(
      `INSERT INTO poll_votes (poll_id, user_id, choices)
       SELECT id, $2, $3::smallint[] FROM polls WHERE id = $1 AND state = 'open'
       ON CONFLICT DO NOTHING RETURNING poll_id`,
      [poll.id, userId, unique],
    );
    if (inserted.length === 0) {
      const [again] = await this.dataSource.query<Array<{ state: PollState }>>(
        `SELECT state FROM polls WHERE id = $1`,
        [poll.id],
      );
      if (again?.state !== 'open')
        throw new PlenumError('POLL_NOT_OPEN', 'This poll is not open', 409);
      throw new PlenumError('POLL_ALREADY_VOTED', 'You have already voted in this poll', 409);
    }
    await this.redis.sadd(this.dirtyKey(), `${place.sessionId}/${poll.id}`);
    return this.view(this.dataSource.manager, poll, place, userId);
  }

  async results(
    manager: EntityManager,
    poll: Pick<PollRow, 'id' | 'session_id' | 'options'>,
  ): Promise<PollResults> {
    const rows = await manager.query<Array<{ choice: number; n: number }>>(
      `SELECT c AS choice, count(*)::int AS n FROM poll_votes, unnest(choices) AS c
        WHERE poll_id = $1 GROUP BY c`,
      [poll.id],
    );
    const [voters] = await manager.query<Array<{ n: number }>>(
      `SELECT count(*)::int AS n FROM poll_votes WHERE poll_id = $1`,
      [poll.id],
    );
    const counts = poll.options.map(() => 0);
    for (const row of rows) if (row.choice < counts.length) counts[row.choice] = row.n;
    return { sessionId: poll.session_id, pollId: poll.id, counts, voters: voters?.n ?? 0 };
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
        const [poll] = await this.dataSource.query<PollRow[]>(`${SELECT_POLL} WHERE id = $1`, [
          pollId,
        ]);
        if (!poll) continue;
        const results = await this.results(this.dataSource.manager, poll);
        const to =
          poll.state === 'closed'
            ? [qaRooms.audience(sessionId)]
            : [qaRooms.pollVoters(pollId), qaRooms.moderators(sessionId)];
        this.emitter.to(to).emit('poll:results', results);
      }
    } catch (err) {
      this.logger.warn(`Poll results update failed: ${String(err)}`);
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
    this.assertModerator(place);
    const row = await this.dataSource.transaction(async (manager) => {
      const poll = await this.find(manager, place, pollId, true);
      if (poll.state !== from)
        throw PlenumError.conflict(`A poll that is ${poll.state} cannot be ${to}`);
      await manager.query(
        `UPDATE polls SET state = $2::poll_state,
                opened_at = CASE WHEN $2::text = 'open' THEN now() ELSE opened_at END,
                closed_at = CASE WHEN $2::text = 'closed' THEN now() ELSE closed_at END
          WHERE id = $1`,
        [poll.id, to],
      );
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
    const audienceView = await this.view(
      this.dataSource.manager,
      row,
      { ...place, canModerate: false },
      null,
    );
    this.emitter.to(qaRooms.audience(place.sessionId)).emit('poll:updated', audienceView);
    return this.view(this.dataSource.manager, row, place, actorId);
  }

  private async view(
    manager: EntityManager,
    row: PollRow,
    place: QaPlace,
    userId: string | null,
  ): Promise<PollView> {
    let myChoices: number[] | null = null;
    if (userId) {
      const [ballot] = await manager.query<Array<{ choices: number[] }>>(
        `SELECT choices FROM poll_votes WHERE poll_id = $1 AND user_id = $2`,
        [row.id, userId],
      );
      myChoices = ballot?.choices ?? null;
    }
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
      results: showResults ? await this.results(manager, row) : null,
      createdAt: row.created_at.toISOString(),
    };
  }

  private async find(
    manager: EntityManager,
    place: QaPlace,
    pollId: string,
    lock = false,
  ): Promise<PollRow> {
    const [row] = await manager.query<PollRow[]>(
      `${SELECT_POLL} WHERE id = $1 AND session_id = $2 ${lock ? 'FOR UPDATE' : ''}`,
      [pollId, place.sessionId],
    );
    // Drafts are the moderators' business: to the audience they do not exist.
    if (!row || (row.state === 'draft' && !place.canModerate))
      throw PlenumError.notFound('Poll not found');
    return row;
  }

  private assertModerator(place: QaPlace): void {
    if (!place.canModerate)
      throw PlenumError.forbidden('Only moderators of this session run its polls');
  }

  private dirtyKey(): string {
    return this.keys.key('polls', 'results-dirty');
  }

  private gateKey(pollId: string): string {
    return this.keys.key('polls', 'results-gate', pollId);
  }
}
