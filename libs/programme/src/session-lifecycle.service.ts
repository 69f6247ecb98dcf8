import { Injectable } from '@nestjs/common';
import { rooms } from '@plenum/contracts';
import type { SessionState, SessionView } from '@plenum/contracts';
import type { Event } from '@plenum/db';
import type { Principal } from '@plenum/identity';
import { AuditService, LiveEmitter, PlenumError } from '@plenum/platform';
import { ReminderScheduler } from '@plenum/reminders';
import { ProgrammeCache } from './programme-cache.service';
import { SessionsRepository } from './sessions.repository';
import { SessionsService } from './sessions.service';

/** The transitions an organizer or moderator may make, and the state each starts from. */
const transitions = {
  start: { from: 'scheduled', to: 'live', done: 'started' },
  end: { from: 'live', to: 'ended', done: 'ended' },
  cancel: { from: 'scheduled', to: 'cancelled', done: 'cancelled' },
  reinstate: { from: 'cancelled', to: 'scheduled', done: 'reinstated' },
} as const satisfies Record<string, { from: SessionState; to: SessionState; done: string }>;
export type SessionTransition = keyof typeof transitions;

/** A session's lifecycle on the day: started, ended, or cancelled and reinstated. */
@Injectable()
export class SessionLifecycleService {
  constructor(
    private readonly sessions: SessionsRepository,
    private readonly editing: SessionsService,
    private readonly cache: ProgrammeCache,
    private readonly audit: AuditService,
    private readonly live: LiveEmitter,
    private readonly reminders: ReminderScheduler,
  ) {}

  /**
   * Moves a session through its lifecycle. The state is read and changed under the session's
   * row lock, so two moderators pressing "start" at once make one change (the second gets
   * SESSION_STATE_CONFLICT); every connected client is told.
   */
  async transition(
    principal: Principal,
    event: Event,
    sessionId: string,
    transition: SessionTransition,
  ): Promise<SessionView> {
    const { from, to, done } = transitions[transition];
    const changedAt = new Date();
    const before = await this.sessions.transaction(async (manager) => {
      const session = await this.editing.lockSession(manager, event, sessionId);
      if (session.state !== from) {
        throw new PlenumError(
          'SESSION_STATE_CONFLICT',
          `The session is ${session.state}; only a ${from} session can be ${done}`,
          409,
          { details: { state: session.state } },
        );
      }
      if (transition === 'reinstate') {
        await this.editing.assertStageFree(manager, event, session, session.id);
      }
      const cancelling = transition === 'cancel' || transition === 'reinstate';
      await this.sessions.updateSession(manager, session.id, {
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
    await this.reminders.sessionChanged(before, await this.editing.timing(sessionId));
    this.live.to([rooms.event(event.id), rooms.session(sessionId)]).emit('session:state', {
      eventId: event.id,
      sessionId,
      state: to,
      changedAt: changedAt.toISOString(),
    });
    return (await this.editing.result(event, sessionId)).session;
  }
}
