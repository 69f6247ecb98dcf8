import { Injectable } from '@nestjs/common';
import type { LiveSpeakerView, VideoRoom } from '@plenum/contracts';
import type { Session } from '@plenum/db';
import { PermissionsService, allows } from '@plenum/identity';
import type { SessionAccess } from '@plenum/identity';
import { AuditService, PlenumError } from '@plenum/platform';
import { STAGE_KINDS, VideoAccessService, speaksOn } from './video-access.service';
import { VideoRepository } from './video.repository';

/** A moderator takes speakers live on a session's stage and off again. */
@Injectable()
export class LiveStageService {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly access: VideoAccessService,
    private readonly audit: AuditService,
    private readonly video: VideoRepository,
  ) {}

  /** Who is live on the session's stage (the access guard found the session in the event). */
  list(session: Session): Promise<LiveSpeakerView[]> {
    return this.views(stageOf(session).id);
  }

  async takeLive(
    { principal, event, session: target }: SessionAccess,
    userId: string,
  ): Promise<LiveSpeakerView[]> {
    const session = stageOf(target);
    if (!(await this.mayGoLive(event.id, session.id, userId))) {
      throw PlenumError.validation([
        { path: 'userId', message: 'Only speakers and moderators of this session can go live' },
      ]);
    }
    const taken = await this.video.takeLive({
      sessionId: session.id,
      userId,
      eventId: event.id,
      takenLiveById: principal.userId,
    });
    if (taken) {
      await this.audit.record({
        eventId: event.id,
        actorId: principal.userId,
        action: 'stage.live',
        targetType: 'user',
        targetId: userId,
        details: { sessionId: session.id },
      });
    }
    // A speaker already watching the stage starts publishing without reconnecting.
    await this.access.reconcile(event.id, userId, stageRoom(session));
    return this.views(session.id);
  }

  async takeOff(
    { principal, event, session: target }: SessionAccess,
    userId: string,
  ): Promise<LiveSpeakerView[]> {
    const session = stageOf(target);
    if (await this.video.takeOff(session.id, userId)) {
      await this.audit.record({
        eventId: event.id,
        actorId: principal.userId,
        action: 'stage.off',
        targetType: 'user',
        targetId: userId,
        details: { sessionId: session.id },
      });
    }
    // Their tracks stop at once; they stay in the room and watch.
    await this.access.reconcile(event.id, userId, stageRoom(session));
    return this.views(session.id);
  }

  /** Only the session's speakers and moderators go live: the person taken live, not the caller. */
  private async mayGoLive(eventId: string, sessionId: string, userId: string): Promise<boolean> {
    const { roles } = await this.permissions.rolesOf(userId, eventId);
    return allows(roles, 'session.moderate', { sessionId }) || speaksOn(roles, [sessionId]);
  }

  private async views(sessionId: string): Promise<LiveSpeakerView[]> {
    const rows = await this.video.liveSpeakers(sessionId);
    return rows.map((r) => ({
      userId: r.userId,
      displayName: r.displayName,
      since: r.since.toISOString(),
    }));
  }
}

function stageRoom(session: Session): VideoRoom {
  return { kind: 'stage', sessionId: session.id };
}

function stageOf(session: Session): Session {
  if (!STAGE_KINDS.includes(session.kind)) {
    throw PlenumError.validation([
      { path: 'sessionId', message: `A ${session.kind} session has no stage` },
    ]);
  }
  return session;
}
