import { Injectable, Logger } from '@nestjs/common';
import { AccessChangesService } from './access-changes.service';

export interface MembershipChange {
  eventId: string;
  userId: string;
}
export type MembershipRemoved = MembershipChange;

type Listener = (change: MembershipRemoved) => Promise<unknown>;

/**
 * Tells features that act on live state that a person's roles changed, without identity
 * depending on them: every api instance's live sockets through the access-changes channel, and
 * listeners in this process (video rooms, for a lost role). Called after the change is
 * committed; a failing listener is logged and does not undo the change.
 */
@Injectable()
export class MembershipChangesService {
  private readonly logger = new Logger(MembershipChangesService.name);
  private readonly listeners: Listener[] = [];

  constructor(private readonly access: AccessChangesService) {}

  onRemoved(listener: Listener): void {
    this.listeners.push(listener);
  }

  async removed(change: MembershipRemoved): Promise<void> {
    await this.access.publish({ ...change, reason: 'membership-removed' });
    for (const listener of this.listeners) {
      try {
        await listener(change);
      } catch (err) {
        this.logger.warn(
          { err, ...change },
          `Acting on the removed role of ${change.userId} failed`,
        );
      }
    }
  }

  /** A person gained a role: their sockets may now do more where they are. */
  async added(change: MembershipChange): Promise<void> {
    await this.access.publish({ ...change, reason: 'membership-added' });
  }
}
