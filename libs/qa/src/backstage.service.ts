import { Injectable } from '@nestjs/common';
import type { BackstageLine } from '@plenum/contracts';
import { PermissionsService } from '@plenum/identity';
import { LivePlace } from '@plenum/live';
import { LiveEmitter, PlenumError } from '@plenum/platform';
import { BackstageRepository } from './backstage.repository';
import type { QaPerson } from './qa-rooms';

export const backstageRoom = (stageId: string) => `backstage:${stageId}`;

/**
 * The backstage of a stage is for whoever presents or moderates a session on it; its
 * moderators send the message line ("two minutes", "next question") to the speakers there.
 */
@Injectable()
export class BackstageService {
  constructor(
    private readonly repository: BackstageRepository,
    private readonly permissions: PermissionsService,
    private readonly emitter: LiveEmitter,
  ) {}

  /**
   * The stage as a place: its sessions are what actions there are checked against, so the
   * speakers and moderators of any session on it (`session.present`) are backstage, and those
   * who moderate one (`session.moderate`) send the message line.
   */
  async place(stageId: string, userId: string): Promise<LivePlace> {
    const sessions = await this.repository.stageSessions(stageId);
    const eventId = sessions[0]?.event_id;
    if (!eventId) throw PlenumError.notFound('Stage not found');
    const { roles } = await this.permissions.rolesOf(userId, eventId);
    if (roles.length === 0) throw PlenumError.notFound('Stage not found');
    const targets = sessions.map((s) => ({ sessionId: s.id }));
    return new LivePlace(backstageRoom(stageId), 'backstage', stageId, eventId, roles, targets);
  }

  send(author: QaPerson, stageId: string, body: string): BackstageLine {
    const line: BackstageLine = {
      stageId,
      author: { id: author.userId, displayName: author.displayName },
      body,
      at: new Date().toISOString(),
    };
    this.emitter.to(backstageRoom(stageId)).emit('backstage:message', line);
    return line;
  }
}
