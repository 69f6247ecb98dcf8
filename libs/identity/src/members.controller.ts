import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import type { InvitationResponse, MemberView, PendingInvitationView } from '@plenum/contracts';
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

  @Get('invitations')
  async pendingInvitations(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
  ): Promise<PendingInvitationView[]> {
    const { event } = await this.permissions.eventFor(principal, slug, 'members.read');
    return this.invitations.pending(event);
  }

  @Delete('invitations/:invitationId')
  @HttpCode(204)
  async withdraw(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('invitationId', ParseUUIDPipe) invitationId: string,
  ): Promise<void> {
    const { event } = await this.permissions.eventFor(principal, slug, 'members.invite');
    await this.invitations.withdraw(principal, event, invitationId);
  }

  @Delete('members/:membershipId')
  @HttpCode(204)
  async remove(
    @CurrentPrincipal() principal: Principal,
    @Param('slug') slug: string,
    @Param('membershipId', ParseUUIDPipe) membershipId: string,
  ): Promise<void> {
    const { event } = await this.permissions.eventFor(principal, slug, 'members.invite');
    await this.invitations.removeMembership(principal, event, membershipId);
  }
}
