import { Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { PLENUM_CONFIG } from '@plenum/config';
import type { PlenumConfig } from '@plenum/config';
import { CurrentPrincipal, InstallationAccess } from '@plenum/identity';
import type { Principal } from '@plenum/identity';
import {
  QUEUE_DASHBOARD_COOKIE,
  QUEUE_DASHBOARD_PATH,
  QueueDashboardAccess,
} from './queue-dashboard-access.service';

/** The organizer view calls this, then opens `/admin/queues` with the cookie it sets. */
@ApiTags('admin')
@Controller('admin/queues')
export class QueueDashboardController {
  constructor(
    private readonly access: QueueDashboardAccess,
    @Inject(PLENUM_CONFIG) private readonly config: PlenumConfig,
  ) {}

  @Post('session')
  @HttpCode(204)
  @InstallationAccess('queues.view')
  @ApiNoContentResponse({ description: 'The dashboard cookie is set' })
  async open(
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<void> {
    const cookie = await this.access.issue(principal);
    void reply.setCookie(QUEUE_DASHBOARD_COOKIE, cookie.value, {
      httpOnly: true,
      sameSite: 'strict',
      secure: this.config.cookieSecure,
      path: QUEUE_DASHBOARD_PATH,
      maxAge: cookie.maxAgeSeconds,
    });
  }
}
