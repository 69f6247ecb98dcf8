import { Injectable } from '@nestjs/common';
import type { ChatRoomKind } from '@plenum/contracts';
import { PermissionsService } from '@plenum/identity';
import type { ActionTarget } from '@plenum/identity';
import { PlenumError } from '@plenum/platform';
import { LivePlace } from './live-connection';
import type { LivePlaceKind } from './live-handlers';
import { LiveRepository } from './live.repository';

/**
 * Who may be in a chat room (`event:`, `session:`, `booth:`, `workshop:`), resolved with the
 * shared policy: the person's roles in the event come from `PermissionsService.rolesOf`, so a
 * speaker profile linked to the account counts as it does over HTTP.
 */
@Injectable()
export class RoomAccessService {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly repository: LiveRepository,
  ) {}

  /** The resolver for one kind of chat room, as the handler registry asks for it. */
  placeKind(kind: ChatRoomKind): LivePlaceKind {
    return {
      resolve: (id, userId) => this.place(kind, id.toLowerCase(), userId),
      rights: (place) => ({
        canModerate: place.can('chat.moderate'),
        canReact: place.kind === 'session',
      }),
    };
  }

  /**
   * Rooms that do not exist and rooms of events the person does not belong to answer the same
   * NOT_FOUND, so outsiders learn nothing.
   */
  private async place(kind: ChatRoomKind, id: string, userId: string): Promise<LivePlace> {
    const found = await this.placeOf(kind, id);
    if (!found) throw PlenumError.notFound('Room not found');
    const { roles } = await this.permissions.rolesOf(userId, found.eventId);
    if (roles.length === 0) throw PlenumError.notFound('Room not found');
    const place = new LivePlace(`${kind}:${id}`, kind, id, found.eventId, roles, [found.target]);
    // A workshop's chat is its own audience's; organizers and moderators come in to moderate.
    if (
      kind === 'workshop' &&
      !place.can('chat.moderate') &&
      !(await this.repository.inWorkshop(id, userId))
    ) {
      throw PlenumError.forbidden("This workshop's chat is for its participants and hosts");
    }
    return place;
  }

  private async placeOf(
    kind: ChatRoomKind,
    id: string,
  ): Promise<{ eventId: string; target: ActionTarget } | null> {
    switch (kind) {
      case 'event':
        return (await this.repository.eventExists(id)) ? { eventId: id, target: {} } : null;
      case 'session':
      case 'workshop': {
        const session = await this.repository.session(id);
        if (!session) return null;
        // A workshop has one room, with its own audience; the session room would bypass it.
        if ((session.kind === 'workshop') !== (kind === 'workshop')) return null;
        return { eventId: session.eventId, target: { sessionId: session.id } };
      }
      case 'booth': {
        const booth = await this.repository.booth(id);
        return booth ? { eventId: booth.eventId, target: { boothId: booth.id } } : null;
      }
    }
  }
}
