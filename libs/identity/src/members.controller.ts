import { Body, Controller, Get, Param, Post } from '@nestjs/common';
import type { InvitationResponse, MemberView } from '@plenum/contracts';
import { CurrentPrincipal } from './auth.decorators';
import { InvitationDto } from './identity.dto';
import { InvitationsService } from './invitations.service';
import { PermissionsService } from './permissions.service';
import type { Principal } from './principal';

@Controller('events/:slug')
export class MembersController {
  constructor(
    private readonly permissions: PermissionsService,
    private readonly invitations: InvitationsService,
  ) {}

  @Get('members')
  async members(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
  ): Promise<MemberView[]> {
    const { event } = await this.permissions.eventFor(principal, slug, 'members.read');
    return this.invitations.members(event);
  }

  @Post('invitations')
  async invite(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Body() body: InvitationDto,
  ): Promise<InvitationResponse> {
    const { event } = await this.permissions.eventFor(principal, slug, 'members.invite');
    return this.invitations.invite(principal, event, body);
  }
}
