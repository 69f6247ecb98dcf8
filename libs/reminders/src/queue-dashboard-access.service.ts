import { createHmac, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import type { Principal } from '@plenum/identity';
import { PlenumError } from '@plenum/platform';
import { QueueDashboardRepository } from './queue-dashboard.repository';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';
export const QUEUE_DASHBOARD_COOKIE = 'plenum_queues';

export type QueueDashboardVerdict = 'allowed' | 'signed-out' | 'forbidden';

/**
 * Who may open the queue dashboard, a server-rendered page that the SPA's bearer token cannot
 * reach. The SPA trades its token for a cookie scoped to the dashboard's path that names the
 * sign-in (the `auth_sessions` row behind the refresh cookie), signed with the server's secret;
 * every dashboard request checks that sign-in is still live and its person still an
 * installation admin: the queues hold every event's jobs, so an event's organizers do not see
 * them. Logging out or losing the flag ends access at once.
 */
@Injectable()
export class QueueDashboardAccess {
  constructor(
    private readonly signIns: QueueDashboardRepository,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
  ) {}

  /** The cookie for a signed-in installation admin, valid as long as the sign-in. */
  async issue(principal: Principal): Promise<{ value: string; maxAgeSeconds: number }> {
    if (!(await this.isAdmin(principal.userId))) {
      throw PlenumError.forbidden('The queue dashboard is for installation admins');
    }
    const session = await this.signIns.signIn(principal.sessionId);
    if (!session || session.revokedAt) throw PlenumError.unauthenticated();
    return {
      value: `${session.id}.${this.sign(session.id)}`,
      maxAgeSeconds: Math.max(0, Math.floor((session.expiresAt.getTime() - Date.now()) / 1000)),
    };
  }

  async check(cookie: string | undefined): Promise<QueueDashboardVerdict> {
    const [sessionId, signature] = (cookie ?? '').split('.');
    if (!sessionId || !signature || !/^[0-9a-f-]{36}$/.test(sessionId)) return 'signed-out';
    const expected = Buffer.from(this.sign(sessionId));
    const given = Buffer.from(signature);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return 'signed-out';
    const session = await this.signIns.signIn(sessionId);
    if (!session || session.revokedAt || session.expiresAt.getTime() <= Date.now()) {
      return 'signed-out';
    }
    return (await this.isAdmin(session.userId)) ? 'allowed' : 'forbidden';
  }

  private async isAdmin(userId: string): Promise<boolean> {
    const user = await this.signIns.user(userId);
    return Boolean(user && !user.disabledAt && user.isPlatformAdmin);
  }

  private sign(sessionId: string): string {
    return createHmac('sha256', `queue-dashboard:${this.config.authSecret}`)
      .update(sessionId)
      .digest('base64url');
  }
}
