import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { LiveSpeakerView, VideoRoom } from '@plenum/contracts';
import { Event, LiveSpeaker, Session } from '@plenum/db';
import { PermissionsService } from '@plenum/identity';
import type { Principal } from '@plenum/identity';
import { AuditService, PlenumError } from '@plenum/platform';
import { STAGE_KINDS, VideoAccessService } from './video-access.service';

/** A moderator takes speakers live on a session's stage and off again. */
@Injectable()
export class LiveStageService {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly access: VideoAccessService,
    private readonly audit: AuditService,
    @InjectRepository(Session) private readonly sessions: Repository<Session>,
    @InjectRepository(LiveSpeaker) private readonly liveSpeakers: Repository<LiveSpeaker>,
  ) {}

  async list(principal: Principal, slug: string, sessionId: string): Promise<LiveSpeakerView[]> {
    const { event } = await this.permissions.eventFor(principal, slug, 'event.member');
    const session = await this.sessionOf(event, sessionId);
    return this.views(session.id);
  }

  async takeLive(
    principal: Principal,
    slug: string,
    sessionId: string,
    userId: string,
  ): Promise<LiveSpeakerView[]> {
    const { event } = await this.permissions.eventFor(principal, slug, 'session.moderate', {
      sessionId,
    });
    const session = await this.sessionOf(event, sessionId);
    const memberships = await this.permissions.membershipsOf(userId, event.id);
    const mayGoLive =
      this.permissions.allows(memberships, 'session.moderate', { sessionId }) ||
      (await this.access.isOnSession(userId, memberships, [session.id]));
    if (!mayGoLive) {
      throw PlenumError.validation([
        { path: 'userId', message: 'Only speakers and moderators of this session can go live' },
      ]);
    }
    const inserted = await this.liveSpeakers
      .createQueryBuilder()
      .insert()
      .values({ sessionId, userId, eventId: event.id, takenLiveById: principal.userId })
      .orIgnore()
      .execute();
    if (inserted.identifiers.length > 0) {
      await this.audit.record({
        eventId: event.id,
        actorId: principal.userId,
        action: 'stage.live',
        targetType: 'user',
        targetId: userId,
        details: { sessionId },
      });
    }
    // A speaker already watching the stage starts publishing without reconnecting.
    await this.access.reconcile(event.id, userId, this.stageRoom(session));
    return this.views(session.id);
  }

  async takeOff(
    principal: Principal,
    slug: string,
    sessionId: string,
    userId: string,
  ): Promise<LiveSpeakerView[]> {
    const { event } = await this.permissions.eventFor(principal, slug, 'session.moderate', {
      sessionId,
    });
    const session = await this.sessionOf(event, sessionId);
    const deleted = await this.liveSpeakers.delete({ sessionId, userId });
    if (deleted.affected) {
      await this.audit.record({
        eventId: event.id,
        actorId: principal.userId,
        action: 'stage.off',
        targetType: 'user',
        targetId: userId,
        details: { sessionId },
      });
    }
    // Their tracks stop at once; they stay in the room and watch.
    await this.access.reconcile(event.id, userId, this.stageRoom(session));
    return this.views(session.id);
  }

  private stageRoom(session: Session): VideoRoom {
    return { kind: 'stage', sessionId: session.id };
  }

  private async sessionOf(event: Event, sessionId: string): Promise<Session> {
    const session = await this.sessions.findOneBy({ id: sessionId, eventId: event.id });
    if (!session) throw PlenumError.notFound('Session not found');
    if (!STAGE_KINDS.includes(session.kind)) {
      throw PlenumError.validation([
        { path: 'sessionId', message: `A ${session.kind} session has no stage` },
      ]);
    }
    return session;
  }

  private async views(sessionId: string): Promise<LiveSpeakerView[]> {
    const rows = await this.liveSpeakers.find({
      where: { sessionId },
      relations: { user: true },
      order: { createdAt: 'ASC' },
    });
    return rows.map((r) => ({
      userId: r.userId,
      displayName: r.user?.displayName ?? '',
      since: r.createdAt.toISOString(),
    }));
  }
}
