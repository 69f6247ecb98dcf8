import { Injectable, Logger } from '@nestjs/common';

export interface MembershipRemoved {
  eventId: string;
  userId: string;
}

type Listener = (change: MembershipRemoved) => Promise<unknown>;

/**
 * Tells features that act on live state (video rooms) that a person lost a role, without
 * identity depending on them. Listeners run after the change is committed; a failing listener
 * is logged and does not undo the change.
 */
@Injectable()
export class MembershipChangesService {
  private readonly logger = new Logger(MembershipChangesService.name);
  private readonly listeners: Listener[] = [];

  onRemoved(listener: Listener): void {
    this.listeners.push(listener);
  }

  async removed(change: MembershipRemoved): Promise<void> {
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
}
