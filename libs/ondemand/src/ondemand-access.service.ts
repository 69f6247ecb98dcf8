import { Inject, Injectable } from '@nestjs/common';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import type { Event, Session } from '@plenum/db';
import { PermissionsService } from '@plenum/identity';
import type { Principal } from '@plenum/identity';
import { PlenumError } from '@plenum/platform';
import { MediaLinks } from './media-links';
import { OnDemandRepository } from './ondemand.repository';

/**
 * Who sees replays, slides and photos follows the event's `mediaAccess`: anyone for a public
 * event, its members otherwise. Changing what is there stays with the roles.
 */
@Injectable()
export class OnDemandAccessService {
  readonly links: MediaLinks;

  constructor(
    private readonly permissions: PermissionsService,
    private readonly media: OnDemandRepository,
    @Inject(PLENUM_CONFIG) config: PlenumConfig,
  ) {
    this.links = new MediaLinks(config.authSecret);
  }

  /**
   * For a file route: a signed link is the proof of access (a `<video>` or `<img>` sends no
   * token); without one the viewer rules apply as for any other request.
   */
  async mediaViewer(
    principal: Principal | undefined,
    slug: string,
    path: string,
    exp: string | undefined,
    sig: string | undefined,
  ): Promise<Event> {
    if (this.links.verify(path, exp, sig)) {
      const event = await this.media.eventBySlug(slug);
      if (!event) throw PlenumError.notFound('Event not found');
      return event;
    }
    return (await this.permissions.resolve(principal, slug, 'media.view')).event;
  }
}

/** A session is over when it was ended, or its time passed without it being cancelled. */
export function hasEnded(session: Pick<Session, 'state' | 'endsAt'>, now = new Date()): boolean {
  return (
    session.state === 'ended' ||
    (session.state !== 'cancelled' && session.endsAt.getTime() <= now.getTime())
  );
}
