import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type {
  FieldError,
  ScheduleWarning,
  SessionWriteResult,
  SpeakerPart,
} from '@plenum/contracts';
import type { Event, Session } from '@plenum/db';
import type { Principal } from '@plenum/identity';
import { AuditService, formatLocal, parseZoned, PlenumError } from '@plenum/platform';
import { ReminderScheduler } from '@plenum/reminders';
import type { SessionInputDto, SessionUpdateDto } from './programme.dto';
import { ProgrammeCache } from './programme-cache.service';
import { toSessionView } from './programme-reader.service';
import { SessionsRepository } from './sessions.repository';
import type { SessionChanges } from './sessions.repository';

interface Placement {
  startsAt: Date;
  endsAt: Date;
  stageId: string | null;
}

/** Creating and moving sessions: their placement on a stage, their speakers. */
@Injectable()
export class SessionsService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly cache: ProgrammeCache,
    private readonly audit: AuditService,
    private readonly reminders: ReminderScheduler,
  ) {}

  async create(
    principal: Principal,
    event: Event,
    input: SessionInputDto,
  ): Promise<SessionWriteResult> {
    const placement = this.placement(event, input.startsAt, input.endsAt, input.stageId);
    const id = await this.sessions.transaction(async (manager) => {
      await this.checkReferences(manager, event, input);
      await this.assertStageFree(manager, event, placement, null);
      const sessionId = await this.sessions.insertSession(manager, {
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
    const before = await this.sessions.transaction(async (manager) => {
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
      const changes: SessionChanges = {
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
      await this.sessions.updateSession(manager, session.id, changes);
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

  /** The fields reminders are scheduled by, read after the change was committed. */
  timing(sessionId: string): Promise<Session> {
    return this.sessions.getSession(sessionId);
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

  /** The session of this event, locked for the rest of the transaction; 404 otherwise. */
  async lockSession(manager: EntityManager, event: Event, id: string): Promise<Session> {
    const session = await this.sessions.lockSession(manager, event.id, id);
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
    if (input.stageId && !(await this.sessions.stageInEvent(manager, event.id, input.stageId))) {
      fields.push({ path: 'stageId', message: 'No such stage in this event' });
    }
    if (input.trackId && !(await this.sessions.trackInEvent(manager, event.id, input.trackId))) {
      fields.push({ path: 'trackId', message: 'No such track in this event' });
    }
    const speakerIds = [...new Set((input.speakers ?? []).map((s) => s.speakerId))];
    if (speakerIds.length !== (input.speakers ?? []).length) {
      fields.push({ path: 'speakers', message: 'Each speaker may be listed once' });
    }
    if (speakerIds.length) {
      const found = await this.sessions.countSpeakersInEvent(manager, event.id, speakerIds);
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
  async assertStageFree(
    manager: EntityManager,
    event: Event,
    placement: Placement,
    ownId: string | null,
  ): Promise<void> {
    if (!placement.stageId) return;
    const stage = await this.sessions.lockStage(manager, placement.stageId);
    if (!stage) return;
    const conflict = await this.sessions.firstOverlap(
      manager,
      placement.stageId,
      placement.startsAt,
      placement.endsAt,
      ownId,
    );
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
    await this.sessions.replaceSpeakers(
      manager,
      sessionId,
      speakers.map((s, position) => ({ speakerId: s.speakerId, part: s.part, position })),
    );
  }

  /** The saved session, with a warning for each speaker who is somewhere else at that time. */
  async result(event: Event, sessionId: string): Promise<SessionWriteResult> {
    const session = await this.sessions.getSession(sessionId);
    const links = await this.sessions.speakersOf(sessionId);
    const names = new Map(links.map((l) => [l.speakerId, l.speaker?.name ?? '']));
    const warnings: ScheduleWarning[] = [];
    if (session.state !== 'cancelled' && links.length) {
      const clashes = await this.sessions.speakerClashes(
        event.id,
        session.id,
        links.map((l) => l.speakerId),
        session.startsAt,
        session.endsAt,
      );
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
