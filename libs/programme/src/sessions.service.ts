import { Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import type { EntityManager } from 'typeorm';
import { rooms } from '@plenum/contracts';
import type {
  FieldError,
  ScheduleWarning,
  SessionState,
  SessionView,
  SessionWriteResult,
  SpeakerPart,
} from '@plenum/contracts';
import { Event, Session, SessionSpeaker, Speaker, Stage, Track } from '@plenum/db';
import type { Principal } from '@plenum/identity';
import { AuditService, formatLocal, LiveEmitter, parseZoned, PlenumError } from '@plenum/platform';
import { ReminderScheduler } from '@plenum/reminders';
import type { SessionInputDto, SessionUpdateDto } from './programme.dto';
import { ProgrammeCache } from './programme-cache.service';
import { toSessionView } from './programme-reader.service';

interface Placement {
  startsAt: Date;
  endsAt: Date;
  stageId: string | null;
}

/** The transitions an organizer or moderator may make, and the state each starts from. */
const transitions = {
  start: { from: 'scheduled', to: 'live', done: 'started' },
  end: { from: 'live', to: 'ended', done: 'ended' },
  cancel: { from: 'scheduled', to: 'cancelled', done: 'cancelled' },
  reinstate: { from: 'cancelled', to: 'scheduled', done: 'reinstated' },
} as const satisfies Record<string, { from: SessionState; to: SessionState; done: string }>;
export type SessionTransition = keyof typeof transitions;

/** Creating, moving and cancelling sessions, and their lifecycle on the day. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly cache: ProgrammeCache,
    private readonly audit: AuditService,
    private readonly live: LiveEmitter,
    private readonly reminders: ReminderScheduler,
  ) {}

  async create(
    principal: Principal,
    event: Event,
    input: SessionInputDto,
  ): Promise<SessionWriteResult> {
    const placement = this.placement(event, input.startsAt, input.endsAt, input.stageId);
    const id = await this.dataSource.transaction(async (manager) => {
      await this.checkReferences(manager, event, input);
      await this.assertStageFree(manager, event, placement, null);
      const inserted = await manager.getRepository(Session).insert({
        eventId: event.id,
        title: input.title,
        kind: input.kind,
        abstract: input.abstract,
        startsAt: placement.startsAt,
        endsAt: placement.endsAt,
        stageId: placement.stageId,
        trackId: input.trackId,
        capacity: input.capacity,
        streamUrl: input.streamUrl,
      });
      const sessionId = (inserted.identifiers[0] as { id: string }).id;
      await this.replaceSpeakers(manager, sessionId, input.speakers);
      await this.audit.record(
        {
          eventId: event.id,
          actorId: principal.userId,
          action: 'session.created',
          targetType: 'session',
          targetId: sessionId,
          details: { title: input.title },
        },
        manager,
      );
      return sessionId;
    });
    await this.cache.invalidate(event.id);
    await this.reminders.schedule(await this.timing(id));
    return this.result(event, id);
  }

  async update(
    principal: Principal,
    event: Event,
    sessionId: string,
    input: SessionUpdateDto,
  ): Promise<SessionWriteResult> {
    const before = await this.dataSource.transaction(async (manager) => {
      const session = await this.lockSession(manager, event, sessionId);
      const placement = this.placement(
        event,
        input.startsAt ?? session.startsAt,
        input.endsAt ?? session.endsAt,
        input.stageId === undefined ? session.stageId : input.stageId,
      );
      await this.checkReferences(manager, event, input);
      if (session.state !== 'cancelled') {
        await this.assertStageFree(manager, event, placement, session.id);
      }
      const moved =
        placement.startsAt.getTime() !== session.startsAt.getTime() ||
        placement.endsAt.getTime() !== session.endsAt.getTime() ||
        placement.stageId !== session.stageId;
      const changes: Partial<Session> = {
        ...(input.title !== undefined && { title: input.title }),
        ...(input.kind !== undefined && { kind: input.kind }),
        ...(input.abstract !== undefined && { abstract: input.abstract }),
        ...(input.trackId !== undefined && { trackId: input.trackId }),
        ...(input.capacity !== undefined && { capacity: input.capacity }),
        ...(input.streamUrl !== undefined && { streamUrl: input.streamUrl }),
        startsAt: placement.startsAt,
        endsAt: placement.endsAt,
        stageId: placement.stageId,
        // Calendar apps replace an event only when its SEQUENCE rises.
        sequence: moved ? session.sequence + 1 : session.sequence,
      };
      await manager.getRepository(Session).update(session.id, changes);
      if (input.speakers) await this.replaceSpeakers(manager, session.id, input.speakers);
      await this.audit.record(
        {
          eventId: event.id,
          actorId: principal.userId,
          action: moved ? 'session.moved' : 'session.updated',
          targetType: 'session',
          targetId: session.id,
          details: { fields: Object.keys(input) },
        },
        manager,
      );
      return session;
    });
    await this.cache.invalidate(event.id);
    await this.reminders.sessionChanged(before, await this.timing(sessionId));
    return this.result(event, sessionId);
  }

  /**
   * Moves a session through its lifecycle with a conditional update, so two moderators pressing
   * "start" at once make one change, and tells every connected client.
   */
  async transition(
    principal: Principal,
    event: Event,
    sessionId: string,
    transition: SessionTransition,
  ): Promise<SessionView> {
    const { from, to, done } = transitions[transition];
    const changedAt = new Date();
    const before = await this.dataSource.transaction(async (manager) => {
      const session = await this.lockSession(manager, event, sessionId);
      if (session.state !== from) {
        throw new PlenumError(
          'SESSION_STATE_CONFLICT',
          `The session is ${session.state}; only a ${from} session can be ${done}`,
          409,
          { details: { state: session.state } },
        );
      }
      if (transition === 'reinstate') {
        await this.assertStageFree(manager, event, session, session.id);
      }
      const cancelling = transition === 'cancel' || transition === 'reinstate';
      await manager.getRepository(Session).update(session.id, {
        state: to,
        sequence: cancelling ? session.sequence + 1 : session.sequence,
      });
      await this.audit.record(
        {
          eventId: event.id,
          actorId: principal.userId,
          action: `session.${done}`,
          targetType: 'session',
          targetId: session.id,
          details: { from, to },
        },
        manager,
      );
      return session;
    });
    await this.cache.invalidate(event.id);
    await this.reminders.sessionChanged(before, await this.timing(sessionId));
    this.live.to([rooms.event(event.id), rooms.session(sessionId)]).emit('session:state', {
      eventId: event.id,
      sessionId,
      state: to,
      changedAt: changedAt.toISOString(),
    });
    return (await this.result(event, sessionId)).session;
  }

  /** The fields reminders are scheduled by, read after the change was committed. */
  private timing(sessionId: string): Promise<Session> {
    return this.dataSource.getRepository(Session).findOneByOrFail({ id: sessionId });
  }

  private placement(
    event: Event,
    startsAt: string | Date,
    endsAt: string | Date,
    stageId: string | null,
  ): Placement {
    const fields: FieldError[] = [];
    const read = (value: string | Date, path: string): Date | null => {
      if (value instanceof Date) return value;
      const parsed = parseZoned(value, event.timeZone);
      if (parsed.ok) return parsed.at;
      fields.push({
        path,
        message:
          parsed.reason === 'nonexistent'
            ? `${value} does not exist in ${event.timeZone} (the clocks skip that hour)`
            : 'Use a date and time such as 2026-05-04T10:00 or 2026-05-04T10:00:00+02:00',
      });
      return null;
    };
    const start = read(startsAt, 'startsAt');
    const end = read(endsAt, 'endsAt');
    if (start && end && end <= start) {
      fields.push({ path: 'endsAt', message: 'The session must end after it starts' });
    }
    if (!start || !end || fields.length) throw PlenumError.validation(fields);
    return { startsAt: start, endsAt: end, stageId };
  }

  private async lockSession(manager: EntityManager, event: Event, id: string): Promise<Session> {
    const session = await manager
      .getRepository(Session)
      .createQueryBuilder('s')
      .setLock('pessimistic_write')
      .where('s.id = :id AND s.event_id = :eventId', { id, eventId: event.id })
      .getOne();
    if (!session) throw PlenumError.notFound('Session not found');
    return session;
  }

  /** Stage, track and speakers must belong to this event; a wrong id is a field error. */
  private async checkReferences(
    manager: EntityManager,
    event: Event,
    input: {
      stageId?: string | null;
      trackId?: string | null;
      speakers?: Array<{ speakerId: string }>;
    },
  ): Promise<void> {
    const fields: FieldError[] = [];
    if (
      input.stageId &&
      !(await manager.existsBy(Stage, { id: input.stageId, eventId: event.id }))
    ) {
      fields.push({ path: 'stageId', message: 'No such stage in this event' });
    }
    if (
      input.trackId &&
      !(await manager.existsBy(Track, { id: input.trackId, eventId: event.id }))
    ) {
      fields.push({ path: 'trackId', message: 'No such track in this event' });
    }
    const speakerIds = [...new Set((input.speakers ?? []).map((s) => s.speakerId))];
    if (speakerIds.length !== (input.speakers ?? []).length) {
      fields.push({ path: 'speakers', message: 'Each speaker may be listed once' });
    }
    if (speakerIds.length) {
      const found = await manager.countBy(Speaker, { id: In(speakerIds), eventId: event.id });
      if (found !== speakerIds.length) {
        fields.push({
          path: 'speakers',
          message: 'A listed speaker does not belong to this event',
        });
      }
    }
    if (fields.length) throw PlenumError.validation(fields);
  }

  /**
   * Refuses a double-booked stage. The stage row is locked first, so two organizers booking
   * the same slot at once are serialised and the second one sees the first one's session.
   */
  private async assertStageFree(
    manager: EntityManager,
    event: Event,
    placement: Placement,
    ownId: string | null,
  ): Promise<void> {
    if (!placement.stageId) return;
    const stage = await manager
      .getRepository(Stage)
      .createQueryBuilder('st')
      .setLock('pessimistic_write')
      .where('st.id = :id', { id: placement.stageId })
      .getOne();
    if (!stage) return;
    const query = manager
      .getRepository(Session)
      .createQueryBuilder('s')
      .where('s.stage_id = :stageId', { stageId: placement.stageId })
      .andWhere("s.state <> 'cancelled'")
      .andWhere('s.starts_at < :end AND s.ends_at > :start', {
        start: placement.startsAt,
        end: placement.endsAt,
      })
      .orderBy('s.starts_at', 'ASC');
    if (ownId) query.andWhere('s.id <> :ownId', { ownId });
    const conflict = await query.getOne();
    if (!conflict) return;
    const when = `${formatLocal(conflict.startsAt, event.timeZone).replace('T', ' ')}–${formatLocal(conflict.endsAt, event.timeZone).slice(11)}`;
    const message = `The stage "${stage.name}" is already booked by "${conflict.title}" (${when})`;
    throw new PlenumError('STAGE_DOUBLE_BOOKED', message, 409, {
      fields: [{ path: 'stageId', message }],
      details: {
        conflictingSession: {
          id: conflict.id,
          title: conflict.title,
          startsAt: conflict.startsAt.toISOString(),
          endsAt: conflict.endsAt.toISOString(),
        },
      },
    });
  }

  private async replaceSpeakers(
    manager: EntityManager,
    sessionId: string,
    speakers: Array<{ speakerId: string; part: SpeakerPart }>,
  ): Promise<void> {
    await manager.delete(SessionSpeaker, { sessionId });
    if (speakers.length) {
      await manager.insert(
        SessionSpeaker,
        speakers.map((s, position) => ({
          sessionId,
          speakerId: s.speakerId,
          part: s.part,
          position,
        })),
      );
    }
  }

  /** The saved session, with a warning for each speaker who is somewhere else at that time. */
  private async result(event: Event, sessionId: string): Promise<SessionWriteResult> {
    const session = await this.dataSource.getRepository(Session).findOneByOrFail({ id: sessionId });
    const links = await this.dataSource
      .getRepository(SessionSpeaker)
      .find({ where: { sessionId }, relations: { speaker: true }, order: { position: 'ASC' } });
    const names = new Map(links.map((l) => [l.speakerId, l.speaker?.name ?? '']));
    const warnings: ScheduleWarning[] = [];
    if (session.state !== 'cancelled' && links.length) {
      const clashes = await this.dataSource
        .getRepository(SessionSpeaker)
        .createQueryBuilder('ss')
        .innerJoinAndSelect('ss.session', 's')
        .where('ss.speaker_id IN (:...ids)', { ids: links.map((l) => l.speakerId) })
        .andWhere('s.id <> :id', { id: session.id })
        .andWhere('s.event_id = :eventId', { eventId: event.id })
        .andWhere("s.state <> 'cancelled'")
        .andWhere('s.starts_at < :end AND s.ends_at > :start', {
          start: session.startsAt,
          end: session.endsAt,
        })
        .orderBy('s.starts_at', 'ASC')
        .getMany();
      for (const clash of clashes) {
        const other = clash.session;
        if (!other) continue;
        warnings.push({
          code: 'SPEAKER_DOUBLE_BOOKED',
          message: `${names.get(clash.speakerId) ?? 'A speaker'} is also in "${other.title}" at ${formatLocal(other.startsAt, event.timeZone).slice(11)}`,
          speakerId: clash.speakerId,
          conflictingSession: { id: other.id, title: other.title },
        });
      }
    }
    return { session: toSessionView(session, links, names, event.timeZone), warnings };
  }
}
