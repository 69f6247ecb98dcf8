import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BackstageJoined, BackstageLine } from '@plenum/contracts';
import { PermissionsService } from '@plenum/identity';
import { LiveEmitter, PlenumError } from '@plenum/platform';
import type { QaPerson } from './qa-rooms';

export const backstageRoom = (stageId: string) => `backstage:${stageId}`;

/**
 * The backstage of a stage is for whoever presents or moderates a session on it; its
 * moderators send the message line ("two minutes", "next question") to the speakers there.
 */
@Injectable()
export class BackstageService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly permissions: PermissionsService,
    private readonly emitter: LiveEmitter,
  ) {}

  async access(userId: string, stageId: string): Promise<BackstageJoined & { room: string }> {
    const sessions = await this.dataSource.query<Array<{ id: string; event_id: string }>>(
      `SELECT s.id, s.event_id FROM sessions s JOIN stages st ON st.id = s.stage_id
        WHERE st.id = $1`,
      [stageId],
    );
    const eventId = sessions[0]?.event_id;
    if (!eventId) throw PlenumError.notFound('Stage not found');
    const memberships = await this.permissions.membershipsOf(userId, eventId);
    if (memberships.length === 0) throw PlenumError.notFound('Stage not found');
    const on = (action: 'session.present' | 'session.moderate') =>
      sessions.some((s) => this.permissions.allows(memberships, action, { sessionId: s.id }));
    if (!on('session.present'))
      throw PlenumError.forbidden('Backstage is for speakers and moderators');
    return { stageId, canMessage: on('session.moderate'), room: backstageRoom(stageId) };
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
